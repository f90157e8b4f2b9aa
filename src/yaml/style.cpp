#include "kinject/yaml/style.h"

#include "lines.h"
#include "scalars.h"

namespace kinject {

namespace {

// Learns the document's layout from its first examples of each construct.
struct StyleProbe {
  std::string_view t;
  DocStyle st;
  bool got_indent = false, got_seq = false, got_item = false;
  std::size_t quoted_values = 0, plain_values = 0;

  std::size_t single_quoted = 0, double_quoted = 0;

  void count_scalar(const Node& v) {
    if (v.kind != Kind::String || v.is_alias) return;
    if (v.style == Style::Single) ++single_quoted;
    if (v.style == Style::Double) ++double_quoted;
    if (v.style == Style::Plain) ++plain_values;
    else if ((v.style == Style::Double || v.style == Style::Single) && plain_safe(v.text, false)) ++quoted_values;
  }

  void visit_all(const Node& n) {
    if (n.is_alias) return;
    for (const auto& e : n.entries) {
      if (e.merged) continue;  // its text is elsewhere, and seen there
      count_scalar(e.value);
      visit_all(e.value);
    }
    for (const auto& it : n.items) {
      count_scalar(it);
      visit_all(it);
    }
  }

  int column(std::size_t p) const { return lines::column(t, p); }
  std::size_t dash_before(std::size_t p) const { return lines::dash_before(t, p); }

  void visit(const Node& n) {
    if (n.is_alias || n.style != Style::Block) return;
    if (n.is_map()) {
      if (n.entries.empty() || n.entries.front().merged) return;
      int key_col = column(n.entries.front().key.span.begin);
      for (const auto& e : n.entries) {
        if (e.merged) continue;
        const Node& v = e.value;
        if (v.is_alias || v.style != Style::Block) continue;
        if (v.is_map() && !v.entries.empty() && !got_indent) {
          int d = column(v.entries.front().key.span.begin) - key_col;
          if (d > 0) {
            st.indent = d;
            got_indent = true;
          }
        }
        if (v.is_seq() && !v.items.empty() && !got_seq) {
          std::size_t dash = dash_before(v.items.front().span.begin);
          if (dash != std::string_view::npos) {
            int d = column(dash) - key_col;
            if (d >= 0) {
              st.seq_indent = d;
              got_seq = true;
            }
          }
        }
        visit(v);
      }
    } else if (n.is_seq()) {
      for (const auto& it : n.items) {
        if (it.is_map() && it.style == Style::Block && !it.entries.empty() && !got_item) {
          std::size_t dash = dash_before(it.span.begin);
          if (dash != std::string_view::npos) {
            int d = column(it.entries.front().key.span.begin) - column(dash);
            if (d > 0) {
              st.item_indent = d;
              got_item = true;
            }
          }
        }
        visit(it);
      }
    }
  }
};

}  // namespace

DocStyle detect_style(const Document& doc) {
  StyleProbe p{doc.raw.text, {}};
  p.st.crlf = doc.crlf;
  p.st.flow = !doc.empty && doc.root.style == Style::Flow;
  p.st.json = doc.json;
  if (!doc.empty) {
    p.visit(doc.root);
    p.visit_all(doc.root);
  }
  if (!p.got_seq) p.st.seq_indent = p.st.indent;
  // Quote with what the document's strings mostly use.
  p.st.quote = p.single_quoted > p.double_quoted ? '\'' : '"';
  p.st.quote_strings = p.quoted_values > p.plain_values;
  if (p.st.flow) {
    // Indentation step of a pretty-printed flow document: first entry column.
    if (doc.root.is_map() && !doc.root.entries.empty()) {
      int c = p.column(doc.root.entries.front().key.span.begin);
      std::size_t root_line = doc.raw.text.rfind('\n', doc.root.span.begin);
      std::size_t key_line = doc.raw.text.rfind('\n', doc.root.entries.front().key.span.begin);
      p.st.indent = root_line != key_line && c > 0 ? c : 0;
    }
  }
  return p.st;
}

}  // namespace kinject
