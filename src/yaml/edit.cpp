#include "edit.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "emitter.h"
#include "lines.h"
#include "scalars.h"

namespace kinject {

namespace {

// ---------------------------------------------------------------- diffing

struct Edit {
  std::size_t begin, end;
  std::string text;
  std::size_t seq;  // insertion order, to keep inserts at one position in order
};

enum class Parent { Root, MapValue, SeqItem };

struct Ctx {
  bool flow = false;
  Parent parent = Parent::Root;
  int col = 0;                 // key column (MapValue) or dash column (SeqItem)
  std::size_t slot = 0;        // MapValue: just after ':'; SeqItem: just after '-'
};

bool tree_has_aliases(const Node& n);

// The block sequence items of the document read, by where they begin: a
// node of the new tree that still has its span and is inserted elsewhere
// (Istio moves a user's istio-proxy from the containers to the init
// containers, uninject moves it back) is found here, and its text goes
// along with it, comments and key order included.
struct Origins {
  const Node* root = nullptr;
  bool built = false;
  std::map<std::uint32_t, const Node*> items;
  std::vector<const Node*> active;  // items being moved (no item moves into itself)

  const Node* find(const Node& n) {
    if (!built) {
      built = true;
      if (root) collect(*root);
    }
    auto it = items.find(n.span.begin);
    return it == items.end() || it->second->span.end != n.span.end ? nullptr : it->second;
  }

 private:
  void collect(const Node& o) {
    if (o.is_alias) return;
    for (const auto& e : o.entries) collect(e.value);
    for (const auto& it : o.items) {
      if (o.style != Style::Flow && it.is_map() && !it.entries.empty() && it.style != Style::Flow && !it.is_alias)
        items.emplace(it.span.begin, &it);
      collect(it);
    }
  }
};

class Differ {
 public:
  Differ(const Document& doc, const DocStyle& st, Origins& origins, std::span<const std::string_view> item_keys)
      : doc_(doc), t_(doc.raw.text), st_(st), em_(st), origins_(origins), item_keys_(item_keys) {
    em_.set_item_source([this](const Node& n, int dash) { return moved_item(n, dash); });
  }
  Differ(const Differ&) = delete;
  Differ& operator=(const Differ&) = delete;

  void run(const Node& o, const Node& n) {
    Ctx ctx;
    ctx.flow = o.style == Style::Flow;
    diff(o, n, ctx);
    expand_dirty_aliases();
  }

  std::string apply() { return apply_range(0, t_.size()); }

  // The text of [begin, end) with the edits made in it; throws NotEditable
  // when an edit reaches outside it.
  std::string apply_range(std::size_t begin, std::size_t end) {
    // By position; at one position, pure insertions go before a deletion
    // or replacement that starts there.
    std::stable_sort(edits_.begin(), edits_.end(), [](const Edit& a, const Edit& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      bool ai = a.begin == a.end, bi = b.begin == b.end;
      if (ai != bi) return ai;
      return a.seq < b.seq;
    });
    std::string out;
    out.reserve(end - begin + 1024);
    std::size_t pos = begin;
    for (const auto& e : edits_) {
      if (e.begin < pos || e.end > end) throw NotEditable();  // overlapping edits, or outside the range
      out.append(t_.substr(pos, e.begin - pos));
      out.append(e.text);
      pos = e.end;
    }
    out.append(t_.substr(pos, end - pos));
    return out;
  }

  bool any() const { return !edits_.empty(); }

 private:
  // --- text helpers (lines.h, on this document's text)
  std::size_t line_start(std::size_t p) const { return lines::line_start(t_, p); }
  std::size_t line_end(std::size_t p) const {  // before "\r\n" / "\n"
    std::size_t nl = lines::line_end(t_, p);
    return nl < t_.size() && nl > 0 && t_[nl - 1] == '\r' ? nl - 1 : nl;
  }
  std::size_t after_newline(std::size_t p) const { return lines::next_line(t_, p); }  // start of the next line
  int column(std::size_t p) const { return lines::column(t_, p); }
  int indentation(std::size_t p) const { return lines::indentation(t_, p); }
  bool only_blanks(std::size_t a, std::size_t b) const {
    for (std::size_t k = a; k < b; ++k)
      if (!lines::is_blank(t_[k])) return false;
    return true;
  }
  std::size_t after_colon(const Node& key) const {
    std::size_t p = key.span.end;
    while (p < t_.size() && (t_[p] == ' ' || t_[p] == '\t' || t_[p] == '\r' || t_[p] == '\n')) ++p;
    if (p < t_.size() && t_[p] == ':') return p + 1;
    throw NotEditable();
  }
  // The '-' of a block sequence item.
  std::size_t dash_of(const Node& item) const {
    std::size_t d = lines::dash_before(t_, item.span.begin);
    if (d == std::string_view::npos) throw NotEditable();
    return d;
  }

  void edit(std::size_t b, std::size_t e, std::string text) {
    edits_.push_back(Edit{b, e, std::move(text), edits_.size()});
    for (const auto& a : anchors_) dirty_.insert(a);
  }

  // --- an item moved within the document

  // The text after "-" for `n`, inserted with its dash at column `dash`,
  // when n is an item of the document read (by its span) that moved: its
  // own text with the changes made in it, shifted to the new column.
  // Nothing when its text cannot go along (aliases, a line too shallow to
  // shift left, an edit reaching past it): it is emitted afresh. The output
  // guard reads every written document back either way.
  std::optional<std::string> moved_item(const Node& n, int dash) const {
    const Node* found = origins_.find(n);
    if (!found || std::find(origins_.active.begin(), origins_.active.end(), found) != origins_.active.end())
      return std::nullopt;
    const Node& o = *found;
    const Node* on = o.get("name");
    const Node* nn = n.get("name");
    if ((on == nullptr) != (nn == nullptr) || (on && !on->same_value(*nn)) || tree_has_aliases(o)) return std::nullopt;
    try {
      std::size_t d = dash_of(o);
      if (!only_blanks(line_start(d), d)) return std::nullopt;
      std::size_t end = line_end(o.span.end);
      Differ sub(doc_, st_, origins_, item_keys_);
      sub.pretty_flow_ = pretty_flow_;
      origins_.active.push_back(&o);
      struct Pop {
        Origins& o;
        ~Pop() { o.active.pop_back(); }
      } pop{origins_};
      Ctx c;
      c.parent = Parent::SeqItem;
      c.col = dash;
      c.slot = d + 1;
      sub.diff(o, n, c);
      sub.expand_dirty_aliases();
      // What goes after the item's last line (new entries after trailing
      // comments, which stay where they were) goes at its end instead.
      for (auto& e : sub.edits_)
        if (e.begin == e.end && e.begin > end && only_blanks_or_comments(end, e.begin)) e.begin = e.end = end;
      return shift_lines(sub.apply_range(d + 1, end), dash - column(d));
    } catch (const NotEditable&) {
      return std::nullopt;
    }
  }

  // Every line of `text` but the first `by` columns further right (left,
  // when negative): the item moves to a list indented otherwise. Relative
  // indentation is all YAML reads, block scalars included; a line with too
  // few leading spaces to move left cannot go.
  static std::string shift_lines(const std::string& text, int by) {
    if (by == 0) return text;
    std::string out;
    out.reserve(text.size() + 64);
    std::size_t pos = 0;
    for (;;) {
      std::size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) {
        out.append(text, pos, std::string::npos);
        return out;
      }
      out.append(text, pos, nl + 1 - pos);
      pos = nl + 1;
      std::size_t stop = text.find_first_not_of(' ', pos);
      bool blank = stop == std::string::npos || text[stop] == '\n' || text[stop] == '\r';
      if (blank) continue;
      if (by > 0) {
        out.append(static_cast<std::size_t>(by), ' ');
      } else {
        if (stop - pos < static_cast<std::size_t>(-by)) throw NotEditable();
        pos += static_cast<std::size_t>(-by);
      }
    }
  }

  bool only_blanks_or_comments(std::size_t a, std::size_t b) const {
    for (std::size_t k = a; k < b; k = after_newline(k)) {
      std::size_t first = k;
      while (first < b && (t_[first] == ' ' || t_[first] == '\t')) ++first;
      if (first < b && t_[first] != '#' && t_[first] != '\n' && t_[first] != '\r') return false;
      if (after_newline(k) <= k) break;
    }
    return true;
  }

  // --- the comparison
  void diff(const Node& o, const Node& n, const Ctx& ctx) {
    if (o.is_alias) {
      if (o.same_value(n)) {
        alias_sites_.push_back({&o, &n, ctx});
      } else if (!alias_as_merge(o, n, ctx)) {
        replace(o, n, ctx);
      }
      return;
    }
    if (o.same_value(n)) {
      if (has_aliases_) collect_aliases(o, n, ctx);
      return;
    }
    bool anchored = !o.anchor().empty();
    if (anchored) anchors_.emplace_back(o.anchor());
    if (o.is_map() && n.is_map() && !o.entries.empty()) {
      diff_map(o, n, ctx);
    } else if (o.is_seq() && n.is_seq() && !o.items.empty() && !n.items.empty()) {
      diff_seq(o, n, ctx);
    } else {
      replace(o, n, ctx);
    }
    if (anchored) anchors_.pop_back();
  }

  Ctx child_ctx(const Node& o, Parent p) const {
    Ctx c;
    c.flow = o.style == Style::Flow;
    c.parent = p;
    return c;
  }

  void diff_map(const Node& o, const Node& n, const Ctx& ctx) {
    if (std::any_of(o.entries.begin(), o.entries.end(), [](const Entry& e) { return e.merged; })) {
      diff_merged_map(o, n, ctx);
      return;
    }
    bool flow = o.style == Style::Flow;
    // Entries whose key is gone.
    std::vector<bool> keep(o.entries.size(), false);
    for (std::size_t k = 0; k < o.entries.size(); ++k) {
      const Node& key = o.entries[k].key;
      if (!key.is_scalar()) throw NotEditable();
      keep[k] = n.get(key.text) != nullptr;
    }
    // Duplicate keys in the original: only the last counts; leave earlier
    // ones alone (they already mean nothing to kubectl).
    std::size_t survivors = 0;
    for (bool b : keep) survivors += b;
    if (survivors == 0) {
      replace(o, n, ctx);
      return;
    }
    for (std::size_t k = 0, kept = 0; k < o.entries.size(); ++k) {
      if (!keep[k]) delete_entry(o, k, kept > 0);
      kept += keep[k];
    }
    // Changed and new entries, in the new order.
    int key_col = flow ? 0 : column(o.entries.front().key.span.begin);
    std::size_t anchor_index = last_kept(keep);  // insert after this o entry by default
    std::map<std::size_t, std::vector<const Entry*>> inserts;
    std::vector<const Entry*> leading;  // new entries that come before every kept one
    std::size_t last_seen = std::string::npos;
    for (const auto& e : n.entries) {
      std::size_t found = std::string::npos;
      for (std::size_t k = o.entries.size(); k-- > 0;)
        if (keep[k] && o.entries[k].key.text == e.key.scalar_text() && o.entries[k].key.is_scalar()) {
          found = k;
          break;
        }
      if (found != std::string::npos) {
        const Entry& oe = o.entries[found];
        Ctx c = child_ctx(o, Parent::MapValue);
        c.col = key_col;
        c.slot = after_colon(oe.key);
        diff(oe.value, e.value, c);
        last_seen = found;
      } else {
        if (last_seen == std::string::npos) leading.push_back(&e);
        else inserts[last_seen].push_back(&e);
      }
    }
    if (!leading.empty()) {
      // Before the first kept entry if it starts its own line (so a key
      // that replaces another keeps its place, and a new first key comes
      // first), above the comment lines that lead into that entry; else
      // after the last one.
      std::size_t first = 0;
      while (!keep[first]) ++first;
      const Entry& fe = o.entries[first];
      std::size_t ls = line_start(fe.key.span.begin);
      if (!flow && only_blanks(ls, fe.key.span.begin) && (ls > o.span.begin || first == 0)) {
        ls = above_leading_comments(ls, key_col, o);
        std::string text;
        for (const Entry* e : leading) {
          em_.block_entry(text, e->key, e->value, key_col);
          text += em_.nl();
        }
        edit(ls, ls, text);
      } else {
        auto& list = inserts[anchor_index];
        list.insert(list.begin(), leading.begin(), leading.end());
      }
    }
    for (auto& [after, list] : inserts) insert_entries(o, after, list, key_col);
  }

  // A block map with entries from YAML merge keys (`<<: *base`): a merged
  // entry's text is the anchor's, elsewhere in the document, and is never
  // edited where it stands. The map's own entries are edited as usual; a
  // merged entry whose value changes gets an own entry with the new value
  // (the map's own keys win over merged ones), and new entries go at the end
  // of the map. A merged entry that goes cannot be said in place.
  void diff_merged_map(const Node& o, const Node& n, const Ctx& ctx) {
    if (o.style == Style::Flow) throw NotEditable();
    merge_sites_ = true;
    const std::size_t edits_before = edits_.size();
    for (std::size_t k = 0; k < o.entries.size(); ++k) {
      const Entry& e = o.entries[k];
      if (!e.key.is_scalar()) throw NotEditable();
      if (n.get(e.key.text)) continue;
      if (e.merged) throw NotEditable();
      if (!only_blanks(line_start(e.key.span.begin), e.key.span.begin)) throw NotEditable();
      delete_entry(o, k, false);
    }
    int key_col = column(first_key(o));
    std::vector<const Entry*> added;
    for (const auto& e : n.entries) {
      const Entry* found = nullptr;
      for (std::size_t k = o.entries.size(); k-- > 0;)
        if (o.entries[k].key.is_scalar() && o.entries[k].key.text == e.key.scalar_text()) {
          found = &o.entries[k];
          break;
        }
      if (!found) {
        added.push_back(&e);
      } else if (found->merged) {
        if (!found->value.same_value(e.value)) added.push_back(&e);
      } else {
        Ctx c = child_ctx(o, Parent::MapValue);
        c.col = key_col;
        c.slot = after_colon(found->key);
        diff(found->value, e.value, c);
      }
    }
    // Every own entry gone and the merge alone left: the map is the alias
    // it merges, written as one again (`labels:\n  <<: *labels` after the
    // keys an injection added are taken out is `labels: *labels`).
    bool own_left = false, own_had = false;
    for (const auto& e : o.entries)
      if (!e.merged) {
        own_had = true;
        own_left = own_left || n.get(e.key.text);
      }
    if (added.empty() && own_had && !own_left && ctx.parent == Parent::MapValue && o.style == Style::Block) {
      std::string name = lone_merge_alias(o);
      if (!name.empty()) {
        edits_.resize(edits_before);
        edit(ctx.slot, o.span.end, " *" + name);
        return;
      }
    }
    if (added.empty()) return;
    std::size_t at = past_trailing_comments(o.span.end, key_col);
    std::string text;
    for (const Entry* e : added) {
      text += em_.nl();
      em_.block_entry(text, e->key, e->value, key_col);
    }
    edit(at, at, text);
  }

  // A map written as an alias (`labels: *labels`) that the change adds keys
  // to, or gives keys new values: the alias stays, as a merge key (`<<:
  // *labels`) beside the new and changed keys, so the map still follows its
  // anchor (and uninject can give the alias back, see diff_merged_map).
  // Nothing changes through the alias. Not for a key that goes, which a
  // merge cannot say.
  bool alias_as_merge(const Node& o, const Node& n, const Ctx& ctx) {
    if (ctx.flow || ctx.parent != Parent::MapValue || !o.is_map() || !n.is_map() || o.entries.empty()) return false;
    for (const auto& e : o.entries)
      if (!e.key.is_scalar() || !n.get(e.key.text)) return false;
    std::vector<const Entry*> own;
    for (const auto& e : n.entries) {
      if (!e.key.is_scalar()) return false;
      const Node* was = o.get(e.key.text);
      if (!was || !was->same_value(e.value)) own.push_back(&e);
    }
    int col = ctx.col + st_.indent;
    std::string text = em_.nl();
    em_.spaces(text, col);
    text += "<<: *";
    text += o.anchor();
    for (const Entry* e : own) {
      text += em_.nl();
      em_.block_entry(text, e->key, e->value, col);
    }
    edit(ctx.slot, o.span.end, text);
    return true;
  }

  // `<<: *name` as the whole of a block map's own text, as alias_as_merge
  // writes it: the name, else "".
  std::string lone_merge_alias(const Node& o) const {
    std::size_t p = map_text_start(o);
    if (t_.compare(p, 2, "<<") != 0) return {};
    p += 2;
    while (p < t_.size() && (t_[p] == ' ' || t_[p] == '\t')) ++p;
    if (p >= t_.size() || t_[p] != ':') return {};
    ++p;
    while (p < t_.size() && (t_[p] == ' ' || t_[p] == '\t')) ++p;
    if (p >= t_.size() || t_[p] != '*') return {};
    std::size_t b = ++p;
    while (p < t_.size() && t_[p] != ' ' && t_[p] != '\t' && t_[p] != '\n' && t_[p] != '\r' && t_[p] != '#') ++p;
    std::string name(t_.substr(b, p - b));
    // One merge key, and nothing after it on its line.
    if (t_.substr(p, o.span.end > p ? o.span.end - p : 0).find("<<") != std::string_view::npos) return {};
    std::size_t rest = p;
    while (rest < t_.size() && (t_[rest] == ' ' || t_[rest] == '\t')) ++rest;
    if (rest < t_.size() && t_[rest] != '\n' && t_[rest] != '\r') return {};
    return name;
  }

  // Where a block map's first key is: its span may start with an anchor or
  // a tag, and a comment, on the line before.
  std::size_t first_key(const Node& o) const {
    for (const auto& e : o.entries)
      if (!e.merged) return e.key.span.begin;
    return map_text_start(o);
  }

  // Where a block map's text begins, past an anchor, a tag or a comment.
  std::size_t map_text_start(const Node& o) const {
    std::size_t p = o.span.begin;
    for (;;) {
      while (p < t_.size() && (t_[p] == ' ' || t_[p] == '\t' || t_[p] == '\n' || t_[p] == '\r')) ++p;
      if (p < t_.size() && t_[p] == '#') {
        p = line_end(p);
      } else if (p < t_.size() && (t_[p] == '&' || t_[p] == '!')) {
        while (p < t_.size() && t_[p] != ' ' && t_[p] != '\t' && t_[p] != '\n' && t_[p] != '\r') ++p;
      } else {
        return p;
      }
    }
  }

  // The start of the comment lines (at `col`) that lead into the line at
  // `ls`, within node `o`'s parent: they belong to what follows them.
  std::size_t above_leading_comments(std::size_t ls, int col, const Node& o) const {
    (void)o;
    while (ls > 0) {
      std::size_t prev = line_start(ls - 1);
      std::size_t first = prev;
      while (first < ls && (t_[first] == ' ' || t_[first] == '\t')) ++first;
      if (first >= ls || t_[first] != '#' || column(first) != col) break;
      ls = prev;
    }
    return ls;
  }

  // Where text added after the line holding `p` goes: past the comment
  // lines that follow and belong to what ends there. One indented deeper
  // than `col` does (a `# TODO` after a container's last field stays with
  // that container); one at `col` leads into the next line at `col` if
  // there is one, and trails what ends here if what follows is less
  // indented (or nothing follows). A blank line ends the comments.
  std::size_t past_trailing_comments(std::size_t p, int col) const {
    std::size_t at = line_end(p), pending = std::string_view::npos;
    for (std::size_t next = after_newline(at); next < t_.size(); next = after_newline(next)) {
      std::size_t first = next;
      while (first < t_.size() && (t_[first] == ' ' || t_[first] == '\t')) ++first;
      if (first >= t_.size() || t_[first] == '\n' || t_[first] == '\r') break;  // a blank line
      int c = column(first);
      if (t_[first] != '#') {
        if (c < col && pending != std::string_view::npos) at = pending;
        return at;
      }
      if (c < col) break;
      if (c == col || pending != std::string_view::npos) pending = line_end(first);
      else at = line_end(first);
    }
    if (pending != std::string_view::npos && after_newline(pending) >= t_.size()) at = pending;
    return at;
  }

  std::size_t last_kept(const std::vector<bool>& keep) const {
    for (std::size_t k = keep.size(); k-- > 0;)
      if (keep[k]) return k;
    return 0;
  }

  std::size_t entry_end(const Entry& e) const { return std::max(e.key.span.end, e.value.span.end); }

  void insert_entries(const Node& o, std::size_t after, const std::vector<const Entry*>& list, int key_col) {
    const Entry& prev = o.entries[after];
    if (o.style == Style::Flow) {
      std::size_t at = entry_end(prev);
      bool multiline = line_start(o.span.begin) != line_start(prev.key.span.begin);
      int col = column(prev.key.span.begin);
      if (!multiline) col = 0;
      std::string text;
      for (const Entry* e : list) {
        text += ",";
        if (multiline) {
          text += em_.nl();
          em_.spaces(text, col);
        } else {
          text += " ";
        }
        text += em_.flow_key_text(e->key);
        text += ": ";
        if (multiline) em_.json(text, e->value, col, json_unit(o));
        else em_.flow(text, e->value);
      }
      edit(at, at, text);
      return;
    }
    std::size_t at = past_trailing_comments(entry_end(prev), key_col);
    std::string text;
    for (const Entry* e : list) {
      text += em_.nl();
      em_.block_entry(text, e->key, e->value, key_col);
    }
    edit(at, at, text);
  }

  int json_unit(const Node& o) const {
    // The indentation step of a pretty-printed JSON object: its first
    // entry's column minus the column of the line holding '{'.
    std::size_t first = o.is_map() && !o.entries.empty() ? o.entries.front().key.span.begin
                        : o.is_seq() && !o.items.empty() ? o.items.front().span.begin
                                                         : std::string_view::npos;
    if (first != std::string_view::npos) {
      int d = column(first) - indentation(o.span.begin);
      if (d > 0) return d;
    }
    return st_.indent;
  }

  // `kept_before`: an entry before this one stays. In flow style a deleted
  // entry takes the comma before it, unless none before it stays: a leading
  // run of deleted entries takes the comma after each (the edits of a run
  // must not overlap).
  void delete_entry(const Node& o, std::size_t k, bool kept_before) {
    const Entry& e = o.entries[k];
    if (o.style == Style::Flow) {
      if (kept_before) edit(entry_end(o.entries[k - 1]), entry_end(e), "");
      else if (k + 1 < o.entries.size()) edit(e.key.span.begin, o.entries[k + 1].key.span.begin, "");
      else throw NotEditable();
      return;
    }
    std::size_t ls = line_start(e.key.span.begin);
    if (only_blanks(ls, e.key.span.begin)) {
      remove_lines(ls, entry_end(e));
    } else if (k + 1 < o.entries.size()) {
      // The first key of a compact map (`- key: v`): the next key moves up.
      edit(e.key.span.begin, o.entries[k + 1].key.span.begin, "");
    } else {
      throw NotEditable();
    }
  }

  // --- sequences

  // The first of item_keys_ that every item of both lists has, with a
  // scalar value unique in its list; "" for none.
  std::string_view merge_key(const Node& o, const Node& n) const {
    for (std::string_view k : item_keys_) {
      bool ok = true;
      std::set<std::string> seen_o, seen_n;
      for (const auto& it : o.items) {
        const Node* v = it.get(k);
        if (!it.is_map() || !v || !v->is_scalar() || !seen_o.insert(v->scalar_text()).second) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      for (const auto& it : n.items) {
        const Node* v = it.get(k);
        if (!it.is_map() || !v || !v->is_scalar() || !seen_n.insert(v->scalar_text()).second) {
          ok = false;
          break;
        }
      }
      if (ok) return k;
    }
    return {};
  }

  // For each item of n, the index of the item of o it continues (npos for
  // a new one); nullopt when the list was replaced rather than edited.
  std::optional<std::vector<std::size_t>> match_items(const Node& o, const Node& n) const {
    std::string_view key = merge_key(o, n);
    std::vector<std::size_t> match(n.items.size(), std::string::npos);
    if (!key.empty()) {
      for (std::size_t j = 0; j < n.items.size(); ++j) {
        std::string kv = n.items[j].get(key)->scalar_text();
        for (std::size_t i = 0; i < o.items.size(); ++i)
          if (o.items[i].get(key)->scalar_text() == kv) match[j] = i;
      }
    } else if (o.items.size() == n.items.size()) {
      // Same length and no key: items correspond by position if that keeps
      // most of them; otherwise the list was replaced.
      std::size_t same = 0;
      for (std::size_t j = 0; j < n.items.size(); ++j) {
        match[j] = j;
        if (o.items[j].same_value(n.items[j])) ++same;
      }
      bool structured = o.items.front().is_map() || o.items.front().is_seq();
      if (!structured && same + 1 < n.items.size()) return std::nullopt;
    } else {
      // Scalars (args, command...) and unkeyed lists: match equal items in
      // order; anything else is replaced as a whole when it differs much.
      std::size_t i = 0;
      for (std::size_t j = 0; j < n.items.size() && i < o.items.size(); ++j) {
        std::size_t k = i;
        while (k < o.items.size() && !o.items[k].same_value(n.items[j])) ++k;
        if (k < o.items.size()) {
          match[j] = k;
          i = k + 1;
        }
      }
    }
    return match;
  }

  // Keep matched items whose order is preserved (longest increasing run);
  // the others are deleted and inserted again where they now belong. The n
  // indices of the kept ones, in order.
  static std::vector<std::size_t> kept_in_order(const std::vector<std::size_t>& match) {
    std::vector<std::size_t> order;
    std::vector<std::size_t> idx;
    for (std::size_t j = 0; j < match.size(); ++j)
      if (match[j] != std::string::npos) idx.push_back(j);
    // O(k^2) LIS; lists are short.
    std::vector<std::size_t> len(idx.size(), 1), prev(idx.size(), std::string::npos);
    std::size_t best = std::string::npos;
    for (std::size_t a = 0; a < idx.size(); ++a) {
      for (std::size_t b = 0; b < a; ++b)
        if (match[idx[b]] < match[idx[a]] && len[b] + 1 > len[a]) {
          len[a] = len[b] + 1;
          prev[a] = b;
        }
      if (best == std::string::npos || len[a] > len[best]) best = a;
    }
    for (std::size_t a = best; a != std::string::npos; a = prev[a]) order.push_back(idx[a]);
    std::reverse(order.begin(), order.end());
    return order;
  }

  void diff_seq(const Node& o, const Node& n, const Ctx& ctx) {
    std::optional<std::vector<std::size_t>> matched = match_items(o, n);
    if (!matched) {
      replace(o, n, ctx);
      return;
    }
    const std::vector<std::size_t>& match = *matched;
    std::vector<std::size_t> order = kept_in_order(match);
    std::vector<bool> kept_n(n.items.size(), false), kept_o(o.items.size(), false);
    for (std::size_t j : order) {
      kept_n[j] = true;
      kept_o[match[j]] = true;
    }
    if (order.empty()) {
      replace(o, n, ctx);
      return;
    }
    bool flow = o.style == Style::Flow;
    for (std::size_t i = 0, kept = 0; i < o.items.size(); ++i) {
      if (!kept_o[i]) delete_item(o, i, kept > 0);
      kept += kept_o[i];
    }
    int dash_col = flow ? 0 : column(dash_of(o.items.front()));
    // Walk n: diff kept items, collect inserts relative to kept neighbours.
    std::vector<const Node*> before_first;
    std::map<std::size_t, std::vector<const Node*>> after;  // o index -> items
    std::size_t last_o = std::string::npos;
    for (std::size_t j = 0; j < n.items.size(); ++j) {
      if (kept_n[j]) {
        std::size_t i = match[j];
        Ctx c = child_ctx(o, Parent::SeqItem);
        c.col = dash_col;
        c.slot = flow ? o.items[i].span.begin : dash_of(o.items[i]) + 1;
        diff(o.items[i], n.items[j], c);
        last_o = i;
      } else if (last_o == std::string::npos) {
        before_first.push_back(&n.items[j]);
      } else {
        after[last_o].push_back(&n.items[j]);
      }
    }
    if (!before_first.empty()) insert_items_before(o, match[order.front()], before_first, dash_col);
    int boundary = ctx.parent == Parent::MapValue ? ctx.col : dash_col;
    for (auto& [i, list] : after) insert_items_after(o, i, list, dash_col, boundary);
  }

  // `kept_before`: as for delete_entry.
  void delete_item(const Node& o, std::size_t i, bool kept_before) {
    const Node& it = o.items[i];
    if (o.style == Style::Flow) {
      if (kept_before) edit(o.items[i - 1].span.end, it.span.end, "");
      else if (i + 1 < o.items.size()) edit(it.span.begin, o.items[i + 1].span.begin, "");
      else throw NotEditable();
      return;
    }
    std::size_t d = dash_of(it);
    std::size_t ls = line_start(d);
    if (!only_blanks(ls, d)) throw NotEditable();
    remove_lines(ls, std::max<std::size_t>(it.span.end, d + 1));
  }

  // Removes whole lines from the one starting at `ls` through the one that
  // holds `last`. The line break before them goes rather than the one after,
  // so that text inserted at the end of the removed lines (the end of the
  // enclosing node) still has a place to go.
  void remove_lines(std::size_t ls, std::size_t last) {
    std::size_t end = line_end(last);
    if (ls > 0) {
      std::size_t prev_break = ls - 1;
      if (prev_break > 0 && t_[prev_break - 1] == '\r') --prev_break;
      edit(prev_break, end, "");
    } else {
      edit(ls, after_newline(last), "");
    }
  }

  // A block item, its dash at `dash_col` (already positioned there).
  void render_item(std::string& out, const Node& item, int dash_col) const {
    out += '-';
    em_.after_dash(out, item, dash_col);
  }

  // A line break, then `col` spaces (multiline) or a space.
  void next_line_or_space(std::string& out, bool multiline, int col) const {
    if (multiline) {
      out += em_.nl();
      em_.spaces(out, col);
    } else {
      out += ' ';
    }
  }

  // A flow node in the document's syntax, pretty (multiline) or on one line.
  void flow_node(std::string& out, const Node& n, bool multiline, int col, const Node& o) const {
    if (multiline) em_.json(out, n, col, json_unit(o));
    else em_.flow(out, n);
  }

  void insert_items_before(const Node& o, std::size_t first_o, const std::vector<const Node*>& list, int dash_col) {
    const Node& first = o.items[first_o];
    if (o.style == Style::Flow) {
      bool multiline = line_start(o.span.begin) != line_start(first.span.begin);
      int col = column(first.span.begin);
      std::string text;
      for (const Node* it : list) {
        flow_node(text, *it, multiline, col, o);
        text += ",";
        next_line_or_space(text, multiline, col);
      }
      edit(first.span.begin, first.span.begin, text);
      return;
    }
    std::size_t d = dash_of(first);
    std::size_t ls = line_start(d);
    if (!only_blanks(ls, d)) throw NotEditable();
    std::string text;
    for (const Node* it : list) {
      em_.spaces(text, dash_col);
      render_item(text, *it, dash_col);
      text += em_.nl();
    }
    edit(ls, ls, text);
  }

  // `boundary`: comments indented deeper than this column after the item
  // belong to it (the list's key column: in an indented list, a comment at
  // the dash's column is inside the list).
  void insert_items_after(const Node& o, std::size_t i, const std::vector<const Node*>& list, int dash_col, int boundary) {
    const Node& prev = o.items[i];
    if (o.style == Style::Flow) {
      bool multiline = line_start(o.span.begin) != line_start(prev.span.begin);
      // "Cuddled" layout: `[{` ... `}, {` ... `}]` with items over several lines.
      bool cuddled = !multiline && line_start(prev.span.begin) != line_start(prev.span.end);
      int col = column(prev.span.begin);
      std::string text;
      for (const Node* it : list) {
        text += ",";
        if (cuddled) {
          text += " ";
          em_.json(text, *it, indentation(prev.span.end - 1), st_.indent);
          continue;
        }
        next_line_or_space(text, multiline, col);
        flow_node(text, *it, multiline, col, o);
      }
      edit(prev.span.end, prev.span.end, text);
      return;
    }
    std::size_t at = past_trailing_comments(std::max<std::size_t>(prev.span.end, dash_of(prev) + 1), boundary);
    std::string text;
    for (const Node* it : list) {
      text += em_.nl();
      em_.spaces(text, dash_col);
      render_item(text, *it, dash_col);
    }
    edit(at, at, text);
  }

  // --- replacing a node whole

  void replace(const Node& o, const Node& given, const Ctx& ctx) {
    // A changed scalar keeps its style: a string replacing a quoted string
    // is quoted the same way (`path: "/healthz"` stays double-quoted).
    Node restyled;
    const bool keep_quotes = given.kind == Kind::String && o.kind == Kind::String && given.style == Style::Any &&
                             !o.is_alias && (o.style == Style::Single || o.style == Style::Double);
    if (keep_quotes) {
      restyled = given;
      restyled.style = o.style;
    }
    const Node& n = keep_quotes ? restyled : given;
    if (ctx.flow || (o.style == Style::Flow && !(n.is_map() || n.is_seq()))) {
      edit(o.span.begin, o.span.end, flow_replacement(o, n));
      return;
    }
    switch (ctx.parent) {
      case Parent::Root: {
        std::string text;
        em_.block_at(text, n, column(o.span.begin));
        edit(o.span.begin, o.span.end, std::move(text));
        return;
      }
      case Parent::MapValue:
        replace_map_value(o, n, ctx);
        return;
      case Parent::SeqItem:
        replace_item(o, n, ctx);
        return;
    }
  }

  // Flow context: pretty over several lines if the document is laid out
  // that way and the node replaced took several lines, else on one line
  // (as the node was).
  std::string flow_replacement(const Node& o, const Node& n) const {
    const bool one_line = line_start(o.span.begin) == line_start(o.span.end) &&
                          ((o.is_map() && !o.entries.empty()) || (o.is_seq() && !o.items.empty()));
    std::string text;
    if (one_line && st_.json) {
      std::string_view was = t_.substr(o.span.begin, o.span.end - o.span.begin);
      em_.json(text, n, 0, 0, was.find(": ") != std::string_view::npos || was.find(", ") != std::string_view::npos);
    } else if (pretty_flow_ && !one_line) {
      em_.json(text, n, indentation(o.span.begin), st_.indent);
    } else {
      em_.flow(text, n);
    }
    return text;
  }

  void replace_map_value(const Node& o, const Node& n, const Ctx& ctx) {
    bool n_block = (n.is_map() && !n.entries.empty()) || (n.is_seq() && !n.items.empty()) ||
                   em_.multiline_literal_ok(n);
    if (!n_block) {
      std::string text = " ";
      em_.inline_scalar(text, n);
      if (o.span.empty()) {
        edit(ctx.slot, ctx.slot, std::move(text));
      } else if (line_start(o.span.begin) != line_start(ctx.slot)) {
        // A one-line value cannot stay on the old value's own line (a
        // block list at the key's column: `key:\n[]` is no YAML): it goes
        // after the ':', and the old lines go. Comments between stay.
        edit(ctx.slot, ctx.slot, std::move(text));
        remove_lines(line_start(o.span.begin), o.span.end);
      } else {
        text.erase(0, 1);  // its value replaces the old one after the space
        edit(o.span.begin, o.span.end, std::move(text));
      }
      return;
    }
    bool own_line = !o.span.empty() && line_start(o.span.begin) != line_start(ctx.slot) &&
                    o.style == Style::Block && (o.is_map() || o.is_seq());
    if (own_line) {
      int col = column(o.span.begin);
      // Keep the document's relation between key and child columns.
      std::string text;
      em_.block_at(text, n, n.is_seq() && o.is_map() ? ctx.col + st_.seq_indent : col);
      edit(o.span.begin, o.span.end, std::move(text));
    } else {
      std::size_t b = ctx.slot;
      std::size_t e = o.span.empty() ? ctx.slot : o.span.end;
      std::string text;
      em_.after_key(text, n, ctx.col);
      edit(b, e, std::move(text));
    }
  }

  void replace_item(const Node& o, const Node& n, const Ctx& ctx) {
    std::string text;
    em_.after_dash(text, n, ctx.col);
    if (o.span.empty()) {
      edit(ctx.slot, ctx.slot, text);
    } else if (line_start(o.span.begin) != line_start(ctx.slot)) {
      edit(ctx.slot, o.span.end, text);
    } else {
      // o starts after "- " on the dash line: drop after_dash's own lead.
      std::size_t lead = 0;
      while (lead < text.size() && text[lead] == ' ') ++lead;
      edit(o.span.begin, o.span.end, text.substr(lead));
    }
  }

  // --- aliases

  struct AliasSite {
    const Node* o;
    const Node* n;
    Ctx ctx;
  };

  // Walks two equal trees side by side, noting the alias sites in them.
  void collect_aliases(const Node& o, const Node& n, const Ctx& ctx) {
    if (o.is_alias) {
      alias_sites_.push_back({&o, &n, ctx});
      return;
    }
    if (o.is_map()) {
      if (o.entries.empty()) return;
      int key_col = o.style == Style::Flow ? 0 : column(first_key(o));
      for (const auto& e : o.entries) {
        const Node* nv = n.get(e.key.scalar_text());
        if (!nv || !e.key.is_scalar() || e.merged) continue;  // a merged entry's text is its anchor's
        Ctx c = child_ctx(o, Parent::MapValue);
        c.col = key_col;
        try {
          c.slot = after_colon(e.key);
        } catch (const NotEditable&) {
          continue;
        }
        collect_aliases(e.value, *nv, c);
      }
    } else if (o.is_seq()) {
      for (std::size_t i = 0; i < o.items.size() && i < n.items.size(); ++i) {
        Ctx c = child_ctx(o, Parent::SeqItem);
        if (o.style != Style::Flow) {
          try {
            std::size_t d = dash_of(o.items[i]);
            c.col = column(d);
            c.slot = d + 1;
          } catch (const NotEditable&) {
            continue;
          }
        }
        collect_aliases(o.items[i], n.items[i], c);
      }
    }
  }

  void expand_dirty_aliases() {
    // A changed anchor changes what a merge key takes from it, too, and the
    // merge site cannot say "as before" in place.
    if (merge_sites_ && !dirty_.empty()) throw NotEditable();
    for (const auto& site : alias_sites_) {
      if (dirty_.count(std::string(site.o->anchor()))) replace(*site.o, *site.n, site.ctx);
    }
  }

 public:
  void set_has_aliases(bool v) { has_aliases_ = v; }
  void set_pretty_flow(bool v) { pretty_flow_ = v; }

 private:
  const Document& doc_;
  std::string_view t_;
  const DocStyle& st_;
  Emitter em_;
  Origins& origins_;
  std::span<const std::string_view> item_keys_;
  std::vector<Edit> edits_;
  std::vector<std::string> anchors_;  // anchors of the nodes being diffed
  std::set<std::string> dirty_;
  std::vector<AliasSite> alias_sites_;
  bool has_aliases_ = false;
  bool pretty_flow_ = false;
  bool merge_sites_ = false;  // a map with merge keys was edited
};

bool tree_has_aliases(const Node& n) {
  if (n.is_alias || !n.anchor().empty()) return true;
  for (const auto& it : n.items)
    if (tree_has_aliases(it)) return true;
  for (const auto& e : n.entries)
    if (tree_has_aliases(e.value) || tree_has_aliases(e.key)) return true;
  return false;
}

}  // namespace

std::string edit_in_place(const Document& doc, const DocStyle& st, const Node& updated,
                          std::span<const std::string_view> item_keys) {
  Origins origins;
  origins.root = &doc.root;
  Differ d(doc, st, origins, item_keys);
  d.set_has_aliases(tree_has_aliases(doc.root));
  d.set_pretty_flow(st.flow && st.indent > 0);
  d.run(doc.root, updated);
  return d.apply();
}

}  // namespace kinject
