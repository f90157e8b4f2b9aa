// A parsed template set in a form that loads without lexing or parsing: the
// built-in profiles' templates are parsed at build time (issue 26: a
// one-document run spent a fifth of its instructions parsing the sidecar
// template) and loaded from this form at run time.
//
// The form is a pre-order walk of the trees. Every name and literal the
// parser takes from the text is a view of it, so the form holds offsets into
// the text, not the bytes: it is loaded against the very text it was made
// from (the caller's to ensure; a form that does not fit the text, or names
// a function the run's FuncMap lacks or refuses, is refused, and the caller
// parses). Numbers keep their parsed values; string literals are unquoted
// again on loading, as the parser does.
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "ast.h"
#include "kinject/base/form.h"
#include "kinject/gotemplate/template.h"
#include "strconv.h"

namespace kinject::tmpl {

namespace detail {
namespace {

// Bumped whenever the encoding changes.
constexpr std::uint8_t kFormVersion = 1;

class Writer {
 public:
  explicit Writer(std::string_view text) : text_(text) {}

  bool ok() const { return ok_; }
  std::string take() { return std::move(out_); }

  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void uv(std::uint64_t v) { form_put_varint(out_, v); }
  void raw64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  void line(int l) { uv(static_cast<std::uint64_t>(l < 0 ? 0 : l)); }
  // A view of the text, as offset and length; anything else cannot be
  // written (the parser makes no such view).
  void view(std::string_view v) {
    if (v.empty()) {
      uv(0);
      uv(0);
      return;
    }
    if (v.data() < text_.data() || v.data() + v.size() > text_.data() + text_.size()) {
      ok_ = false;
      return;
    }
    uv(static_cast<std::uint64_t>(v.data() - text_.data()));
    uv(v.size());
  }
  void bytes(std::string_view s) { form_put_bytes(out_, s); }
  void idents(const Idents& ids) {
    uv(ids.size());
    for (auto id : ids) view(id);
  }

  void node(const Node* n) {
    u8(static_cast<std::uint8_t>(n->type));
    uv(n->pos);
    switch (n->type) {
      case NT::Text: view(static_cast<const TextNode*>(n)->text); break;
      case NT::List: {
        const auto& nodes = static_cast<const ListNode*>(n)->nodes;
        uv(nodes.size());
        for (const auto& c : nodes) node(c.get());
        break;
      }
      case NT::Field: idents(static_cast<const FieldNode*>(n)->ident); break;
      case NT::Variable: idents(static_cast<const VariableNode*>(n)->ident); break;
      case NT::Pipe: {
        const auto* p = static_cast<const PipeNode*>(n);
        line(p->line);
        u8(p->is_assign ? 1 : 0);
        uv(p->decl.size());
        for (const auto& d : p->decl) node(d.get());
        uv(p->cmds.size());
        for (const auto& c : p->cmds) node(c.get());
        break;
      }
      case NT::Command: {
        const auto& args = static_cast<const CommandNode*>(n)->args;
        uv(args.size());
        for (const auto& a : args) node(a.get());
        break;
      }
      case NT::Action: {
        const auto* a = static_cast<const ActionNode*>(n);
        line(a->line);
        node(a->pipe.get());
        break;
      }
      case NT::Chain: {
        const auto* c = static_cast<const ChainNode*>(n);
        node(c->node.get());
        idents(c->field);
        break;
      }
      case NT::Identifier: view(static_cast<const IdentifierNode*>(n)->ident); break;
      case NT::Bool: u8(static_cast<const BoolNode*>(n)->value ? 1 : 0); break;
      case NT::Number: {
        const auto* num = static_cast<const NumberNode*>(n);
        view(num->text);
        u8(static_cast<std::uint8_t>((num->is_int ? 1 : 0) | (num->is_uint ? 2 : 0) | (num->is_float ? 4 : 0) |
                                     (num->is_complex ? 8 : 0)));
        raw64(static_cast<std::uint64_t>(num->i));
        raw64(num->u);
        std::uint64_t f;
        std::memcpy(&f, &num->f, sizeof f);
        raw64(f);
        break;
      }
      case NT::String: view(static_cast<const StringNode*>(n)->quoted); break;
      case NT::If:
      case NT::Range:
      case NT::With: {
        const auto* b = static_cast<const BranchNode*>(n);
        line(b->line);
        node(b->pipe.get());
        node(b->list.get());
        u8(b->else_list ? 1 : 0);
        if (b->else_list) node(b->else_list.get());
        break;
      }
      case NT::Template: {
        const auto* t = static_cast<const TemplateNode*>(n);
        line(t->line);
        bytes(t->name);
        u8(t->pipe ? 1 : 0);
        if (t->pipe) node(t->pipe.get());
        break;
      }
      case NT::Dot:
      case NT::Nil:
      case NT::Break:
      case NT::Continue:
      case NT::Else:
      case NT::End: break;
    }
  }

 private:
  std::string_view text_;
  std::string out_;
  bool ok_ = true;
};

// The reader throws FormUnfit for a form that does not fit; load_prepared
// answers nullopt, and the caller parses.
class Reader : public FormReader {
 public:
  Reader(std::string_view form, const Source* src, const FuncMap& funcs) : FormReader(form), src_(src), funcs_(funcs) {}

  std::uint64_t raw64() {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(u8()) << (8 * i);
    return v;
  }
  // A count: bounded by the bytes left and the text's size, so that a form
  // that does not fit cannot ask for a vector larger than what could be there.
  std::size_t size() { return bounded(left() + src_->text.size()); }
  int line() { return static_cast<int>(bounded(0x7FFFFFFF)); }
  std::string_view view() {
    const std::string& text = src_->text;
    std::size_t off = bounded(text.size());
    std::size_t len = bounded(text.size() - off);
    return std::string_view(text).substr(off, len);
  }
  std::string str() { return std::string(bytes()); }
  Idents idents() {
    Idents ids(size());
    for (auto& id : ids) id = view();
    return ids;
  }

  template <class T, class... Args>
  std::unique_ptr<T> make(Args&&... args) {
    auto n = std::make_unique<T>(std::forward<Args>(args)...);
    n->src = src_;
    return n;
  }

  template <class T>
  std::unique_ptr<T> node_of(NT want) {
    NodePtr n = node();
    if (n->type != want) throw FormUnfit{};
    return std::unique_ptr<T>(static_cast<T*>(n.release()));
  }

  NodePtr node() {
    if (++depth_ > 20000) throw FormUnfit{};
    auto type = static_cast<NT>(u8());
    std::size_t pos = static_cast<std::size_t>(varint());
    NodePtr out;
    switch (type) {
      case NT::Text: out = make<TextNode>(pos, view()); break;
      case NT::List: {
        auto l = make<ListNode>(pos);
        l->nodes.resize(size());
        for (auto& c : l->nodes) c = node();
        out = std::move(l);
        break;
      }
      case NT::Field: out = make<FieldNode>(pos, idents()); break;
      case NT::Variable: out = make<VariableNode>(pos, idents()); break;
      case NT::Pipe: {
        int l = line();
        auto p = make<PipeNode>(pos, l);
        p->is_assign = u8() != 0;
        p->decl.resize(size());
        for (auto& d : p->decl) d = node_of<VariableNode>(NT::Variable);
        p->cmds.resize(size());
        for (auto& c : p->cmds) c = node_of<CommandNode>(NT::Command);
        out = std::move(p);
        break;
      }
      case NT::Command: {
        auto c = make<CommandNode>(pos);
        c->args.resize(size());
        for (auto& a : c->args) a = node();
        out = std::move(c);
        break;
      }
      case NT::Action: {
        int l = line();
        out = make<ActionNode>(pos, l, node_of<PipeNode>(NT::Pipe));
        break;
      }
      case NT::Chain: {
        auto c = make<ChainNode>(pos, node());
        c->field = idents();
        out = std::move(c);
        break;
      }
      case NT::Identifier: {
        std::string_view name = view();
        // As the parser resolves it (parse.cpp, term()): the run's functions
        // first, then the builtins; a name the run refuses or lacks is the
        // parser's to report.
        if (funcs_.refusal(name)) throw FormUnfit{};
        auto id = make<IdentifierNode>(pos, name);
        id->fn = funcs_.find(name);
        if (!id->fn) {
          id->builtin = find_builtin(name);
          if (id->builtin == Builtin::None) throw FormUnfit{};
          id->fn = &builtin_function(id->builtin);
        }
        out = std::move(id);
        break;
      }
      case NT::Dot: out = make<DotNode>(pos); break;
      case NT::Nil: out = make<NilNode>(pos); break;
      case NT::Bool: out = make<BoolNode>(pos, u8() != 0); break;
      case NT::Number: {
        auto num = make<NumberNode>(pos, view());
        std::uint8_t flags = u8();
        num->is_int = flags & 1;
        num->is_uint = flags & 2;
        num->is_float = flags & 4;
        num->is_complex = flags & 8;
        num->i = static_cast<std::int64_t>(raw64());
        num->u = raw64();
        std::uint64_t f = raw64();
        std::memcpy(&num->f, &f, sizeof f);
        out = std::move(num);
        break;
      }
      case NT::String: {
        std::string_view quoted = view();
        auto s = unquote(quoted);
        if (!s) throw FormUnfit{};
        out = make<StringNode>(pos, quoted, std::move(*s));
        break;
      }
      case NT::If:
      case NT::Range:
      case NT::With: {
        int l = line();
        auto b = make<BranchNode>(type, pos, l);
        b->pipe = node_of<PipeNode>(NT::Pipe);
        b->list = node_of<ListNode>(NT::List);
        if (u8()) b->else_list = node_of<ListNode>(NT::List);
        out = std::move(b);
        break;
      }
      case NT::Template: {
        int l = line();
        std::string name = str();
        std::unique_ptr<PipeNode> pipe;
        if (u8()) pipe = node_of<PipeNode>(NT::Pipe);
        out = make<TemplateNode>(pos, l, std::move(name), std::move(pipe));
        break;
      }
      case NT::Break:
      case NT::Continue:
      case NT::Else:
      case NT::End: out = make<SimpleNode>(type, pos); break;
      default: throw FormUnfit{};
    }
    --depth_;
    return out;
  }

 private:
  const Source* src_;
  const FuncMap& funcs_;
  int depth_ = 0;
};

// What the lexer decided from the FuncMap (lex.h): a function named break
// or continue turns the keyword into an identifier.
std::uint8_t keyword_flags(const FuncMap& funcs) {
  return static_cast<std::uint8_t>((has_function(funcs, "break") ? 1 : 0) | (has_function(funcs, "continue") ? 2 : 0));
}

}  // namespace
}  // namespace detail

std::string Template::prepared_form() const {
  const detail::Source* src = nullptr;
  for (const auto& [name, tree] : set_->trees) {
    if (!src) src = tree->src.get();
    if (tree->src.get() != src) return {};  // more than one text (add()): not this form's
  }
  if (!src) return {};
  detail::Writer w(src->text);
  w.u8(detail::kFormVersion);
  w.u8(detail::keyword_flags(*set_->funcs));
  w.bytes(src->parse_name);
  // In name order, so that the form is the same bytes on every build.
  std::vector<std::string> order = names();
  w.uv(order.size());
  for (const auto& name : order) {
    w.bytes(name);
    w.node(set_->trees.at(name)->root.get());
  }
  return w.ok() ? w.take() : std::string();
}

std::optional<Template> Template::load_prepared(std::string_view name, std::string_view text, std::string_view form,
                                                FuncMap funcs) {
  auto set = std::make_shared<TemplateSet>();
  set->primary = std::string(name);
  set->funcs = std::make_shared<const FuncMap>(std::move(funcs));
  auto src = std::make_shared<detail::Source>();
  src->parse_name = std::string(name);
  src->text = std::string(text);
  try {
    detail::Reader r(form, src.get(), *set->funcs);
    if (r.u8() != detail::kFormVersion) return std::nullopt;
    if (r.u8() != detail::keyword_flags(*set->funcs)) return std::nullopt;
    if (r.bytes() != src->parse_name) return std::nullopt;
    std::size_t n = r.size();
    for (std::size_t i = 0; i < n; ++i) {
      auto tree = std::make_shared<detail::Tree>();
      tree->name = r.str();
      tree->src = src;
      tree->root = r.node_of<detail::ListNode>(detail::NT::List);
      set->trees[tree->name] = std::move(tree);
    }
    if (!r.at_end()) return std::nullopt;
  } catch (const FormUnfit&) {
    return std::nullopt;
  }
  return Template(std::move(set));
}

}  // namespace kinject::tmpl
