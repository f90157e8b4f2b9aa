#include "kinject/pipeline/output_guard.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/k8s/go_decode.h"
#include "kinject/k8s/pod_validation.h"
#include "kinject/yaml/strict_yaml.h"

namespace kinject {

namespace {

std::string text_at(const Node& n, std::string_view dotted) {
  const Node* v = n.is_map() ? n.at_path(dotted) : nullptr;
  return v && v->is_scalar() ? v->scalar_text() : std::string();
}

ObjectId id_of(const Node& object) {
  return ObjectId{text_at(object, "apiVersion"), text_at(object, "kind"), text_at(object, "metadata.namespace"),
                  text_at(object, "metadata.name")};
}

bool holds_items(const Node& root) {
  const Node* kind = root.is_map() ? root.get("kind") : nullptr;
  const Node* items = root.is_map() ? root.get("items") : nullptr;
  if (!kind || !kind->is_string() || !items || !items->is_seq()) return false;
  std::string_view k = kind->str();
  return k == "List" || k == "ResourceList" || (k.size() > 4 && k.substr(k.size() - 4) == "List");
}

}  // namespace

std::string ObjectId::str() const {
  return fmt::format("{} {} {}/{}", api_version.empty() ? "-" : api_version, kind.empty() ? "-" : kind,
                     namespace_.empty() ? "-" : namespace_, name.empty() ? "-" : name);
}

std::vector<ObjectId> object_ids(const Node& root) {
  std::vector<ObjectId> out;
  if (root.is_null()) return out;
  out.push_back(id_of(root));
  if (holds_items(root))
    for (const auto& item : root.get("items")->items) out.push_back(id_of(item));
  return out;
}

void Runs::add(int i) {
  if (!runs.empty() && runs.back().second + 1 == i) runs.back().second = i;
  else runs.emplace_back(i, i);
}

bool Runs::erase(int i) {
  // The first run that ends at or after i.
  auto it = std::lower_bound(runs.begin(), runs.end(), i, [](const std::pair<int, int>& r, int v) { return r.second < v; });
  if (it == runs.end() || it->first > i) return false;
  if (it->first == it->second) runs.erase(it);
  else if (it->first == i) ++it->first;
  else if (it->second == i) --it->second;
  else {
    int last = it->second;
    it->second = i - 1;
    runs.insert(it + 1, {i + 1, last});
  }
  return true;
}

std::size_t Runs::count() const {
  std::size_t n = 0;
  for (const auto& [first, last] : runs) n += static_cast<std::size_t>(last - first) + 1;
  return n;
}

std::vector<int> Runs::all() const {
  std::vector<int> out;
  for (const auto& [first, last] : runs)
    for (int i = first; i <= last; ++i) out.push_back(i);
  return out;
}

std::size_t OutputGuard::open(std::string name) {
  inputs_.push_back(Input{});
  inputs_.back().name = std::move(name);
  return inputs_.size() - 1;
}

void OutputGuard::read(std::size_t input, const RawDocument& doc) {
  Input& in = inputs_.at(input);
  if (in.ended) violation(in.name, fmt::format("document {} was read after the end of the input", doc.index));
  if (doc.index <= in.last_read)
    violation(in.name, fmt::format("document {} was read twice (or after a later one)", doc.index));
  in.last_read = doc.index;
  in.unwritten.add(doc.index);
  in.cut += doc.text.size();
  ++read_count_;
}

void OutputGuard::read_all(std::size_t input, std::size_t bytes) {
  Input& in = inputs_.at(input);
  if (in.ended) violation(in.name, "the input was read to its end twice");
  in.ended = true;
  in.taken = bytes;
}

void OutputGuard::written(std::size_t input, const Document& doc, std::string_view text, const VerifiedText* verified) {
  Input& in = inputs_.at(input);
  std::string where = fmt::format("{} (document {})", in.name, doc.raw.index);
  if (!in.unwritten.erase(doc.raw.index))
    violation(where, doc.raw.index <= in.last_read ? "the document is written twice" : "a document that was never read is written");
  check(where, doc, text, verified);
}

void OutputGuard::check(const std::string& where, const Document& doc, std::string_view text,
                        const VerifiedText* verified) const {
  if (text == doc.raw.text) return;  // as it was read: the same bytes

  // What libyaml reads in the bytes written: the value the writer checked
  // them against when its check is of these bytes (-o json writes other
  // bytes), else a reading of our own.
  std::optional<Node> own;
  if (!verified || verified->text() != text) {
    try {
      own = read_strict_yaml(text, where);
    } catch (const Error& e) {
      violation(where, fmt::format("the text written does not parse: {}", e.what()));
    }
  }
  const Node& out = own ? *own : verified->value();
  auto want = object_ids(doc.root), got = object_ids(out);
  if (want != got) {
    std::string w, g;
    for (const auto& id : want) w += (w.empty() ? "" : ", ") + id.str();
    for (const auto& id : got) g += (g.empty() ? "" : ", ") + id.str();
    violation(where, fmt::format("the objects written ({}) are not the objects read ({})", g.empty() ? "none" : g,
                                 w.empty() ? "none" : w));
  }
  auto before = find_workloads(doc.root, catalog_), after = find_workloads(out, catalog_);
  // Workloads: every one written changed decodes into its Kubernetes type
  // (go_decode.h), read back from the bytes; the decoder checks here what
  // the injector and the writer made.
  for (const auto& w : after) {
    const Node* obj = w.object(out);
    if (!obj) continue;
    const Node* old_obj = nullptr;
    for (const auto& b : before)
      if (b.items == w.items) old_obj = b.object(doc.root);
    if (old_obj && old_obj->same_value(*obj)) continue;
    if (auto p = k8s::decode_workload(*obj, w.api_version, w.kind, w.template_path))
      violation(where, fmt::format("{} {}: the object written does not decode into its Kubernetes type: {}", w.kind, w.name,
                                   p->message()));
  }
  // Pod specs: no name problem the input did not have.
  for (const auto& w : after) {
    const Node* pod = w.pod(out);
    const Node* spec = pod && pod->is_map() ? pod->get("spec") : nullptr;
    if (!spec) continue;
    const Node* old_spec = nullptr;
    for (const auto& b : before)
      if (b.items == w.items && b.template_path == w.template_path) {
        const Node* old_pod = b.pod(doc.root);
        old_spec = old_pod && old_pod->is_map() ? old_pod->get("spec") : nullptr;
      }
    if (old_spec && old_spec->same_value(*spec)) continue;
    // A StatefulSet's pods also mount the volumes its claim templates make.
    std::vector<std::string> claims;
    if (const Node* obj = w.object(out); obj && w.kind == "StatefulSet")
      if (const Node* cts = obj->at_path("spec.volumeClaimTemplates"); cts && cts->is_seq())
        for (const auto& ct : cts->items) claims.push_back(text_at(ct, "metadata.name"));
    auto had = old_spec ? pod_name_problems(*old_spec, claims) : std::vector<PodProblem>{};
    for (const auto& p : pod_name_problems(*spec, claims))
      if (std::none_of(had.begin(), had.end(), [&](const PodProblem& h) { return h.which == p.which; }))
        violation(where, fmt::format("{} {}: the pod spec written would be refused by the API server: {}", w.kind, w.name, p.what));
  }
}

void OutputGuard::finish() const {
  for (const auto& in : inputs_) {
    if (!in.ended) violation(in.name, "the input was not read to its end");
    if (in.cut != in.taken)
      violation(in.name, fmt::format("{} bytes were read but the documents cut from them hold {}", in.taken, in.cut));
    for (int index : in.unwritten.all())
      violation(fmt::format("{} (document {})", in.name, index), "the document read was not written");
  }
}

void OutputGuard::violation(const std::string& where, const std::string& what) const {
  throw Error(fmt::format("internal error: {}: {}; nothing was written. This is a bug in kinject: please report it "
                          "with the input",
                          where, what));
}

}  // namespace kinject
