#include "kinject/k8s/rules.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/yaml/reader.h"
#include "kinject/k8s/workloads.h"

namespace kinject {

PodFacts pod_facts(const Node& pod, const std::string& namespace_) {
  PodFacts f;
  f.namespace_ = namespace_;
  if (const Node* md = pod.get("metadata"); md && md->is_map()) {
    if (const Node* l = md->get("labels"); l && l->is_map()) f.labels = l;
    if (const Node* a = md->get("annotations"); a && a->is_map()) f.annotations = a;
    if (const Node* ns = md->get("namespace"); ns && ns->is_string()) f.own_namespace = ns->text;
  }
  if (const Node* spec = pod.get("spec"); spec && spec->is_map()) {
    if (const Node* hn = spec->get("hostNetwork"); hn && hn->kind == Kind::Bool) f.host_network = hn->b;
  }
  return f;
}

// ---------------------------------------------------------------- webhooks

namespace {

bool contains_any(const Node* list, std::initializer_list<std::string_view> wanted) {
  if (!list || !list->is_seq()) return false;
  for (const auto& it : list->items)
    for (auto w : wanted)
      if (it.scalar_text() == w) return true;
  return false;
}

// Whether a webhook's `rules` cover the creation of a core/v1 pod.
bool intercepts_pods(const Node* rules) {
  if (!rules || !rules->is_seq()) return false;
  for (const auto& r : rules->items) {
    if (!r.is_map()) continue;
    if (contains_any(r.get("operations"), {"CREATE", "*"}) && contains_any(r.get("apiGroups"), {"", "*"}) &&
        contains_any(r.get("apiVersions"), {"v1", "*"}) && contains_any(r.get("resources"), {"pods", "*", "*/*"})) {
      const Node* scope = r.get("scope");
      if (!scope || scope->scalar_text() == "*" || scope->scalar_text() == "Namespaced") return true;
    }
  }
  return false;
}

void add_configuration(const Node& obj, const std::string& file, std::vector<Webhook>& out) {
  if (is_list(obj)) {
    for (const auto& item : obj.get("items")->items) add_configuration(item, file, out);
    return;
  }
  const Node* kind = obj.get("kind");
  if (!kind || kind->str() != "MutatingWebhookConfiguration") return;
  std::string config_name = obj.at_path("metadata.name") ? obj.at_path("metadata.name")->scalar_text() : "";
  const Node* webhooks = obj.get("webhooks");
  if (!webhooks || !webhooks->is_seq()) return;
  for (std::size_t i = 0; i < webhooks->items.size(); ++i) {
    const Node& w = webhooks->items[i];
    Webhook hook;
    hook.name = w.get("name") ? w.get("name")->scalar_text() : fmt::format("webhooks[{}]", i);
    std::string where = fmt::format("{}: MutatingWebhookConfiguration {} webhook {}", file, config_name, hook.name);
    if (const Node* ns = w.get("namespaceSelector")) hook.namespace_selector = LabelSelector::from_node(*ns, where + " namespaceSelector");
    if (const Node* os = w.get("objectSelector")) hook.object_selector = LabelSelector::from_node(*os, where + " objectSelector");
    hook.intercepts_pods = intercepts_pods(w.get("rules"));
    hook.configuration = config_name;
    if (const Node* l = obj.at_path("metadata.labels"); l && l->is_map()) hook.configuration_labels = *l;
    if (const Node* svc = w.at_path("clientConfig.service"); svc && svc->is_map())
      hook.service = fmt::format("{}/{}", svc->get("namespace") ? svc->get("namespace")->scalar_text() : "",
                                 svc->get("name") ? svc->get("name")->scalar_text() : "");
    if (const Node* url = w.at_path("clientConfig.url"); url && url->is_scalar()) hook.url = url->scalar_text();
    if (const Node* mc = w.get("matchConditions"); mc && mc->is_seq())
      for (const auto& c : mc->items) {
        const Node* n = c.get("name");
        const Node* e = c.get("expression");
        hook.match_conditions.emplace_back(n ? n->scalar_text() : "", e ? e->scalar_text() : "");
      }
    out.push_back(std::move(hook));
  }
}

}  // namespace

Node selector_requirement(const char* key, const char* op, std::vector<std::string> values) {
  Node e = Node::map();
  e.set("key", Node::string(key));
  e.set("operator", Node::string(op));
  if (!values.empty()) {
    Node vs = Node::seq();
    for (auto& v : values) vs.items.push_back(Node::string(std::move(v)));
    e.set("values", std::move(vs));
  }
  return e;
}

LabelSelector selector_of(std::vector<Node> exprs, const std::string& what) {
  Node sel = Node::map();
  Node list = Node::seq();
  list.items = std::move(exprs);
  sel.set("matchExpressions", std::move(list));
  return LabelSelector::from_node(sel, what);
}

WebhookRules WebhookRules::parse(std::string_view text, const std::string& file) {
  WebhookRules r;
  r.source = file;
  for (const auto& doc : read_all(text, file)) {
    if (doc.empty) continue;
    add_configuration(doc.root, file, r.webhooks_);
  }
  if (r.webhooks_.empty())
    throw Error(Location{file}, "no MutatingWebhookConfiguration with webhooks found (expected e.g. the output of "
                                "`kubectl get mutatingwebhookconfiguration -o yaml`)");
  // The API server calls configurations in the order of their names, each
  // one's webhooks in order.
  std::stable_sort(r.webhooks_.begin(), r.webhooks_.end(),
                   [](const Webhook& a, const Webhook& b) { return a.configuration < b.configuration; });
  return r;
}

// ---------------------------------------------------------------- namespaces

int Namespaces::add(const Node& object) {
  if (is_list(object)) {
    int n = 0;
    for (const auto& item : object.get("items")->items) n += add(item);
    return n;
  }
  const Node* kind = object.get("kind");
  if (!kind || kind->str() != "Namespace") return 0;
  const Node* name = object.at_path("metadata.name");
  if (!name || !name->is_scalar()) return 0;
  // Labels merge, later ones winning: `kubectl apply` of a Namespace keeps
  // labels it does not mention (e.g. istio-injection set on the cluster).
  Node& labels = labels_[name->scalar_text()];
  if (!labels.is_map()) labels = Node::map();
  if (const Node* l = object.at_path("metadata.labels"); l && l->is_map())
    for (const auto& e : l->entries) labels.set(e.key.scalar_text(), Node::string(e.value.scalar_text()));
  return 1;
}

Node Namespaces::labels(const std::string& name) const {
  Node out = Node::map();
  if (auto it = labels_.find(name); it != labels_.end()) out = it->second;
  // The API server sets this one on every namespace (KEP-2161).
  out.set("kubernetes.io/metadata.name", Node::string(name));
  return out;
}

// ---------------------------------------------------------------- which webhook fires

namespace {

// The positive part of a match: the In/Exists requirements, "pod label X=Y".
std::string matched_by(const LabelSelector& sel, const Node* labels, const std::string& whose) {
  std::string out;
  for (const auto& r : sel.requirements()) {
    if (r.op != Requirement::Op::In && r.op != Requirement::Op::Exists) continue;
    if (r.key == "kubernetes.io/metadata.name") continue;
    out += (out.empty() ? "" : ", ") + fmt::format("{} {}={}", whose, r.key, label_value(labels, r.key).value_or(""));
  }
  return out;
}

}  // namespace

namespace {

std::string describe_labels(const Node* labels) {
  if (!labels || !labels->is_map() || labels->entries.empty()) return "{}";
  std::string out;
  for (const auto& e : labels->entries) out += (out.empty() ? "" : ",") + e.key.scalar_text() + "=" + e.value.scalar_text();
  return out;
}

// No webhook fired: a label the pod has that keeps it out says most;
// otherwise name the labels it lacks, or describe the namespace by the
// labels the webhooks look at.
std::string none_fired(const PodFacts& pod, const WebhookRules& rules, const Node& ns_labels,
                       const std::vector<const Requirement*>& pod_misses) {
  std::string ns_whose = fmt::format("namespace {}", pod.namespace_);
  if (!pod_misses.empty()) {
    std::string lacks;
    for (const Requirement* r : pod_misses) {
      if (auto v = label_value(pod.labels, r->key)) return fmt::format("pod label {}={} (no webhook fired)", r->key, *v);
      if (lacks.find(r->key) == std::string::npos) lacks += (lacks.empty() ? "" : " or ") + r->key;
    }
    return fmt::format("pod has no label {} (no webhook fired)", lacks);
  }
  std::set<std::string> keys;
  for (const auto& w : rules.webhooks())
    for (const auto& r : w.namespace_selector.requirements())
      if (r.key != "kubernetes.io/metadata.name") keys.insert(r.key);
  std::string has, lacks;
  for (const auto& k : keys) {
    if (auto v = label_value(&ns_labels, k)) has += (has.empty() ? "" : ", ") + k + "=" + *v;
    else lacks += (lacks.empty() ? "" : " or ") + k;
  }
  return has.empty() ? fmt::format("{} has no {} label (no webhook fired)", ns_whose, lacks)
                     : fmt::format("{} has {} (no webhook fired)", ns_whose, has);
}

}  // namespace

bool webhook_matches(const Webhook& w, const PodFacts& pod, const Namespaces& namespaces) {
  Node ns_labels = namespaces.labels(pod.namespace_);
  return w.intercepts_pods && w.namespace_selector.matches(&ns_labels) && !w.object_selector.first_mismatch(pod.labels);
}

WebhookMatches match_all_webhooks(const PodFacts& pod, const WebhookRules& rules, const Namespaces& namespaces) {
  WebhookMatches out;
  Node ns_labels = namespaces.labels(pod.namespace_);
  std::vector<const Requirement*> pod_misses;  // of webhooks that selected the namespace, not the pod
  for (const auto& w : rules.webhooks()) {
    if (!w.intercepts_pods) continue;
    bool ns_ok = w.namespace_selector.matches(&ns_labels);
    const Requirement* miss = w.object_selector.first_mismatch(pod.labels);
    if (ns_ok && !miss) {
      std::string ns_whose = fmt::format("namespace {}", pod.namespace_);
      std::string why = matched_by(w.object_selector, pod.labels, "pod label");
      if (why.empty()) why = matched_by(w.namespace_selector, &ns_labels, ns_whose + " label");
      if (why.empty()) why = fmt::format("{} labels {}", ns_whose, describe_labels(&ns_labels));
      out.fired.push_back({&w, why});
    } else if (ns_ok) {
      pod_misses.push_back(miss);
    }
  }
  if (out.fired.empty()) out.none_reason = none_fired(pod, rules, ns_labels, pod_misses);
  return out;
}

WebhookMatch match_webhooks(const PodFacts& pod, const WebhookRules& rules, const Namespaces& namespaces) {
  WebhookMatches all = match_all_webhooks(pod, rules, namespaces);
  if (all.fired.empty()) return {nullptr, all.none_reason};
  return all.fired.front();
}

}  // namespace kinject
