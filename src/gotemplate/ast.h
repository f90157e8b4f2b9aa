// The parse tree of a template (text/template/parse/node.go): what the
// parser builds and the executor walks. write() is Go's Node.String(), which
// execution errors quote.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "builtins.h"
#include "kinject/gotemplate/template.h"

namespace kinject::tmpl {

namespace detail {

enum class NT : std::uint8_t {
  Text, Action, If, Range, With, Template, Break, Continue, List, Pipe, Command,
  Field, Variable, Chain, Identifier, Dot, Nil, Bool, Number, String, Else, End,
};

// The template source, shared by all trees parsed from one text; needed to
// turn node positions into "name:line:col" for execution errors.
struct Source {
  std::string parse_name;
  std::string text;
};

struct Node {
  Node(NT t, std::size_t p) : type(t), pos(p) {}
  virtual ~Node() = default;
  virtual void write(std::string& out) const = 0;  // Go's Node.String()
  std::string str() const {
    std::string s;
    write(s);
    return s;
  }
  NT type;
  std::size_t pos;
  const Source* src = nullptr;
};
using NodePtr = std::unique_ptr<Node>;

struct TextNode final : Node {
  TextNode(std::size_t p, std::string_view t) : Node(NT::Text, p), text(t) {}
  void write(std::string& out) const override { out += go_quote(text); }
  std::string_view text;
};

struct ListNode final : Node {
  explicit ListNode(std::size_t p) : Node(NT::List, p) {}
  void write(std::string& out) const override {
    for (const auto& n : nodes) n->write(out);
  }
  std::vector<NodePtr> nodes;
};

// Names, identifiers and literal texts are views of Source::text, which the
// tree's Source keeps alive: a tree is parsed once and walked many times,
// and a copy of every name would be an allocation per node.
using Idents = std::vector<std::string_view>;

struct FieldNode final : Node {
  FieldNode(std::size_t p, Idents id) : Node(NT::Field, p), ident(std::move(id)) {}
  void write(std::string& out) const override {
    for (const auto& i : ident) {
      out += '.';
      out += i;
    }
  }
  Idents ident;
};

struct VariableNode final : Node {
  VariableNode(std::size_t p, Idents id) : Node(NT::Variable, p), ident(std::move(id)) {}
  void write(std::string& out) const override {
    for (std::size_t i = 0; i < ident.size(); ++i) {
      if (i > 0) out += '.';
      out += ident[i];
    }
  }
  Idents ident;
};

struct CommandNode;

struct PipeNode final : Node {
  PipeNode(std::size_t p, int l) : Node(NT::Pipe, p), line(l) {}
  void write(std::string& out) const override;
  int line;
  bool is_assign = false;
  std::vector<std::unique_ptr<VariableNode>> decl;
  std::vector<std::unique_ptr<CommandNode>> cmds;
};

struct CommandNode final : Node {
  explicit CommandNode(std::size_t p) : Node(NT::Command, p) {}
  void write(std::string& out) const override {
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (i > 0) out += ' ';
      if (args[i]->type == NT::Pipe) {
        out += '(';
        args[i]->write(out);
        out += ')';
      } else {
        args[i]->write(out);
      }
    }
  }
  std::vector<NodePtr> args;
};

inline void PipeNode::write(std::string& out) const {
  if (!decl.empty()) {
    for (std::size_t i = 0; i < decl.size(); ++i) {
      if (i > 0) out += ", ";
      decl[i]->write(out);
    }
    out += " := ";
  }
  for (std::size_t i = 0; i < cmds.size(); ++i) {
    if (i > 0) out += " | ";
    cmds[i]->write(out);
  }
}

struct ActionNode final : Node {
  ActionNode(std::size_t p, int l, std::unique_ptr<PipeNode> pp) : Node(NT::Action, p), line(l), pipe(std::move(pp)) {}
  void write(std::string& out) const override {
    out += "{{";
    pipe->write(out);
    out += "}}";
  }
  int line;
  std::unique_ptr<PipeNode> pipe;
};

struct ChainNode final : Node {
  ChainNode(std::size_t p, NodePtr n) : Node(NT::Chain, p), node(std::move(n)) {}
  void write(std::string& out) const override {
    if (node->type == NT::Pipe) {
      out += '(';
      node->write(out);
      out += ')';
    } else {
      node->write(out);
    }
    for (const auto& f : field) {
      out += '.';
      out += f;
    }
  }
  NodePtr node;
  Idents field;
};

struct IdentifierNode final : Node {
  IdentifierNode(std::size_t p, std::string_view id) : Node(NT::Identifier, p), ident(id) {}
  void write(std::string& out) const override { out += ident; }
  std::string_view ident;
  const Function* fn = nullptr;  // resolved at parse time (user map first, then builtins)
  Builtin builtin = Builtin::None;
};

struct DotNode final : Node {
  explicit DotNode(std::size_t p) : Node(NT::Dot, p) {}
  void write(std::string& out) const override { out += '.'; }
};

struct NilNode final : Node {
  explicit NilNode(std::size_t p) : Node(NT::Nil, p) {}
  void write(std::string& out) const override { out += "nil"; }
};

struct BoolNode final : Node {
  BoolNode(std::size_t p, bool b) : Node(NT::Bool, p), value(b) {}
  void write(std::string& out) const override { out += value ? "true" : "false"; }
  bool value;
};

struct NumberNode final : Node {
  NumberNode(std::size_t p, std::string_view t) : Node(NT::Number, p), text(t) {}
  void write(std::string& out) const override { out += text; }
  std::string_view text;
  bool is_int = false, is_uint = false, is_float = false, is_complex = false;
  std::int64_t i = 0;
  std::uint64_t u = 0;
  double f = 0;
};

struct StringNode final : Node {
  StringNode(std::size_t p, std::string_view quoted_text, std::string s)
      : Node(NT::String, p), quoted(quoted_text), value(Value::string(std::move(s))) {}
  void write(std::string& out) const override { out += quoted; }
  std::string_view quoted;
  Value value;  // built once; executions share it
};

struct BranchNode final : Node {
  BranchNode(NT t, std::size_t p, int l) : Node(t, p), line(l) {}
  void write(std::string& out) const override {
    const char* name = type == NT::If ? "if" : type == NT::Range ? "range" : "with";
    out += "{{";
    out += name;
    out += ' ';
    pipe->write(out);
    out += "}}";
    list->write(out);
    if (else_list) {
      out += "{{else}}";
      else_list->write(out);
    }
    out += "{{end}}";
  }
  int line;
  std::unique_ptr<PipeNode> pipe;
  std::unique_ptr<ListNode> list;
  std::unique_ptr<ListNode> else_list;
};

struct TemplateNode final : Node {
  TemplateNode(std::size_t p, int l, std::string n, std::unique_ptr<PipeNode> pp)
      : Node(NT::Template, p), line(l), name(std::move(n)), pipe(std::move(pp)) {}
  void write(std::string& out) const override {
    out += "{{template ";
    out += go_quote(name);
    if (pipe) {
      out += ' ';
      pipe->write(out);
    }
    out += "}}";
  }
  int line;
  std::string name;
  std::unique_ptr<PipeNode> pipe;
};

struct SimpleNode final : Node {  // break, continue, else, end
  SimpleNode(NT t, std::size_t p) : Node(t, p) {}
  void write(std::string& out) const override {
    switch (type) {
      case NT::Break: out += "{{break}}"; break;
      case NT::Continue: out += "{{continue}}"; break;
      case NT::Else: out += "{{else}}"; break;
      default: out += "{{end}}"; break;
    }
  }
};

// A parsed template: one named tree.
struct Tree {
  std::string name;
  std::shared_ptr<const Source> src;
  std::unique_ptr<ListNode> root;
};

// Whether a tree holds nothing but space: such a (re)definition never
// replaces a real one (Go's IsEmptyTree).
bool is_empty_tree(const Node* n);

}  // namespace detail

struct TemplateSet {
  std::string primary;  // name given to Template::parse
  std::shared_ptr<const FuncMap> funcs;
  std::unordered_map<std::string, std::shared_ptr<const detail::Tree>> trees;
};

}  // namespace kinject::tmpl
