// The executor: a recursive walk of the tree that appends to one output
// string. It follows Go's exec.go where behaviour is observable: which node
// an error points at, how missing values flow through pipelines, how
// arguments are checked against a function's parameters.
#include "exec.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <memory>
#include <new>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "builtins.h"

namespace kinject::tmpl::detail {

namespace {

enum class Flow : std::uint8_t { Normal, Break, Continue };

constexpr int kMaxExecDepth = 1000;  // Go allows 100000; C++ stacks are smaller
// The smallest walk of a value's depth that the executor remembers (height()).
constexpr std::uint64_t kRememberedSteps = 64;

// Argument vector with inline storage: most calls have few arguments. The
// inline slots are constructed as arguments arrive, not all up front: a
// call builds and destroys only the Values it passes.
class ArgVec {
 public:
  ArgVec() = default;
  ArgVec(const ArgVec&) = delete;
  ArgVec& operator=(const ArgVec&) = delete;
  ~ArgVec() { std::destroy_n(inline_data(), std::min(n_, kInline)); }

  void push_back(Value v) {
    if (n_ < kInline) {
      std::construct_at(inline_data() + n_, std::move(v));
      ++n_;
    } else {
      if (heap_.empty()) heap_.assign(inline_data(), inline_data() + kInline);
      heap_.push_back(std::move(v));
      ++n_;
    }
  }
  std::span<const Value> span() const {
    return n_ <= kInline ? std::span<const Value>(inline_data(), n_) : std::span<const Value>(heap_.data(), n_);
  }

 private:
  static constexpr std::size_t kInline = 6;
  Value* inline_data() { return std::launder(reinterpret_cast<Value*>(storage_)); }
  const Value* inline_data() const { return std::launder(reinterpret_cast<const Value*>(storage_)); }
  alignas(Value) std::byte storage_[kInline * sizeof(Value)];
  std::vector<Value> heap_;
  std::size_t n_ = 0;
};

class Exec {
 public:
  Exec(const TemplateSet& set, std::string& out, const Tree* tree, const Value& data)
      : set_(set), out_(out), out_start_(out.size()), tree_(tree) {
    vars_.emplace_back("$", data);
  }

  void run(const Value& data) { walk(data, tree_->root.get()); }

 private:
  // --- errors -----------------------------------------------------------------
  [[noreturn]] void errorf(const std::string& msg) const {
    if (!node_) throw TemplateError(fmt::format("template: {}: {}", tree_->name, msg));
    const Source& src = *node_->src;
    std::size_t pos = std::min(node_->pos, src.text.size());
    std::string_view before(src.text.data(), pos);
    std::size_t nl = before.rfind('\n');
    std::size_t col = nl == std::string_view::npos ? pos : pos - (nl + 1);
    auto line = 1 + std::count(before.begin(), before.end(), '\n');
    throw TemplateError(fmt::format("template: {}:{}:{}: executing {} at <{}>: {}", src.parse_name, line, col,
                                    go_quote(tree_->name), node_->str(), msg));
  }
  void at(const Node* n) { node_ = n; }

  // --- limits (see kMaxSteps in template.h) -------------------------------------
  void charge(std::uint64_t cost) {
    steps_ += cost;
    if (steps_ > kMaxSteps)
      errorf(fmt::format("the template did more than {} steps of work; is a {{{{range}}}} endless?", kMaxSteps));
  }
  void check_output() {
    if (out_.size() - out_start_ > kMaxStringBytes)
      errorf(fmt::format("the output is larger than {} MiB", kMaxStringBytes >> 20));
  }
  // A function's result: too big to keep, or paid for by its size.
  const Value& checked_result(std::string_view name, const Value& v) {
    std::size_t size = v.kind() == Kind::String || v.kind() == Kind::List || v.kind() == Kind::Map ? v.size() : 0;
    if (v.kind() == Kind::String && size > kMaxStringBytes)
      errorf(fmt::format("error calling {}: the result is larger than {} MiB", name, kMaxStringBytes >> 20));
    if ((v.kind() == Kind::List || v.kind() == Kind::Map) && size > kMaxItems)
      errorf(fmt::format("error calling {}: the result has more than {} items", name, kMaxItems));
    charge(v.kind() == Kind::String ? size / 64 : size);
    if (height(v, 0) < 0)
      errorf(fmt::format("error calling {}: the result nests deeper than {} levels (or contains itself)", name, kMaxDepth));
    return v;
  }
  // The levels of collections in `v` (0 for a scalar, 1 for a collection
  // of scalars), or -1 when they reach kMaxDepth below `depth`: a value
  // nested deeper than that, or a map that set or merge made contain
  // itself, which nests forever. Every collection visited is a step of work.
  // A collection found not too deep is remembered, with its height and the
  // steps its walk took, so that meeting it again (the template's data,
  // which `dict "pod" .` holds on every call) costs the same steps without
  // the walk; a call of a function that changes maps forgets them all.
  int height(const Value& v, int depth) {
    switch (v.kind()) {
      case Kind::List:
      case Kind::Map:
      case Kind::Struct: break;
      default: return 0;
    }
    if (auto known = checked_.find(v.object()); known != checked_.end() && depth + known->second.height <= kMaxDepth) {
      charge(known->second.steps);
      return known->second.height;
    }
    if (depth >= kMaxDepth) return -1;
    const std::uint64_t steps_before = steps_;
    charge(1);
    int below = 0;
    auto too_deep = [&](const Value& child) {
      int h = height(child, depth + 1);
      below = std::max(below, h);
      return h < 0;
    };
    bool deep = false;
    if (v.kind() == Kind::List) {
      deep = std::any_of(v.as_list().begin(), v.as_list().end(), too_deep);
    } else if (v.kind() == Kind::Map) {
      deep = std::any_of(v.as_map().begin(), v.as_map().end(), [&](const auto& e) { return too_deep(e.second); });
    } else {
      deep = std::any_of(v.struct_fields().begin(), v.struct_fields().end(), too_deep);
    }
    if (deep) return -1;
    // The entry holds the value, so that its address stays its own. A small
    // collection is walked again: remembering it would cost more.
    if (const std::uint64_t steps = steps_ - steps_before; steps >= kRememberedSteps)
      checked_.insert_or_assign(v.object(), Checked{v, below + 1, steps});
    return below + 1;
  }

  // --- variables --------------------------------------------------------------
  void push(std::string_view name, Value v) { vars_.emplace_back(name, std::move(v)); }
  void set_var(std::string_view name, Value v) {
    for (auto i = vars_.size(); i-- > 0;) {
      if (vars_[i].first == name) {
        vars_[i].second = std::move(v);
        return;
      }
    }
    errorf(fmt::format("undefined variable: {}", name));
  }
  const Value& var_value(std::string_view name) {
    for (auto i = vars_.size(); i-- > 0;) {
      if (vars_[i].first == name) return vars_[i].second;
    }
    errorf(fmt::format("undefined variable: {}", name));
  }

  // --- walk -------------------------------------------------------------------
  Flow walk(const Value& dot, const Node* node) {
    at(node);
    charge(1);
    switch (node->type) {
      case NT::Action: {
        auto* a = static_cast<const ActionNode*>(node);
        Value val = eval_pipeline(dot, a->pipe.get());
        if (a->pipe->decl.empty()) {
          at(node);
          try {
            val.append_print(out_);
          } catch (const FuncError& e) {  // the printer's size limit
            errorf(e.what());
          }
          check_output();
        }
        return Flow::Normal;
      }
      case NT::Break: return Flow::Break;
      case NT::Continue: return Flow::Continue;
      case NT::If:
      case NT::With: return walk_if_or_with(dot, static_cast<const BranchNode*>(node));
      case NT::List:
        for (const auto& n : static_cast<const ListNode*>(node)->nodes) {
          Flow f = walk(dot, n.get());
          if (f != Flow::Normal) return f;
        }
        return Flow::Normal;
      case NT::Range: return walk_range(dot, static_cast<const BranchNode*>(node));
      case NT::Template: walk_template(dot, static_cast<const TemplateNode*>(node)); return Flow::Normal;
      case NT::Text:
        out_.append(static_cast<const TextNode*>(node)->text);
        check_output();
        return Flow::Normal;
      default: errorf("unknown node: " + node->str());
    }
  }

  Flow walk_if_or_with(const Value& dot, const BranchNode* n) {
    std::size_t mark = vars_.size();
    Value val = eval_pipeline(dot, n->pipe.get());
    Flow f = Flow::Normal;
    if (val.truthy()) {
      f = walk(n->type == NT::With ? val : dot, n->list.get());
    } else if (n->else_list) {
      f = walk(dot, n->else_list.get());
    }
    vars_.resize(mark);
    return f;
  }

  Flow walk_range(const Value& dot, const BranchNode* r) {
    at(r);
    std::size_t outer_mark = vars_.size();
    Value val = eval_pipeline(dot, r->pipe.get());
    std::size_t mark = vars_.size();
    const PipeNode& pipe = *r->pipe;
    auto one = [&](const Value& index, const Value& elem) -> Flow {
      if (!pipe.decl.empty()) {
        if (pipe.is_assign) {
          set_var(pipe.decl[0]->ident[0], pipe.decl.size() > 1 ? index : elem);
        } else {
          vars_[vars_.size() - 1].second = elem;
        }
      }
      if (pipe.decl.size() > 1) {
        if (pipe.is_assign) {
          set_var(pipe.decl[1]->ident[0], elem);
        } else {
          vars_[vars_.size() - 2].second = index;
        }
      }
      Flow f = walk(elem, r->list.get());
      vars_.resize(mark);
      return f;
    };
    bool ran = false;
    switch (val.kind()) {
      case Kind::List: {
        const auto& l = val.as_list();
        for (std::size_t i = 0; i < l.size(); ++i) {
          ran = true;
          if (one(Value::integer(static_cast<std::int64_t>(i)), l[i]) == Flow::Break) break;
        }
        break;
      }
      case Kind::Map:
        for (const auto& [k, v] : val.as_map()) {
          ran = true;
          if (one(Value::string(k), v) == Flow::Break) break;
        }
        break;
      case Kind::Int: {
        if (pipe.decl.size() > 1) errorf(fmt::format("can't use {} to iterate over more than one variable", print_v(val)));
        for (std::int64_t i = 0; i < val.as_int(); ++i) {
          ran = true;
          Value iv = Value::integer(i, val.type());
          if (one(iv, iv) == Flow::Break) break;
        }
        break;
      }
      case Kind::Invalid: break;  // a nil map etc. acts like an empty one
      default: errorf(fmt::format("range can't iterate over {}", print_v(val)));
    }
    if (!ran && r->else_list) walk(dot, r->else_list.get());
    vars_.resize(outer_mark);
    return Flow::Normal;
  }

  void walk_template(const Value& dot, const TemplateNode* t) {
    at(t);
    auto it = set_.trees.find(t->name);
    if (it == set_.trees.end()) errorf(fmt::format("template {} not defined", go_quote(t->name)));
    if (depth_ >= kMaxExecDepth) errorf(fmt::format("exceeded maximum template depth ({})", kMaxExecDepth));
    Value new_dot = eval_pipeline(dot, t->pipe.get());
    // No dynamic scoping: the callee sees only $ (its argument).
    std::vector<std::pair<std::string_view, Value>> saved;
    saved.swap(vars_);
    vars_.emplace_back("$", new_dot);
    const Tree* saved_tree = tree_;
    tree_ = it->second.get();
    ++depth_;
    walk(new_dot, tree_->root.get());
    --depth_;
    tree_ = saved_tree;
    vars_.swap(saved);
  }

  // --- evaluation ---------------------------------------------------------------
  Value eval_pipeline(const Value& dot, const PipeNode* pipe) {
    if (!pipe) return Value();
    at(pipe);
    Value value;
    bool has_final = false;
    for (const auto& cmd : pipe->cmds) {
      value = eval_command(dot, cmd.get(), value, has_final);
      has_final = true;
      // An interface{} holding nil is no value once it leaves a command.
      if (value.is_nil() && !value.type()) value = Value();
    }
    for (const auto& v : pipe->decl) {
      if (pipe->is_assign) {
        set_var(v->ident[0], value);
      } else {
        push(v->ident[0], value);
      }
    }
    return value;
  }

  void not_a_function(const std::vector<NodePtr>& args, bool has_final) {
    if (args.size() > 1 || has_final) errorf("can't give argument to non-function " + args[0]->str());
  }

  Value eval_command(const Value& dot, const CommandNode* cmd, const Value& final, bool has_final) {
    const Node* first = cmd->args[0].get();
    switch (first->type) {
      case NT::Field:
        return eval_field_node(dot, static_cast<const FieldNode*>(first), &cmd->args, final, has_final);
      case NT::Chain:
        return eval_chain_node(dot, static_cast<const ChainNode*>(first), &cmd->args, final, has_final);
      case NT::Identifier:
        return eval_function(dot, static_cast<const IdentifierNode*>(first), cmd, &cmd->args, final, has_final);
      case NT::Pipe:
        not_a_function(cmd->args, has_final);
        return eval_pipeline(dot, static_cast<const PipeNode*>(first));
      case NT::Variable:
        return eval_variable_node(dot, static_cast<const VariableNode*>(first), &cmd->args, final, has_final);
      default: break;
    }
    at(first);
    not_a_function(cmd->args, has_final);
    switch (first->type) {
      case NT::Bool: return Value::boolean(static_cast<const BoolNode*>(first)->value);
      case NT::Dot: return dot;
      case NT::Nil: errorf("nil is not a command");
      case NT::Number: return ideal_constant(static_cast<const NumberNode*>(first));
      case NT::String: return static_cast<const StringNode*>(first)->value;
      default: errorf("can't evaluate command " + go_quote(first->str()));
    }
  }

  Value ideal_constant(const NumberNode* c) {
    at(c);
    std::string_view t = c->text;
    bool hex_int = t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X') && t.find_first_of("pP") == std::string_view::npos;
    bool rune_int = !t.empty() && t[0] == '\'';
    if (c->is_float && !hex_int && !rune_int && t.find_first_of(".eEpP") != std::string_view::npos) return Value::floating(c->f);
    if (c->is_int) return Value::integer(c->i);
    if (c->is_uint) errorf(fmt::format("{} overflows int", t));
    return Value();
  }

  Value eval_field_node(const Value& dot, const FieldNode* field, const std::vector<NodePtr>* args, const Value& final,
                        bool has_final) {
    at(field);
    return eval_field_chain(dot, dot, field, field->ident, 0, args, final, has_final);
  }

  Value eval_chain_node(const Value& dot, const ChainNode* chain, const std::vector<NodePtr>* args, const Value& final,
                        bool has_final) {
    at(chain);
    if (chain->node->type == NT::Nil) errorf("indirection through explicit nil in " + chain->str());
    Value pipe = eval_arg(dot, Param(ParamKind::Reflect), chain->node.get());
    return eval_field_chain(dot, pipe, chain, chain->field, 0, args, final, has_final);
  }

  Value eval_variable_node(const Value& dot, const VariableNode* v, const std::vector<NodePtr>* args,
                           const Value& final, bool has_final) {
    at(v);
    const Value& value = var_value(v->ident[0]);
    if (v->ident.size() == 1) {
      if (args) not_a_function(*args, has_final);
      return value;
    }
    return eval_field_chain(dot, value, v, v->ident, 1, args, final, has_final);
  }

  Value eval_field_chain(const Value& dot, const Value& receiver_in, const Node* node,
                         const Idents& ident, std::size_t from, const std::vector<NodePtr>* args,
                         const Value& final, bool has_final) {
    std::size_t n = ident.size();
    const Value* receiver = &receiver_in;
    Value holder;
    for (std::size_t i = from; i + 1 < n; ++i) {
      holder = eval_field(dot, ident[i], node, nullptr, Value(), false, *receiver);
      receiver = &holder;
    }
    return eval_field(dot, ident[n - 1], node, args, final, has_final, *receiver);
  }

  static const Value* struct_field(const Value& s, std::string_view name, int depth = 0) {
    const TypeInfo& t = *s.type();
    int i = t.field_index(name);
    if (i >= 0) return &s.struct_fields()[static_cast<std::size_t>(i)];
    if (depth > 8) return nullptr;
    // Promoted fields of embedded structs are reachable through the outer
    // struct (Go's FieldByName does a breadth-first search; a depth-first
    // search is equivalent unless names are ambiguous).
    for (std::size_t k = 0; k < t.fields.size(); ++k) {
      if (!t.fields[k].embedded) continue;
      const Value& fv = s.struct_fields()[k];
      if (fv.kind() == Kind::Struct) {
        if (const Value* found = struct_field(fv, name, depth + 1)) return found;
      }
    }
    return nullptr;
  }

  Value eval_field(const Value& dot, std::string_view name, const Node* node, const std::vector<NodePtr>* args,
                   const Value& final, bool has_final, const Value& receiver) {
    if (receiver.is_invalid()) return Value();
    if (receiver.is_nil() && !receiver.type()) {
      errorf(fmt::format("nil pointer evaluating interface {{}}.{}", name));
    }
    if (const TypePtr& type = receiver.type()) {
      auto m = type->methods.find(name);
      if (m != type->methods.end()) return eval_method(dot, m->second, receiver, node, name, args, final, has_final);
    }
    bool has_args = (args && args->size() > 1) || has_final;
    switch (receiver.kind()) {
      case Kind::Struct:
        if (const Value* f = struct_field(receiver, name)) {
          if (has_args) errorf(fmt::format("{} has arguments but cannot be invoked as function", name));
          return *f;
        }
        break;
      case Kind::Map: {
        if (has_args) errorf(fmt::format("{} is not a method but has arguments", name));
        const Value* f = receiver.find(name);
        return f ? *f : Value();
      }
      case Kind::Nil: {
        const TypeInfo& t = *receiver.type();
        if (!t.fields.empty() && t.field_index(name) < 0) break;
        errorf(fmt::format("nil pointer evaluating *{}.{}", t.name, name));
      }
      default: break;
    }
    errorf(fmt::format("can't evaluate field {} in type {}", name, reflect_type_name(receiver)));
  }

  // Runs a function or method for `node`: one step of work, its error
  // reported as Go's "error calling NAME: ...", its result held to the limits.
  template <class Impl>
  Value call(std::string_view name, const Node* node, bool changes_maps, Impl&& impl) {
    charge(1);
    Value result;
    try {
      result = impl();
    } catch (const TemplateError&) {
      throw;
    } catch (const std::exception& e) {
      at(node);
      errorf(fmt::format("error calling {}: {}", name, e.what()));
    }
    at(node);
    if (changes_maps) checked_.clear();
    return checked_result(name, result);
  }

  Value eval_method(const Value& dot, const Method& method, const Value& self, const Node* node,
                    std::string_view name, const std::vector<NodePtr>* args, const Value& final, bool has_final) {
    ArgVec argv;
    if (args) {
      for (std::size_t i = 1; i < args->size(); ++i) argv.push_back(eval_arg(dot, Param(ParamKind::Any), (*args)[i].get()));
    }
    if (has_final) argv.push_back(validate_type(final, Param(ParamKind::Any)));
    return call(name, node, false, [&] { return method(self, argv.span()); });
  }

  Value eval_function(const Value& dot, const IdentifierNode* id, const Node* cmd, const std::vector<NodePtr>* args,
                      const Value& final, bool has_final) {
    at(id);
    return eval_call(dot, *id->fn, id->builtin, cmd, id->ident, args, final, has_final);
  }

  Value eval_call(const Value& dot, const Function& fn, Builtin builtin, const Node* node, std::string_view name,
                  const std::vector<NodePtr>* args_in, const Value& final, bool has_final) {
    std::span<const NodePtr> args;
    if (args_in && !args_in->empty()) args = std::span<const NodePtr>(args_in->data() + 1, args_in->size() - 1);
    std::size_t num_in = args.size() + (has_final ? 1 : 0);
    std::size_t num_fixed = args.size();
    if (fn.variadic) {
      num_fixed = fn.params.size();
      if (num_in < num_fixed) {
        errorf(fmt::format("wrong number of args for {}: want at least {} got {}", name, num_fixed, args.size()));
      }
    } else if (num_in != fn.params.size()) {
      errorf(fmt::format("wrong number of args for {}: want {} got {}", name, fn.params.size(), num_in));
    }

    if (builtin == Builtin::And || builtin == Builtin::Or) {
      bool want = builtin == Builtin::Or;
      Value v;
      for (const auto& a : args) {
        v = eval_arg(dot, Param(ParamKind::Reflect), a.get());
        if (v.truthy() == want) return v;
      }
      if (has_final) v = final;
      return v;
    }
    if (builtin == Builtin::Call) {
      ArgVec argv;
      for (const auto& a : args) argv.push_back(eval_arg(dot, Param(ParamKind::Reflect), a.get()));
      at(node);
      const Value& f = strip_nil(args.empty() ? final : argv.span()[0]);
      if (f.is_invalid()) errorf("error calling call: call of nil");
      errorf(fmt::format("error calling call: non-function {} of type {}", args.empty() ? std::string("<final>") : args[0]->str(),
                         reflect_type_name(f)));
    }

    ArgVec argv;
    std::size_t i = 0;
    for (; i < num_fixed && i < args.size(); ++i) argv.push_back(eval_arg(dot, fn.params[i], args[i].get()));
    if (fn.variadic) {
      for (; i < args.size(); ++i) argv.push_back(eval_arg(dot, *fn.variadic, args[i].get()));
    }
    if (has_final) {
      const Param* t;
      if (fn.variadic) {
        t = num_in - 1 < num_fixed ? &fn.params[num_in - 1] : &*fn.variadic;
      } else {
        t = &fn.params.back();
      }
      argv.push_back(validate_type(final, *t));
    }
    return call(name, node, fn.changes_maps, [&] { return fn.impl(argv.span()); });
  }

  static bool can_be_nil(const Param& p) {
    switch (p.kind) {
      case ParamKind::Any: case ParamKind::Reflect: case ParamKind::List: case ParamKind::Map: case ParamKind::StringMap:
        return true;
      case ParamKind::Named: return !p.type_name.empty() && p.type_name[0] == '*';
      default: return false;
    }
  }

  static Value zero_of(const Param& p) {
    switch (p.kind) {
      case ParamKind::Any: return Value::nil();
      case ParamKind::List: return Value::list({});
      case ParamKind::Map: return Value::map({});
      case ParamKind::StringMap: return Value::map({}, Elem::String);
      case ParamKind::Named: return Value::nil();
      default: return Value();
    }
  }

  [[noreturn]] void wrong_type(const Param& p, const Value& v) {
    errorf(fmt::format("wrong type for value; expected {}; got {}", p.go_name(), reflect_type_name(v)));
  }

  static bool plain_type(const Value& v, std::string_view name) { return !v.type() || v.type()->name == name; }

  Value validate_type(const Value& value, const Param& p) {
    if (value.is_invalid()) {
      if (can_be_nil(p)) return zero_of(p);
      errorf(fmt::format("invalid value; expected {}", p.go_name()));
    }
    switch (p.kind) {
      case ParamKind::Any:
      case ParamKind::Reflect: return value;
      case ParamKind::String:
        if (value.kind() == Kind::String && plain_type(value, "string")) return value;
        break;
      case ParamKind::Int:
        if (value.kind() == Kind::Int && plain_type(value, "int")) return value;
        break;
      case ParamKind::Uint32: break;  // Go: an int (or any value a template has) is not assignable to uint32
      case ParamKind::Float:
        if (value.kind() == Kind::Float) return value;
        break;
      case ParamKind::Bool:
        if (value.kind() == Kind::Bool && plain_type(value, "bool")) return value;
        break;
      case ParamKind::List:
        if (value.kind() == Kind::List) return value;
        break;
      case ParamKind::Map:
        if (value.kind() == Kind::Map && value.elem() == Elem::Any) return value;
        break;
      case ParamKind::StringMap:
        if (value.kind() == Kind::Map && value.elem() == Elem::String) return value;
        break;
      case ParamKind::Named: {
        std::string_view want = p.type_name;
        bool want_ptr = !want.empty() && want[0] == '*';
        if (want_ptr) want.remove_prefix(1);
        if (value.kind() == Kind::Map) return value;  // lenient: decoded objects stand in for structs
        if (value.type() && value.type()->name == want) {
          if (value.is_nil() && !want_ptr) errorf(fmt::format("dereference of nil pointer of type {}", p.type_name));
          return value;
        }
        break;
      }
    }
    wrong_type(p, value);
  }

  Value eval_arg(const Value& dot, const Param& p, const Node* n) {
    at(n);
    switch (n->type) {
      case NT::Dot: return validate_type(dot, p);
      case NT::Nil:
        if (can_be_nil(p)) return p.kind == ParamKind::Reflect ? Value() : zero_of(p);
        errorf(fmt::format("cannot assign nil to {}", p.go_name()));
      case NT::Field:
        return validate_type(eval_field_node(dot, static_cast<const FieldNode*>(n), nullptr, Value(), false), p);
      case NT::Variable:
        return validate_type(eval_variable_node(dot, static_cast<const VariableNode*>(n), nullptr, Value(), false), p);
      case NT::Pipe: return validate_type(eval_pipeline(dot, static_cast<const PipeNode*>(n)), p);
      case NT::Identifier: {
        auto* id = static_cast<const IdentifierNode*>(n);
        return validate_type(eval_function(dot, id, id, nullptr, Value(), false), p);
      }
      case NT::Chain:
        return validate_type(eval_chain_node(dot, static_cast<const ChainNode*>(n), nullptr, Value(), false), p);
      default: break;
    }
    switch (p.kind) {
      case ParamKind::Bool:
        if (n->type == NT::Bool) return Value::boolean(static_cast<const BoolNode*>(n)->value);
        errorf("expected bool; found " + n->str());
      case ParamKind::Float:
        if (n->type == NT::Number && static_cast<const NumberNode*>(n)->is_float) {
          return Value::floating(static_cast<const NumberNode*>(n)->f);
        }
        errorf("expected float; found " + n->str());
      case ParamKind::Int:
        if (n->type == NT::Number && static_cast<const NumberNode*>(n)->is_int) {
          return Value::integer(static_cast<const NumberNode*>(n)->i);
        }
        errorf("expected integer; found " + n->str());
      case ParamKind::Uint32:
        // evalUnsignedInteger: reflect's SetUint keeps the low 32 bits of a
        // larger constant, silently.
        if (n->type == NT::Number && static_cast<const NumberNode*>(n)->is_uint) {
          return Value::uinteger(static_cast<std::uint32_t>(static_cast<const NumberNode*>(n)->u));
        }
        errorf("expected unsigned integer; found " + n->str());
      case ParamKind::String:
        if (n->type == NT::String) return static_cast<const StringNode*>(n)->value;
        errorf("expected string; found " + n->str());
      case ParamKind::Any:
      case ParamKind::Reflect:
        switch (n->type) {
          case NT::Bool: return Value::boolean(static_cast<const BoolNode*>(n)->value);
          case NT::Number: return ideal_constant(static_cast<const NumberNode*>(n));
          case NT::String: return static_cast<const StringNode*>(n)->value;
          default: errorf("can't handle assignment of " + n->str() + " to empty interface argument");
        }
      default: errorf(fmt::format("can't handle {} for arg of type {}", n->str(), p.go_name()));
    }
  }

  const TemplateSet& set_;
  std::string& out_;
  std::size_t out_start_;  // out_ may hold the caller's text already
  const Tree* tree_;
  const Node* node_ = nullptr;
  std::vector<std::pair<std::string_view, Value>> vars_;
  int depth_ = 0;
  std::uint64_t steps_ = 0;
  // What height() found of the collections it walked, by their object.
  struct Checked {
    Value value;
    int height;
    std::uint64_t steps;
  };
  std::unordered_map<const void*, Checked> checked_;
};

}  // namespace

void execute(const TemplateSet& set, const Tree& tree, const Value& data, std::string& out) {
  Exec(set, out, &tree, data).run(data);
}

}  // namespace kinject::tmpl::detail
