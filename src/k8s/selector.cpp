#include "kinject/k8s/selector.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/k8s/names.h"

namespace kinject {

namespace {

bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9], the label name and value shape.
bool qualified_name_part(std::string_view s) {
  if (s.empty() || !alnum(s.front()) || !alnum(s.back())) return false;
  for (char c : s)
    if (!(alnum(c) || c == '-' || c == '_' || c == '.')) return false;
  return true;
}

}  // namespace

std::optional<std::string> invalid_label_key(std::string_view key) {
  std::string_view name = key;
  auto slash = key.find('/');
  if (slash != std::string_view::npos) {
    if (key.find('/', slash + 1) != std::string_view::npos)
      return fmt::format("label key \"{}\" has more than one '/'", key);
    std::string_view prefix = key.substr(0, slash);
    name = key.substr(slash + 1);
    if (!is_dns1123_subdomain(prefix))
      return fmt::format("label key \"{}\": prefix \"{}\" must be a lowercase DNS subdomain (e.g. example.com)", key, prefix);
  }
  if (name.empty() || name.size() > 63)
    return fmt::format("label key \"{}\": name must be 1 to 63 characters", key);
  if (!qualified_name_part(name))
    return fmt::format("label key \"{}\": name must consist of alphanumerics, '-', '_' or '.', and start and end with an alphanumeric",
                       key);
  return std::nullopt;
}

std::optional<std::string> invalid_label_value(std::string_view value) {
  if (value.empty()) return std::nullopt;
  if (value.size() > 63) return fmt::format("label value \"{}\" is longer than 63 characters", value);
  if (!qualified_name_part(value))
    return fmt::format(
        "label value \"{}\" must consist of alphanumerics, '-', '_' or '.', and start and end with an alphanumeric", value);
  return std::nullopt;
}

std::optional<std::string> label_value(const Node* labels, std::string_view key) {
  if (!labels || !labels->is_map()) return std::nullopt;
  const Node* v = labels->get(key);
  if (!v) return std::nullopt;
  return v->scalar_text();
}

bool Requirement::matches(const Node* labels) const {
  auto v = label_value(labels, key);
  switch (op) {
    case Op::Exists: return v.has_value();
    case Op::DoesNotExist: return !v.has_value();
    case Op::In: return v && std::binary_search(values.begin(), values.end(), *v);
    case Op::NotIn: return !v || !std::binary_search(values.begin(), values.end(), *v);
  }
  return false;
}

std::string Requirement::str() const {
  auto list = [&] {
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + values[i];
    return out;
  };
  switch (op) {
    case Op::Exists: return key;
    case Op::DoesNotExist: return "!" + key;
    case Op::In: return values.size() == 1 ? key + "=" + values[0] : key + " in (" + list() + ")";
    case Op::NotIn: return values.size() == 1 ? key + "!=" + values[0] : key + " notin (" + list() + ")";
  }
  return key;
}

namespace {

Requirement make(std::string key, Requirement::Op op, std::vector<std::string> values, const std::string& what,
                 const std::string& field) {
  if (auto e = invalid_label_key(key)) throw Error(fmt::format("{}: {}: {}", what, field, *e));
  bool needs_values = op == Requirement::Op::In || op == Requirement::Op::NotIn;
  if (needs_values && values.empty())
    throw Error(fmt::format("{}: {}: values must be given when the operator is In or NotIn", what, field));
  if (!needs_values && !values.empty())
    throw Error(fmt::format("{}: {}: values may not be given when the operator is Exists or DoesNotExist", what, field));
  for (const auto& v : values)
    if (auto e = invalid_label_value(v)) throw Error(fmt::format("{}: {}: {}", what, field, *e));
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return Requirement{std::move(key), op, std::move(values)};
}

void sort_requirements(std::vector<Requirement>& rs) {
  std::stable_sort(rs.begin(), rs.end(), [](const Requirement& a, const Requirement& b) { return a.key < b.key; });
}

}  // namespace

LabelSelector LabelSelector::from_node(const Node& selector, const std::string& what) {
  LabelSelector s;
  if (selector.is_null()) return s;
  if (!selector.is_map()) throw Error(fmt::format("{}: a label selector must be a mapping (matchLabels, matchExpressions)", what));
  for (const auto& e : selector.entries) {
    std::string k = e.key.scalar_text();
    if (k != "matchLabels" && k != "matchExpressions")
      throw Error(fmt::format("{}: unknown field \"{}\" (a label selector has matchLabels and matchExpressions)", what, k));
  }
  if (const Node* ml = selector.get("matchLabels"); ml && !ml->is_null()) {
    if (!ml->is_map()) throw Error(fmt::format("{}: matchLabels must be a mapping of label keys to values", what));
    for (const auto& e : ml->entries) {
      std::string key = e.key.scalar_text();
      if (!e.value.is_scalar() || e.value.is_null())
        throw Error(fmt::format("{}: matchLabels.{}: the value must be a string", what, key));
      s.requirements_.push_back(
          make(key, Requirement::Op::In, {e.value.scalar_text()}, what, fmt::format("matchLabels.{}", key)));
    }
  }
  if (const Node* me = selector.get("matchExpressions"); me && !me->is_null()) {
    if (!me->is_seq()) throw Error(fmt::format("{}: matchExpressions must be a list", what));
    for (std::size_t i = 0; i < me->items.size(); ++i) {
      const Node& x = me->items[i];
      std::string field = fmt::format("matchExpressions[{}]", i);
      if (!x.is_map()) throw Error(fmt::format("{}: {}: expected {{key, operator, values}}", what, field));
      const Node* key = x.get("key");
      const Node* op = x.get("operator");
      if (!key || !key->is_scalar() || key->is_null()) throw Error(fmt::format("{}: {}.key: required", what, field));
      if (!op || !op->is_scalar() || op->is_null()) throw Error(fmt::format("{}: {}.operator: required", what, field));
      std::string o = op->scalar_text();
      Requirement::Op parsed;
      if (o == "In") parsed = Requirement::Op::In;
      else if (o == "NotIn") parsed = Requirement::Op::NotIn;
      else if (o == "Exists") parsed = Requirement::Op::Exists;
      else if (o == "DoesNotExist") parsed = Requirement::Op::DoesNotExist;
      else
        throw Error(fmt::format("{}: {}.operator: \"{}\" is not a valid label selector operator (In, NotIn, Exists, DoesNotExist)",
                                what, field, o));
      std::vector<std::string> values;
      if (const Node* vs = x.get("values"); vs && !vs->is_null()) {
        if (!vs->is_seq()) throw Error(fmt::format("{}: {}.values: must be a list", what, field));
        for (const auto& v : vs->items) values.push_back(v.scalar_text());
      }
      s.requirements_.push_back(make(key->scalar_text(), parsed, std::move(values), what, field));
    }
  }
  sort_requirements(s.requirements_);
  return s;
}

LabelSelector LabelSelector::parse(std::string_view text, const std::string& what) {
  LabelSelector s;
  std::size_t i = 0;
  auto skip = [&] {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  };
  auto word = [&] {
    skip();
    std::size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) && text[i] != ',' && text[i] != '=' &&
           text[i] != '!' && text[i] != '(' && text[i] != ')')
      ++i;
    return std::string(text.substr(start, i - start));
  };
  auto fail = [&](const std::string& why) -> LabelSelector {
    throw Error(fmt::format("{}: {} at position {} of \"{}\"", what, why, i + 1, text));
  };
  skip();
  if (i == text.size()) return s;
  for (;;) {
    skip();
    bool negated = false;
    if (i < text.size() && text[i] == '!') {
      negated = true;
      ++i;
    }
    std::string key = word();
    if (key.empty()) return fail("expected a label key");
    skip();
    Requirement::Op op = Requirement::Op::Exists;
    std::vector<std::string> values;
    if (negated) {
      op = Requirement::Op::DoesNotExist;
    } else if (i < text.size() && (text[i] == '=' || text[i] == '!')) {
      bool ne = text[i] == '!';
      ++i;
      if (ne && (i >= text.size() || text[i] != '=')) return fail("expected '!='");
      if (ne || (i < text.size() && text[i] == '=')) ++i;
      op = ne ? Requirement::Op::NotIn : Requirement::Op::In;
      values.push_back(word());
    } else if (i < text.size() && text[i] != ',') {
      std::string kw = word();
      if (kw != "in" && kw != "notin") return fail("expected =, ==, !=, in or notin");
      op = kw == "in" ? Requirement::Op::In : Requirement::Op::NotIn;
      skip();
      if (i >= text.size() || text[i] != '(') return fail("expected '('");
      ++i;
      for (;;) {
        values.push_back(word());
        skip();
        if (i < text.size() && text[i] == ',') {
          ++i;
          continue;
        }
        if (i < text.size() && text[i] == ')') {
          ++i;
          break;
        }
        return fail("expected ',' or ')'");
      }
    }
    s.requirements_.push_back(make(key, op, std::move(values), what, key));
    skip();
    if (i == text.size()) break;
    if (text[i] != ',') return fail("expected ','");
    ++i;
  }
  sort_requirements(s.requirements_);
  return s;
}

bool LabelSelector::matches(const Node* labels) const { return first_mismatch(labels) == nullptr; }

const Requirement* LabelSelector::first_mismatch(const Node* labels) const {
  for (const auto& r : requirements_)
    if (!r.matches(labels)) return &r;
  return nullptr;
}

std::string LabelSelector::str() const {
  if (requirements_.empty()) return "<everything>";
  std::string out;
  for (std::size_t i = 0; i < requirements_.size(); ++i) out += (i ? "," : "") + requirements_[i].str();
  return out;
}

}  // namespace kinject
