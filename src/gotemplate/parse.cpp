// The parser: recursive descent over the lexer's items, with Go's error
// messages and the line Go reports them at.
#include "parse.h"

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "lex.h"
#include "strconv.h"

#include "kinject/base/utf8.h"

namespace kinject::tmpl::detail {

bool is_empty_tree(const Node* n) {
  if (!n) return true;
  switch (n->type) {
    case NT::List:
      for (const auto& c : static_cast<const ListNode*>(n)->nodes) {
        if (!is_empty_tree(c.get())) return false;
      }
      return true;
    case NT::Text: {
      auto t = static_cast<const TextNode*>(n)->text;
      return std::all_of(t.begin(), t.end(), [](char c) { return is_space(c) || c == '\v' || c == '\f'; });
    }
    default: return false;
  }
}

namespace {

class Parser {
 public:
  Parser(std::shared_ptr<const Source> src, const FuncMap& funcs,
         std::unordered_map<std::string, std::shared_ptr<const Tree>>& tree_set)
      : src_(std::move(src)), funcs_(funcs), tree_set_(tree_set) {}

  void parse(const std::string& name) {
    bool break_ok = !has_function("break");
    bool continue_ok = !has_function("continue");
    Lexed lexed = lex(src_->text, break_ok, continue_ok);
    items_ = std::move(lexed.items);
    lex_error_ = std::move(lexed.error);
    auto tree = std::make_shared<Tree>();
    tree->name = name;
    tree->src = src_;
    vars_ = {"$"};
    tree->root = new_node<ListNode>(peek().pos);
    while (peek().typ != Tok::Eof) {
      if (peek().typ == Tok::LeftDelim) {
        std::size_t delim_at = idx_;
        next();
        if (next_non_space().typ == Tok::Define) {
          parse_definition();
          continue;
        }
        idx_ = delim_at;  // Go's backup2(delim)
      }
      NodePtr n = text_or_action();
      if (n->type == NT::End || n->type == NT::Else) errorf("unexpected " + n->str());
      tree->root->nodes.push_back(std::move(n));
    }
    add(std::move(tree));
  }

 private:
  template <class T, class... Args>
  std::unique_ptr<T> new_node(Args&&... args) {
    auto n = std::make_unique<T>(std::forward<Args>(args)...);
    n->src = src_.get();
    return n;
  }

  // --- token stream ---------------------------------------------------------
  const Item& next() {
    const Item& it = items_[std::min(idx_, items_.size() - 1)];
    if (idx_ < items_.size()) ++idx_;
    hi_ = std::max(hi_, idx_);
    return it;
  }
  void backup() { --idx_; }
  const Item& peek() {
    hi_ = std::max(hi_, idx_ + 1);
    return items_[std::min(idx_, items_.size() - 1)];
  }
  const Item& next_non_space() {
    for (;;) {
      const Item& t = next();
      if (t.typ != Tok::Space) return t;
    }
  }
  const Item& peek_non_space() {
    const Item& t = next_non_space();
    backup();
    return t;
  }

  // --- errors ---------------------------------------------------------------
  [[noreturn]] void errorf(const std::string& msg) {
    // Go reports the line of the most recently lexed token.
    std::size_t i = std::min(hi_ == 0 ? 0 : hi_ - 1, items_.size() - 1);
    throw TemplateError(fmt::format("template: {}:{}: {}", src_->parse_name, items_[i].line, msg));
  }
  // A refused function (FuncMap::refuse): Go would run it, kinject will
  // not; the message points at the call, line and column, like an
  // execution error, and says what to write instead.
  [[noreturn]] void refused(const Item& token, const std::string& why) {
    std::string_view before(src_->text.data(), std::min(token.pos, src_->text.size()));
    std::size_t nl = before.rfind('\n');
    std::size_t col = nl == std::string_view::npos ? before.size() : before.size() - (nl + 1);
    throw TemplateError(fmt::format("template: {}:{}:{}: function {} is refused: {}", src_->parse_name, token.line, col,
                                    go_quote(token.val), why));
  }
  [[noreturn]] void unexpected(const Item& token, std::string_view context) {
    if (token.typ == Tok::Error) {
      std::string extra;
      if (action_line_ != 0 && action_line_ != token.line) {
        extra = fmt::format(" in action started at {}:{}", src_->parse_name, action_line_);
        if (lex_error_.size() >= 7 && lex_error_.compare(lex_error_.size() - 7, 7, " action") == 0) {
          extra = extra.substr(std::string_view(" in action").size());
        }
      }
      errorf(lex_error_ + extra);
    }
    errorf(fmt::format("unexpected {} in {}", token.str(), context));
  }
  const Item& expect(Tok t, std::string_view context) {
    const Item& tok = next_non_space();
    if (tok.typ != t) unexpected(tok, context);
    return tok;
  }

  bool has_function(std::string_view name) const { return detail::has_function(funcs_, name); }

  void add(std::shared_ptr<Tree> tree) {
    auto it = tree_set_.find(tree->name);
    if (it == tree_set_.end() || is_empty_tree(it->second->root.get())) {
      tree_set_[tree->name] = std::move(tree);
      return;
    }
    if (!is_empty_tree(tree->root.get())) {
      errorf(fmt::format("template: multiple definition of template {}", go_quote(tree->name)));
    }
  }

  // --- grammar ----------------------------------------------------------------
  void parse_definition() {
    static constexpr std::string_view context = "define clause";
    std::string name = template_name(next_non_space(), context);
    expect(Tok::RightDelim, context);
    define_tree(std::move(name), context);
  }

  // The body of a {{define}} or {{block}}, up to its {{end}}, as a tree of
  // its own: only $ is in scope there, and no {{range}} is around it.
  void define_tree(std::string name, std::string_view context) {
    auto tree = std::make_shared<Tree>();
    tree->name = std::move(name);
    tree->src = src_;
    auto saved_vars = std::move(vars_);
    int saved_range = range_depth_;
    vars_ = {"$"};
    range_depth_ = 0;
    auto [list, end] = item_list();
    if (end->type != NT::End) errorf(fmt::format("unexpected {} in {}", end->str(), context));
    tree->root = std::move(list);
    vars_ = std::move(saved_vars);
    range_depth_ = saved_range;
    add(std::move(tree));
  }

  std::pair<std::unique_ptr<ListNode>, NodePtr> item_list() {
    auto list = new_node<ListNode>(peek_non_space().pos);
    while (peek_non_space().typ != Tok::Eof) {
      NodePtr n = text_or_action();
      if (n->type == NT::End || n->type == NT::Else) return {std::move(list), std::move(n)};
      list->nodes.push_back(std::move(n));
    }
    errorf("unexpected EOF");
  }

  NodePtr text_or_action() {
    const Item& token = next_non_space();
    switch (token.typ) {
      case Tok::Text: return new_node<TextNode>(token.pos, token.val);
      case Tok::LeftDelim: {
        action_line_ = token.line;
        NodePtr n = action();
        action_line_ = 0;
        return n;
      }
      default: unexpected(token, "input");
    }
  }

  NodePtr action() {
    const Item& token = next_non_space();
    switch (token.typ) {
      case Tok::Block: return block_control();
      case Tok::Break: return break_control(token, NT::Break, "{{break}}");
      case Tok::Continue: return break_control(token, NT::Continue, "{{continue}}");
      case Tok::Else: return else_control();
      case Tok::End: return new_node<SimpleNode>(NT::End, expect(Tok::RightDelim, "end").pos);
      case Tok::If: return control(NT::If, "if");
      case Tok::Range: return control(NT::Range, "range");
      case Tok::Template: return template_control();
      case Tok::With: return control(NT::With, "with");
      default: break;
    }
    backup();
    const Item& first = peek();
    std::size_t pos = first.pos;
    int line = first.line;
    return new_node<ActionNode>(pos, line, pipeline("command", Tok::RightDelim));
  }

  NodePtr break_control(const Item& token, NT type, std::string_view what) {
    std::size_t pos = token.pos;
    const Item& t = next_non_space();
    if (t.typ != Tok::RightDelim) unexpected(t, what);
    if (range_depth_ == 0) errorf(fmt::format("{} outside {{{{range}}}}", what));
    return new_node<SimpleNode>(type, pos);
  }

  NodePtr else_control() {
    const Item& p = peek_non_space();
    if (p.typ == Tok::If || p.typ == Tok::With) return new_node<SimpleNode>(NT::Else, p.pos);
    const Item& token = expect(Tok::RightDelim, "else");
    return new_node<SimpleNode>(NT::Else, token.pos);
  }

  std::unique_ptr<BranchNode> control(NT type, std::string_view context) {
    std::size_t saved_vars = vars_.size();
    auto pipe = pipeline(context, Tok::RightDelim);
    if (type == NT::Range) ++range_depth_;
    auto [list, next_node] = item_list();
    if (type == NT::Range) --range_depth_;
    std::unique_ptr<ListNode> else_list;
    if (next_node->type == NT::Else) {
      // "{{else if x}}" / "{{else with x}}" nest a new if/with that consumes
      // the shared {{end}}.
      if ((type == NT::If && peek().typ == Tok::If) || (type == NT::With && peek().typ == Tok::With)) {
        next();
        else_list = new_node<ListNode>(next_node->pos);
        else_list->nodes.push_back(control(type, context));
      } else {
        auto [elist, end] = item_list();
        if (end->type != NT::End) errorf("expected end; found " + end->str());
        else_list = std::move(elist);
      }
    }
    vars_.resize(saved_vars);
    auto node = new_node<BranchNode>(type, pipe->pos, pipe->line);
    node->pipe = std::move(pipe);
    node->list = std::move(list);
    node->else_list = std::move(else_list);
    return node;
  }

  std::string template_name(const Item& token, std::string_view context) {
    if (token.typ != Tok::String && token.typ != Tok::RawString) unexpected(token, context);
    auto s = unquote(token.val);
    if (!s) errorf("invalid syntax");
    return *s;
  }

  // Where a {{template "name"}} or {{block "name"}} stands, and the name.
  struct Invocation {
    std::size_t pos;
    int line;
    std::string name;
  };
  Invocation invocation(std::string_view context) {
    const Item& token = next_non_space();
    return {token.pos, token.line, template_name(token, context)};
  }

  NodePtr template_control() {
    static constexpr std::string_view context = "template clause";
    auto [pos, line, name] = invocation(context);
    std::unique_ptr<PipeNode> pipe;
    if (next_non_space().typ != Tok::RightDelim) {
      backup();
      pipe = pipeline(context, Tok::RightDelim);
    }
    return new_node<TemplateNode>(pos, line, std::move(name), std::move(pipe));
  }

  NodePtr block_control() {
    static constexpr std::string_view context = "block clause";
    auto [pos, line, name] = invocation(context);
    auto pipe = pipeline(context, Tok::RightDelim);
    define_tree(name, context);
    return new_node<TemplateNode>(pos, line, std::move(name), std::move(pipe));
  }

  std::unique_ptr<PipeNode> pipeline(std::string_view context, Tok end) {
    const Item& first = peek_non_space();
    auto pipe = new_node<PipeNode>(first.pos, first.line);
  decls:
    if (const Item& v = peek_non_space(); v.typ == Tok::Variable) {
      std::size_t v_at = idx_;
      next();
      const Item& var = items_[v_at];
      const Item& nxt = peek_non_space();
      auto declare = [&] {
        next_non_space();
        pipe->decl.push_back(new_node<VariableNode>(var.pos, Idents{var.val}));
        vars_.emplace_back(var.val);
      };
      if (nxt.typ == Tok::Assign || nxt.typ == Tok::Declare) {
        pipe->is_assign = nxt.typ == Tok::Assign;
        declare();
      } else if (nxt.typ == Tok::Char && nxt.val == ",") {
        declare();
        if (context == "range" && pipe->decl.size() < 2) {
          Tok t = peek_non_space().typ;
          if (t == Tok::Variable || t == Tok::RightDelim || t == Tok::RightParen) goto decls;
          errorf("range can only initialize variables");
        }
        errorf(fmt::format("too many declarations in {}", context));
      } else {
        idx_ = v_at;  // Go's backup2/backup3: the variable is an operand
      }
    }
    for (;;) {
      const Item& token = next_non_space();
      if (token.typ == end) {
        check_pipeline(*pipe, context);
        return pipe;
      }
      switch (token.typ) {
        case Tok::Bool: case Tok::CharConstant: case Tok::Complex: case Tok::Dot: case Tok::Field:
        case Tok::Identifier: case Tok::Number: case Tok::Nil: case Tok::RawString: case Tok::String:
        case Tok::Variable: case Tok::LeftParen:
          backup();
          pipe->cmds.push_back(command());
          break;
        default: unexpected(token, context);
      }
    }
  }

  void check_pipeline(const PipeNode& pipe, std::string_view context) {
    if (pipe.cmds.empty()) errorf(fmt::format("missing value for {}", context));
    for (std::size_t i = 1; i < pipe.cmds.size(); ++i) {
      switch (pipe.cmds[i]->args[0]->type) {
        case NT::Bool: case NT::Dot: case NT::Nil: case NT::Number: case NT::String:
          errorf(fmt::format("non executable command in pipeline stage {}", i + 1));
        default: break;
      }
    }
  }

  std::unique_ptr<CommandNode> command() {
    auto cmd = new_node<CommandNode>(peek_non_space().pos);
    for (;;) {
      peek_non_space();
      if (NodePtr op = operand()) cmd->args.push_back(std::move(op));
      const Item& token = next();
      if (token.typ == Tok::Space) continue;
      if (token.typ == Tok::RightDelim || token.typ == Tok::RightParen) {
        backup();
      } else if (token.typ != Tok::Pipe) {
        unexpected(token, "operand");
      }
      break;
    }
    if (cmd->args.empty()) errorf("empty command");
    return cmd;
  }

  // .a.b or $x.a followed by more fields is one longer field or variable
  // node. Go rebuilds it at the chain's position (the second field), which
  // is where execution errors will point.
  template <class T>
  NodePtr lengthen(Node& node, ChainNode& chain) {
    Idents ident = std::move(static_cast<T&>(node).ident);
    ident.insert(ident.end(), chain.field.begin(), chain.field.end());
    return new_node<T>(chain.pos, std::move(ident));
  }

  NodePtr operand() {
    NodePtr node = term();
    if (!node) return nullptr;
    if (peek().typ == Tok::Field) {
      auto chain = new_node<ChainNode>(peek().pos, nullptr);
      while (peek().typ == Tok::Field) chain->field.emplace_back(next().val.substr(1));
      switch (node->type) {
        case NT::Field: return lengthen<FieldNode>(*node, *chain);
        case NT::Variable: return lengthen<VariableNode>(*node, *chain);
        case NT::Bool: case NT::String: case NT::Number: case NT::Nil: case NT::Dot:
          errorf(fmt::format("unexpected . after term {}", go_quote(node->str())));
        default:
          chain->node = std::move(node);
          return chain;
      }
    }
    return node;
  }

  static Idents split_dots(std::string_view s, bool field) {
    Idents out;
    if (field) s.remove_prefix(1);
    std::size_t start = 0;
    for (;;) {
      std::size_t d = s.find('.', start);
      out.emplace_back(s.substr(start, d == std::string_view::npos ? std::string_view::npos : d - start));
      if (d == std::string_view::npos) break;
      start = d + 1;
    }
    return out;
  }

  NodePtr term() {
    const Item& token = next_non_space();
    switch (token.typ) {
      case Tok::Identifier: {
        if (const std::string* why = funcs_.refusal(token.val)) refused(token, *why);
        if (!has_function(token.val)) errorf(fmt::format("function {} not defined", go_quote(token.val)));
        auto id = new_node<IdentifierNode>(token.pos, token.val);
        id->fn = funcs_.find(token.val);
        if (!id->fn) {
          id->builtin = find_builtin(token.val);
          id->fn = &builtin_function(id->builtin);
        }
        return id;
      }
      case Tok::Dot: return new_node<DotNode>(token.pos);
      case Tok::Nil: return new_node<NilNode>(token.pos);
      case Tok::Variable: {
        auto ident = split_dots(token.val, false);
        if (std::find(vars_.begin(), vars_.end(), ident[0]) == vars_.end()) {
          errorf(fmt::format("undefined variable {}", go_quote(ident[0])));
        }
        return new_node<VariableNode>(token.pos, std::move(ident));
      }
      case Tok::Field: return new_node<FieldNode>(token.pos, split_dots(token.val, true));
      case Tok::Bool: return new_node<BoolNode>(token.pos, token.val == "true");
      case Tok::CharConstant:
      case Tok::Complex:
      case Tok::Number: return number(token);
      case Tok::LeftParen: {
        if (++stack_depth_ > 10000) errorf("max expression depth exceeded");
        auto p = pipeline("parenthesized pipeline", Tok::RightParen);
        --stack_depth_;
        return p;
      }
      case Tok::String:
      case Tok::RawString: {
        auto s = unquote(token.val);
        if (!s) errorf("invalid syntax");
        return new_node<StringNode>(token.pos, token.val, std::move(*s));
      }
      default:
        backup();
        return nullptr;
    }
  }

  NodePtr number(const Item& token) {
    auto n = new_node<NumberNode>(token.pos, token.val);
    std::string_view text = token.val;
    if (token.typ == Tok::CharConstant) {
      auto s = unquote(text);
      if (!s) errorf("invalid syntax");
      // One rune, no more: Go's UnquoteChar must leave nothing but the quote.
      utf8::Rune r{0, 0, false};
      if (!s->empty()) r = utf8::decode(*s, 0);
      if (r.width == 0 || r.width != s->size()) errorf(fmt::format("malformed character constant: {}", text));
      n->is_int = n->is_uint = n->is_float = true;
      n->i = r.value;
      n->u = r.value;
      n->f = r.value;
      return n;
    }
    if (token.typ == Tok::Complex || (!text.empty() && text.back() == 'i')) {
      // Complex constants are valid Go but no template kinject runs uses
      // them; rejecting them keeps the value model free of complex numbers.
      errorf(fmt::format("complex numbers are not supported: {}", go_quote(text)));
    }
    std::uint64_t u = 0;
    if (parse_uint_base0(text, &u)) {
      n->is_uint = true;
      n->u = u;
    }
    std::int64_t i = 0;
    if (parse_int_base0(text, &i)) {
      n->is_int = true;
      n->i = i;
      if (i == 0) {
        n->is_uint = true;
        n->u = 0;
      }
    }
    if (n->is_int) {
      n->is_float = true;
      n->f = static_cast<double>(n->i);
    } else if (n->is_uint) {
      n->is_float = true;
      n->f = static_cast<double>(n->u);
    } else {
      double f;
      if (parse_go_float(text, &f)) {
        if (text.find_first_of(".eEpP") == std::string_view::npos) {
          errorf(fmt::format("integer overflow: {}", go_quote(text)));
        }
        n->is_float = true;
        n->f = f;
        if (f >= -9.2233720368547758e18 && f < 9.2233720368547758e18 && static_cast<double>(static_cast<std::int64_t>(f)) == f) {
          n->is_int = true;
          n->i = static_cast<std::int64_t>(f);
        }
        if (f >= 0 && f < 1.8446744073709552e19 && static_cast<double>(static_cast<std::uint64_t>(f)) == f) {
          n->is_uint = true;
          n->u = static_cast<std::uint64_t>(f);
        }
      }
    }
    if (!n->is_int && !n->is_uint && !n->is_float) errorf(fmt::format("illegal number syntax: {}", go_quote(text)));
    return n;
  }

  std::shared_ptr<const Source> src_;
  const FuncMap& funcs_;
  std::unordered_map<std::string, std::shared_ptr<const Tree>>& tree_set_;
  std::vector<Item> items_;
  std::string lex_error_;  // the text of the Tok::Error item that ends items_, if one does
  std::size_t idx_ = 0;
  std::size_t hi_ = 0;
  std::vector<std::string_view> vars_;  // views of the source, and "$"
  int action_line_ = 0;
  int range_depth_ = 0;
  int stack_depth_ = 0;
};
}  // namespace

void parse_into(TemplateSet& set, std::string_view name, std::string_view text) {
  auto src = std::make_shared<Source>();
  src->parse_name = std::string(name);
  src->text = std::string(text);
  std::unordered_map<std::string, std::shared_ptr<const Tree>> fresh;
  Parser(src, *set.funcs, fresh).parse(std::string(name));
  for (auto& [tname, tree] : fresh) {
    auto it = set.trees.find(tname);
    // Go's associate(): an empty redefinition never replaces a real one.
    if (it != set.trees.end() && is_empty_tree(tree->root.get())) continue;
    set.trees[tname] = std::move(tree);
  }
}

}  // namespace kinject::tmpl::detail
