#include "kinject/k8s/k8s_types.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kinject/base/error.h"
#include "kinject/base/text.h"
#include "kinject/k8s/quantity.h"
#include "kinject/yaml/writer.h"

namespace kinject::k8s {

namespace {

// Field order and tags follow k8s.io/api core/v1 types.go.
struct Types {
  Type http_header{"v1.HTTPHeader", {{"Name", "name", T::String, nullptr, false}, {"Value", "value", T::String, nullptr, false}}};
  Type http_get{"v1.HTTPGetAction", {}};
  Type tcp_socket{"v1.TCPSocketAction", {}};
  Type grpc{"v1.GRPCAction", {}};
  Type exec{"v1.ExecAction", {{"Command", "command", T::StringList}}};
  Type sleep{"v1.SleepAction", {{"Seconds", "seconds", T::Int64, nullptr, false}}};
  Type probe_handler{"v1.ProbeHandler", {}};
  Type probe{"v1.Probe", {}};
  Type lifecycle_handler{"v1.LifecycleHandler", {}};
  Type lifecycle{"v1.Lifecycle", {}};
  Type capabilities{"v1.Capabilities", {{"Add", "add", T::StringList}, {"Drop", "drop", T::StringList}}};
  Type selinux{"v1.SELinuxOptions",
               {{"User", "user", T::String}, {"Role", "role", T::String}, {"Type", "type", T::String}, {"Level", "level", T::String}}};
  Type windows{"v1.WindowsSecurityContextOptions",
               {{"GMSACredentialSpecName", "gmsaCredentialSpecName", T::String, nullptr, true, true},
                {"GMSACredentialSpec", "gmsaCredentialSpec", T::String, nullptr, true, true},
                {"RunAsUserName", "runAsUserName", T::String, nullptr, true, true},
                {"HostProcess", "hostProcess", T::Bool, nullptr, true, true}}};
  Type seccomp{"v1.SeccompProfile",
               {{"Type", "type", T::String, nullptr, false}, {"LocalhostProfile", "localhostProfile", T::String, nullptr, true, true}}};
  Type apparmor{"v1.AppArmorProfile",
                {{"Type", "type", T::String, nullptr, false}, {"LocalhostProfile", "localhostProfile", T::String, nullptr, true, true}}};
  Type security_context{"v1.SecurityContext", {}};
  Type volume_mount{"v1.VolumeMount", {}};
  Type volume_device{"v1.VolumeDevice", {{"Name", "name", T::String, nullptr, false}, {"DevicePath", "devicePath", T::String, nullptr, false}}};
  Type object_field_selector{"v1.ObjectFieldSelector",
                             {{"APIVersion", "apiVersion", T::String}, {"FieldPath", "fieldPath", T::String, nullptr, false}}};
  Type resource_field_selector{"v1.ResourceFieldSelector",
                               {{"ContainerName", "containerName", T::String},
                                {"Resource", "resource", T::String, nullptr, false},
                                {"Divisor", "divisor", T::Quantity, nullptr, false}}};
  Type key_selector{"v1.KeySelector",
                    {{"Name", "name", T::String}, {"Key", "key", T::String, nullptr, false}, {"Optional", "optional", T::Bool, nullptr, true, true}}};
  Type env_var_source{"v1.EnvVarSource", {}};
  Type env_var{"v1.EnvVar", {}};
  Type source_ref{"v1.ConfigMapEnvSource", {{"Name", "name", T::String}, {"Optional", "optional", T::Bool, nullptr, true, true}}};
  Type env_from{"v1.EnvFromSource", {}};
  Type container_port{"v1.ContainerPort", {}};
  Type resource_claim{"v1.ResourceClaim", {{"Name", "name", T::String, nullptr, false}, {"Request", "request", T::String}}};
  Type resources{"v1.ResourceRequirements", {}};
  Type resize_policy{"v1.ContainerResizePolicy",
                     {{"ResourceName", "resourceName", T::String, nullptr, false}, {"RestartPolicy", "restartPolicy", T::String, nullptr, false}}};
  Type container{"v1.Container", {}};
  Type object_meta{"v1.ObjectMeta", {}};
  Type pod_spec{"v1.PodSpec", {}};

  Types() {
    http_get.fields = {{"Path", "path", T::String},
                       {"Port", "port", T::IntOrString, nullptr, false},
                       {"Host", "host", T::String},
                       {"Scheme", "scheme", T::String},
                       {"HTTPHeaders", "httpHeaders", T::StructList, &http_header}};
    tcp_socket.fields = {{"Port", "port", T::IntOrString, nullptr, false}, {"Host", "host", T::String}};
    grpc.fields = {{"Port", "port", T::Int32, nullptr, false}, {"Service", "service", T::String, nullptr, false, true}};
    probe_handler.fields = {{"Exec", "exec", T::Struct, &exec, true, true},
                            {"HTTPGet", "httpGet", T::Struct, &http_get, true, true},
                            {"TCPSocket", "tcpSocket", T::Struct, &tcp_socket, true, true},
                            {"GRPC", "grpc", T::Struct, &grpc, true, true}};
    probe.fields = {{"ProbeHandler", "", T::Struct, &probe_handler, false, false, true},
                    {"InitialDelaySeconds", "initialDelaySeconds", T::Int32},
                    {"TimeoutSeconds", "timeoutSeconds", T::Int32},
                    {"PeriodSeconds", "periodSeconds", T::Int32},
                    {"SuccessThreshold", "successThreshold", T::Int32},
                    {"FailureThreshold", "failureThreshold", T::Int32},
                    {"TerminationGracePeriodSeconds", "terminationGracePeriodSeconds", T::Int64, nullptr, true, true}};
    lifecycle_handler.fields = {{"Exec", "exec", T::Struct, &exec, true, true},
                                {"HTTPGet", "httpGet", T::Struct, &http_get, true, true},
                                {"TCPSocket", "tcpSocket", T::Struct, &tcp_socket, true, true},
                                {"Sleep", "sleep", T::Struct, &sleep, true, true}};
    lifecycle.fields = {{"PostStart", "postStart", T::Struct, &lifecycle_handler, true, true},
                        {"PreStop", "preStop", T::Struct, &lifecycle_handler, true, true},
                        {"StopSignal", "stopSignal", T::String, nullptr, true, true}};
    security_context.fields = {{"Capabilities", "capabilities", T::Struct, &capabilities, true, true},
                               {"Privileged", "privileged", T::Bool, nullptr, true, true},
                               {"SELinuxOptions", "seLinuxOptions", T::Struct, &selinux, true, true},
                               {"WindowsOptions", "windowsOptions", T::Struct, &windows, true, true},
                               {"RunAsUser", "runAsUser", T::Int64, nullptr, true, true},
                               {"RunAsGroup", "runAsGroup", T::Int64, nullptr, true, true},
                               {"RunAsNonRoot", "runAsNonRoot", T::Bool, nullptr, true, true},
                               {"ReadOnlyRootFilesystem", "readOnlyRootFilesystem", T::Bool, nullptr, true, true},
                               {"AllowPrivilegeEscalation", "allowPrivilegeEscalation", T::Bool, nullptr, true, true},
                               {"ProcMount", "procMount", T::String, nullptr, true, true},
                               {"SeccompProfile", "seccompProfile", T::Struct, &seccomp, true, true},
                               {"AppArmorProfile", "appArmorProfile", T::Struct, &apparmor, true, true}};
    volume_mount.fields = {{"Name", "name", T::String, nullptr, false},
                           {"ReadOnly", "readOnly", T::Bool},
                           {"RecursiveReadOnly", "recursiveReadOnly", T::String, nullptr, true, true},
                           {"MountPath", "mountPath", T::String, nullptr, false},
                           {"SubPath", "subPath", T::String},
                           {"MountPropagation", "mountPropagation", T::String, nullptr, true, true},
                           {"SubPathExpr", "subPathExpr", T::String}};
    env_var_source.fields = {{"FieldRef", "fieldRef", T::Struct, &object_field_selector, true, true},
                             {"ResourceFieldRef", "resourceFieldRef", T::Struct, &resource_field_selector, true, true},
                             {"ConfigMapKeyRef", "configMapKeyRef", T::Struct, &key_selector, true, true},
                             {"SecretKeyRef", "secretKeyRef", T::Struct, &key_selector, true, true}};
    env_var.fields = {{"Name", "name", T::String, nullptr, false},
                      {"Value", "value", T::String},
                      {"ValueFrom", "valueFrom", T::Struct, &env_var_source, true, true}};
    env_from.fields = {{"Prefix", "prefix", T::String},
                       {"ConfigMapRef", "configMapRef", T::Struct, &source_ref, true, true},
                       {"SecretRef", "secretRef", T::Struct, &source_ref, true, true}};
    container_port.fields = {{"Name", "name", T::String},
                             {"HostPort", "hostPort", T::Int32},
                             {"ContainerPort", "containerPort", T::Int32, nullptr, false},
                             {"Protocol", "protocol", T::String},
                             {"HostIP", "hostIP", T::String}};
    resources.fields = {{"Limits", "limits", T::QuantityMap},
                        {"Requests", "requests", T::QuantityMap},
                        {"Claims", "claims", T::StructList, &resource_claim}};
    container.fields = {{"Name", "name", T::String, nullptr, false},
                        {"Image", "image", T::String},
                        {"Command", "command", T::StringList},
                        {"Args", "args", T::StringList},
                        {"WorkingDir", "workingDir", T::String},
                        {"Ports", "ports", T::StructList, &container_port},
                        {"EnvFrom", "envFrom", T::StructList, &env_from},
                        {"Env", "env", T::StructList, &env_var},
                        {"Resources", "resources", T::Struct, &resources},
                        {"ResizePolicy", "resizePolicy", T::StructList, &resize_policy},
                        {"RestartPolicy", "restartPolicy", T::String, nullptr, true, true},
                        {"VolumeMounts", "volumeMounts", T::StructList, &volume_mount},
                        {"VolumeDevices", "volumeDevices", T::StructList, &volume_device},
                        {"LivenessProbe", "livenessProbe", T::Struct, &probe, true, true},
                        {"ReadinessProbe", "readinessProbe", T::Struct, &probe, true, true},
                        {"StartupProbe", "startupProbe", T::Struct, &probe, true, true},
                        {"Lifecycle", "lifecycle", T::Struct, &lifecycle, true, true},
                        {"TerminationMessagePath", "terminationMessagePath", T::String},
                        {"TerminationMessagePolicy", "terminationMessagePolicy", T::String},
                        {"ImagePullPolicy", "imagePullPolicy", T::String},
                        {"SecurityContext", "securityContext", T::Struct, &security_context, true, true},
                        {"Stdin", "stdin", T::Bool},
                        {"StdinOnce", "stdinOnce", T::Bool},
                        {"TTY", "tty", T::Bool}};
    object_meta.fields = {{"Name", "name", T::String},
                          {"GenerateName", "generateName", T::String},
                          {"Namespace", "namespace", T::String},
                          {"SelfLink", "selfLink", T::String},
                          {"UID", "uid", T::String},
                          {"ResourceVersion", "resourceVersion", T::String},
                          {"Generation", "generation", T::Int64},
                          {"CreationTimestamp", "creationTimestamp", T::Raw, nullptr, true, true},
                          {"DeletionTimestamp", "deletionTimestamp", T::Raw, nullptr, true, true},
                          {"DeletionGracePeriodSeconds", "deletionGracePeriodSeconds", T::Int64, nullptr, true, true},
                          {"Labels", "labels", T::StringMap},
                          {"Annotations", "annotations", T::StringMap},
                          {"OwnerReferences", "ownerReferences", T::Raw},
                          {"Finalizers", "finalizers", T::StringList},
                          {"ManagedFields", "managedFields", T::Raw}};
    pod_spec.fields = {{"Volumes", "volumes", T::Raw},
                       {"InitContainers", "initContainers", T::StructList, &container},
                       {"Containers", "containers", T::StructList, &container, false},
                       {"EphemeralContainers", "ephemeralContainers", T::Raw},
                       {"RestartPolicy", "restartPolicy", T::String},
                       {"TerminationGracePeriodSeconds", "terminationGracePeriodSeconds", T::Int64, nullptr, true, true},
                       {"ActiveDeadlineSeconds", "activeDeadlineSeconds", T::Int64, nullptr, true, true},
                       {"DNSPolicy", "dnsPolicy", T::String},
                       {"NodeSelector", "nodeSelector", T::StringMap},
                       {"ServiceAccountName", "serviceAccountName", T::String},
                       {"DeprecatedServiceAccount", "serviceAccount", T::String},
                       {"AutomountServiceAccountToken", "automountServiceAccountToken", T::Bool, nullptr, true, true},
                       {"NodeName", "nodeName", T::String},
                       {"HostNetwork", "hostNetwork", T::Bool},
                       {"HostPID", "hostPID", T::Bool},
                       {"HostIPC", "hostIPC", T::Bool},
                       {"ShareProcessNamespace", "shareProcessNamespace", T::Bool, nullptr, true, true},
                       {"SecurityContext", "securityContext", T::Raw, nullptr, true, true},
                       {"ImagePullSecrets", "imagePullSecrets", T::Raw},
                       {"Hostname", "hostname", T::String},
                       {"Subdomain", "subdomain", T::String},
                       {"Affinity", "affinity", T::Raw, nullptr, true, true},
                       {"SchedulerName", "schedulerName", T::String},
                       {"Tolerations", "tolerations", T::Raw},
                       {"HostAliases", "hostAliases", T::Raw},
                       {"PriorityClassName", "priorityClassName", T::String},
                       {"Priority", "priority", T::Int32, nullptr, true, true},
                       {"DNSConfig", "dnsConfig", T::Raw, nullptr, true, true},
                       {"ReadinessGates", "readinessGates", T::Raw},
                       {"RuntimeClassName", "runtimeClassName", T::String, nullptr, true, true},
                       {"EnableServiceLinks", "enableServiceLinks", T::Bool, nullptr, true, true},
                       {"PreemptionPolicy", "preemptionPolicy", T::String, nullptr, true, true},
                       {"Overhead", "overhead", T::QuantityMap},
                       {"TopologySpreadConstraints", "topologySpreadConstraints", T::Raw},
                       {"SetHostnameAsFQDN", "setHostnameAsFQDN", T::Bool, nullptr, true, true},
                       {"OS", "os", T::Raw, nullptr, true, true},
                       {"HostUsers", "hostUsers", T::Bool, nullptr, true, true},
                       {"SchedulingGates", "schedulingGates", T::Raw},
                       {"ResourceClaims", "resourceClaims", T::Raw}};
  }
};

const Types& types() {
  static const Types t;
  return t;
}

}  // namespace

namespace {

bool zero_scalar(const Node& n, T t) {
  switch (t) {
    case T::String: return n.scalar_text().empty();
    case T::Int32:
    case T::Int64:
    case T::Float: return (n.kind == Kind::Int && n.i == 0) || (n.kind == Kind::Float && n.f == 0) || n.is_null();
    case T::Bool: return n.kind != Kind::Bool || !n.b;
    case T::StringMap:
    case T::QuantityMap:
    case T::StringList:
    case T::StructList: return !n.is_map() && !n.is_seq() ? true : n.size() == 0;
    case T::Raw: return n.is_null() || ((n.is_map() || n.is_seq()) && n.size() == 0);
    default: return false;
  }
}

std::string int_json(const Node& n) {
  if (n.kind == Kind::Int) return fmt::format("{}", n.i);
  if (n.kind == Kind::Float) return fmt::format("{}", static_cast<long long>(n.f));
  Node p = Node::plain(n.scalar_text());
  return fmt::format("{}", p.kind == Kind::Int ? p.i : 0);
}

void append_value(std::string& out, const Node& n, const Field& f);

void append_struct(std::string& out, const Node& n, const Type& t, bool& first) {
  for (const auto& f : t.fields) {
    if (f.inline_) {
      append_struct(out, n, *f.sub, first);
      continue;
    }
    const Node* v = n.is_map() ? n.get(f.json) : nullptr;
    bool present = v && !v->is_null();
    if (f.pointer) {
      if (!present) continue;
    } else if (f.type == T::Struct) {
      // Go never omits a non-pointer struct.
    } else if (f.type == T::Quantity) {
      // resource.Quantity is a struct too: always present ("0" when unset).
    } else if (f.omitempty && (!present || zero_scalar(*v, f.type))) {
      continue;
    }
    out += first ? "" : ",";
    first = false;
    out += json_quote(f.json);
    out += ':';
    if (!present) {
      switch (f.type) {
        case T::String: out += "\"\""; break;
        case T::Int32:
        case T::Int64:
        case T::Float: out += "0"; break;
        case T::Bool: out += "false"; break;
        case T::Quantity: out += "\"0\""; break;
        case T::Struct: out += go_json(Node::map(), *f.sub); break;
        case T::IntOrString: out += "0"; break;
        default: out += "null"; break;
      }
      continue;
    }
    append_value(out, *v, f);
  }
}

void append_value(std::string& out, const Node& n, const Field& f) {
  switch (f.type) {
    case T::String: out += json_quote(n.scalar_text()); break;
    case T::Int32:
    case T::Int64: out += int_json(n); break;
    case T::Float: out += emit_json(n, 0); break;
    case T::Bool: out += n.kind == Kind::Bool && n.b ? "true" : "false"; break;
    case T::Quantity: out += json_quote(canonical_quantity(n.scalar_text())); break;
    case T::IntOrString:
      if (n.kind == Kind::Int) out += fmt::format("{}", n.i);
      else out += json_quote(n.scalar_text());
      break;
    case T::StringMap:
    case T::QuantityMap: {
      std::vector<std::pair<std::string, std::string>> kv;
      if (n.is_map())
        for (const auto& e : n.entries)
          kv.emplace_back(e.key.scalar_text(),
                          f.type == T::QuantityMap ? canonical_quantity(e.value.scalar_text()) : e.value.scalar_text());
      std::sort(kv.begin(), kv.end());
      kv.erase(std::unique(kv.begin(), kv.end(), [](auto& a, auto& b) { return a.first == b.first; }), kv.end());
      out += '{';
      for (std::size_t i = 0; i < kv.size(); ++i) out += (i ? "," : "") + json_quote(kv[i].first) + ":" + json_quote(kv[i].second);
      out += '}';
      break;
    }
    case T::StringList:
      out += '[';
      if (n.is_seq())
        for (std::size_t i = 0; i < n.items.size(); ++i) out += (i ? "," : "") + json_quote(n.items[i].scalar_text());
      out += ']';
      break;
    case T::Struct: out += go_json(n, *f.sub); break;
    case T::StructList:
      out += '[';
      if (n.is_seq())
        for (std::size_t i = 0; i < n.items.size(); ++i) out += (i ? "," : "") + go_json(n.items[i], *f.sub);
      out += ']';
      break;
    case T::Raw: out += emit_json(n, 0); break;
  }
}

}  // namespace

namespace {

// Whether a field of type `t` can hold `n` at all: where Go's decoder
// expects an object or an array, a scalar is an error ("cannot unmarshal
// string into Go struct field ResourceRequirements.limits").
bool shape_fits(const Node& n, T t) {
  switch (t) {
    case T::StringMap:
    case T::QuantityMap:
    case T::Struct: return n.is_map();
    case T::StringList:
    case T::StructList: return n.is_seq();
    default: return true;
  }
}

// Go's decoder refuses a scalar of another JSON type than the field's
// ("cannot unmarshal string into Go struct field
// SecurityContext.readOnlyRootFilesystem of type bool"): `felse` is no
// boolean, "1234" no integer. Written out anyway, such a value would come
// back from Istio's records as the type's zero value, and a second
// injection would differ from the first.
void check_scalar_type(const Node& v, T t, const std::string& where) {
  if (v.is_null()) return;
  const char* want = nullptr;
  switch (t) {
    case T::Bool:
      if (v.kind != Kind::Bool) want = "a boolean (true or false)";
      break;
    case T::Int32:
    case T::Int64:
      if (v.kind != Kind::Int) want = "an integer";
      break;
    case T::Float:
      if (v.kind != Kind::Int && v.kind != Kind::Float) want = "a number";
      break;
    case T::String:
      if (!v.is_scalar()) want = "a string";
      break;
    case T::IntOrString:
      if (!v.is_scalar() || v.kind == Kind::Bool || v.kind == Kind::Float) want = "an integer or a string";
      break;
    default:
      break;
  }
  if (!want) return;
  std::string found = v.is_map() ? "a mapping" : v.is_seq() ? "a list" : "\"" + v.scalar_text() + "\"";
  throw Error(fmt::format("{}: expected {}, found {}", where, want, found));
}

// resource.Quantity's UnmarshalJSON refuses what is not a quantity, and so
// does Istio's typed decode of the rendered pod (a number is one).
void check_quantity(const Node& v, const std::string& where) {
  if (v.is_null() || v.kind == Kind::Int || v.kind == Kind::Float) return;
  if (!is_quantity(v.scalar_text()))
    throw Error(fmt::format("{}: \"{}\": quantities must match the regular expression "
                            "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
                            where, v.scalar_text()));
}

void normalize_at(Node& n, const Type& t, const std::string& path) {
  if (!n.is_map()) return;
  for (const auto& f : t.fields) {
    if (f.inline_) {
      normalize_at(n, *f.sub, path);
      continue;
    }
    Node* v = n.get(f.json);
    if (!v) {
      if (f.type == T::Quantity) n.set(f.json, Node::string("0"));
      continue;
    }
    if (v->is_null()) {
      n.erase(f.json);
      continue;
    }
    std::string here = path.empty() ? std::string(f.json) : path + "." + f.json;
    if (!shape_fits(*v, f.type))
      throw Error(fmt::format("{}: expected {}, found {}", here, f.type == T::StringList || f.type == T::StructList ? "a list" : "a mapping",
                              v->is_scalar() ? "\"" + v->scalar_text() + "\"" : v->is_seq() ? "a list" : "a mapping"));
    // A list of strings or a map of strings holds scalars only.
    auto check_scalar = [&](const Node& item, const std::string& where) {
      if (!item.is_scalar())
        throw Error(fmt::format("{}: expected a string, found {}", where, item.is_seq() ? "a list" : "a mapping"));
    };
    switch (f.type) {
      case T::StringList:
        for (std::size_t i = 0; i < v->items.size(); ++i) check_scalar(v->items[i], fmt::format("{}[{}]", here, i));
        if (f.omitempty && !f.pointer && zero_scalar(*v, f.type)) n.erase(f.json);
        break;
      case T::StringMap:
      case T::QuantityMap:
        for (const auto& e : v->entries) {
          std::string where = fmt::format("{}.{}", here, e.key.scalar_text());
          check_scalar(e.value, where);
          if (f.type == T::QuantityMap) check_quantity(e.value, where);
        }
        if (f.omitempty && !f.pointer && zero_scalar(*v, f.type)) n.erase(f.json);
        break;
      case T::Struct:
        normalize_at(*v, *f.sub, here);
        break;
      case T::StructList:
        for (std::size_t i = 0; i < v->items.size(); ++i) normalize_at(v->items[i], *f.sub, fmt::format("{}[{}]", here, i));
        if (f.omitempty && zero_scalar(*v, f.type)) n.erase(f.json);
        break;
      case T::Quantity:
        check_quantity(*v, here);
        if (f.omitempty && !f.pointer && zero_scalar(*v, f.type)) n.erase(f.json);
        break;
      default:
        check_scalar_type(*v, f.type, here);
        if (f.omitempty && !f.pointer && zero_scalar(*v, f.type)) n.erase(f.json);
    }
  }
}

}  // namespace

void go_normalize(Node& n, const Type& t) { normalize_at(n, t, ""); }

std::string go_json(const Node& n, const Type& t) {
  std::string out = "{";
  bool first = true;
  append_struct(out, n, t, first);
  out += '}';
  return out;
}

const Type& container_type() { return types().container; }
const Type& container_port_type() { return types().container_port; }
const Type& probe_type() { return types().probe; }
const Type& http_get_type() { return types().http_get; }
const Type& tcp_socket_type() { return types().tcp_socket; }
const Type& grpc_type() { return types().grpc; }
const Type& object_meta_type() { return types().object_meta; }
const Type& pod_spec_type() { return types().pod_spec; }

}  // namespace kinject::k8s
