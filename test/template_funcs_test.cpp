// Tests for Sprig/Istio template functions, JSON and YAML marshalling
// (kinject/template_funcs.h). Expected values follow the Go implementations.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <span>
#include <sstream>

#include "kinject/istio/config.h"
#include "kinject/gotemplate/fmt.h"
#include "kinject/gotemplate/template.h"
#include "kinject/gofuncs/template_funcs.h"
#include "kinject/istio/funcs.h"
#include "support.h"
#include "gotemplate/value_literals.h"


using namespace kinject::tmpl;
using namespace kinject::tmpl::literals;

namespace {

EnvLookup fake_env() {
  return [](std::string_view k) -> std::optional<std::string> {
    if (k == "SET") return std::string("from-env");
    if (k == "EMPTY") return std::string();
    return std::nullopt;
  };
}

std::string run(std::string_view text, const Value& data = Value()) {
  return Template::parse("t", text, injection_funcs(fake_env())).execute("t", data);
}
std::string run_sprig(std::string_view text, const Value& data = Value()) {
  return Template::parse("t", text, sprig_funcs()).execute("t", data);
}
std::string run_error(std::string_view text, const Value& data = Value()) {
  try {
    run(text, data);
  } catch (const TemplateError& e) {
    return e.what();
  }
  return "<no error>";
}

std::string run_sprig_error(std::string_view text) {
  try {
    run_sprig(text);
  } catch (const TemplateError& e) {
    return e.what();
  }
  return "<no error>";
}

Value data() {
  return M({
      {"Values", M({{"name", S("demo")},
                    {"count", F(3)},
                    {"empty", S("")},
                    {"zero", F(0)},
                    {"null", Value::nil()},
                    {"list", L({S("a"), S("b"), S("a")})},
                    {"map", M({{"a", I(1)}, {"b", M({{"c", S("x")}})}})}})},
      {"Ann", SM({{"a", "1"}, {"b", "2"}, {"c", "3"}})},
  });
}

struct Case {
  const char* text;
  const char* want;
};

void check_all(std::initializer_list<Case> cases, const Value& d, bool sprig_only = false) {
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK((sprig_only ? run_sprig(c.text, d) : run(c.text, d)) == c.want);
  }
}

}  // namespace

TEST_CASE("sprig defaults and logic", "[funcs]") {
  check_all({
                {"{{ default \"d\" .Values.missing }}", "d"},
                {"{{ default \"d\" .Values.empty }}", "d"},
                {"{{ default \"d\" .Values.zero }}", "d"},
                {"{{ default \"d\" .Values.name }}", "demo"},
                {"{{ .Values.missing | default \"d\" }}", "d"},
                {"{{ .Values.null | default \"d\" }}", "d"},
                {"{{ default \"d\" }}", "d"},
                {"{{ default 5 false }}", "5"},
                {"{{ empty .Values.missing }} {{ empty .Values.list }} {{ empty 0 }} {{ empty \"x\" }}", "true false true false"},
                {"{{ coalesce .Values.missing \"\" 0 \"x\" }}", "x"},
                {"{{ coalesce .Values.missing \"\" }}", "<no value>"},
                {"{{ ternary \"y\" \"n\" true }} {{ true | ternary \"y\" \"n\" }}", "y y"},
            },
            data());
}

TEST_CASE("sprig strings", "[funcs]") {
  check_all({
                {"{{ quote \"a\" 1 .Values.missing \"b\\\"c\" }}", "\"a\" \"1\" \"b\\\"c\""},
                {"{{ squote \"a\" 2 }}", "'a' '2'"},
                {"{{ .Values.count | quote }}", "\"3\""},
                {"{{ upper \"abc\" }} {{ lower \"ABC\" }} {{ title \"hello wide-world\" }}", "ABC abc Hello Wide-World"},
                {"{{ trim \"  a b \\n\" }}|{{ trimAll \"-\" \"--a-b--\" }}|{{ trimPrefix \"ab\" \"abc\" }}|{{ trimSuffix \"-\" \"a-\" }}",
                 "a b|a-b|c|a"},
                {"{{ trunc 3 \"abcdef\" }} {{ trunc -2 \"abcdef\" }} {{ trunc 10 \"ab\" }}", "abc ef ab"},
                {"{{ replace \"a\" \"x\" \"banana\" }} {{ repeat 3 \"ab\" }}", "bxnxnx ababab"},
                {"{{ hasPrefix \"ab\" \"abc\" }} {{ hasSuffix \"bc\" \"abc\" }} {{ hasPrefix \"x\" \"abc\" }}", "true true false"},
                {"{{ split \",\" \"a,b\" }}", "map[_0:a _1:b]"},
                {"{{ splitList \",\" \"a,b,,c\" }} {{ len (splitList \",\" \"\") }}", "[a b  c] 1"},
                {"{{ join \"-\" .Values.list }} {{ join \",\" (list 1 .Values.missing 2) }} {{ join \",\" \"solo\" }}", "a-b-a 1,2 solo"},
                {"{{ indent 2 \"a\\nb\" }}", "a\n  b"},  // Istio's indent
                {"{{ nindent 2 \"a\\nb\" }}", "\n  a\n  b"},
                {"{{ toString 1.5 }} {{ toString .Values.list }} {{ toString .Values.missing }}", "1.5 [a b a] <nil>"},
                {"{{ b64enc \"hello world\" }} {{ b64dec \"aGVsbG8gd29ybGQ=\" }} {{ b64dec \"a\" }}",
                 "aGVsbG8gd29ybGQ= hello world illegal base64 data at input byte 0"},
                {"{{ sha256sum \"abc\" }}", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
                {"{{ regexMatch \"^a.c$\" \"abc\" }} {{ regexMatch \"b\" \"abc\" }} {{ regexMatch \"(\" \"x\" }}", "true true false"},
                {"{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }}", "-W-xxW-"},
                {"{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"$1W\" }}", "---"},
                {"{{ contains \"b\" \"abc\" }} {{ contains \"z\" \"abc\" }}", "true false"},
                {"{{ cat \"a\" 1 .Values.missing \"b\" }} {{ nospace \" a b \" }} {{ substr 1 3 \"abcdef\" }}", "a 1 b ab bc"},
            },
            data());
  // Sprig's indent pads every line (Istio's is used in injection_funcs).
  CHECK(run_sprig("{{ indent 2 \"a\\nb\" }}") == "  a\n  b");
  CHECK(run_sprig("{{ contains \"b\" \"abc\" }}") == "true");
  CHECK(run_error("{{ trunc .Values.count \"abc\" }}", data()).find("wrong type for value; expected int; got float64") !=
        std::string::npos);
  CHECK(run_error("{{ regexReplaceAll \"(\" \"x\" \"y\" }}").find("error calling regexReplaceAll: regexp: Compile(") !=
        std::string::npos);
}

TEST_CASE("sprig numbers and types", "[funcs]") {
  check_all({
                {"{{ int \"42\" }} {{ int 3.9 }} {{ int \"010\" }} {{ int \"4.00\" }} {{ int \"x\" }} {{ int .Values.missing }}",
                 "42 3 8 4 0 0"},
                {"{{ int64 .Values.count }} {{ float64 \"1.5\" }} {{ float64 2 }} {{ atoi \"12\" }} {{ atoi \"1.5\" }}", "3 1.5 2 12 0"},
                {"{{ add 1 2 \"3\" .Values.count }} {{ sub 5 7 }} {{ mul 2 3 4 }} {{ div 7 2 }} {{ mod 7 3 }}", "9 -2 24 3 1"},
                {"{{ max 1 5 3 }} {{ min 4 2 8 }} {{ add1 1 }}", "5 2 2"},
                {"{{ kindOf 1 }} {{ kindOf 1.5 }} {{ kindOf \"s\" }} {{ kindOf .Values.list }} {{ kindOf .Values }} {{ kindOf .Values.missing }}",
                 "int float64 string slice map invalid"},
                {"{{ kindIs \"map\" .Values }} {{ kindIs \"slice\" .Values }}", "true false"},
                {"{{ typeOf 1 }} {{ typeOf .Values }} {{ typeOf .Ann }} {{ typeOf .Values.missing }}",
                 "int map[string]interface {} map[string]string <nil>"},
                {"{{ until 3 }}", "[0 1 2]"},
            },
            data());
  CHECK(run_error("{{ div 1 0 }}").find("error calling div: runtime error: integer divide by zero") != std::string::npos);
}

TEST_CASE("sprig lists", "[funcs]") {
  check_all({
                {"{{ list 1 \"a\" .Values.missing }}", "[1 a <nil>]"},
                {"{{ append .Values.list \"z\" }} {{ .Values.list }}", "[a b a z] [a b a]"},
                {"{{ prepend .Values.list \"z\" }}", "[z a b a]"},
                {"{{ first .Values.list }} {{ last .Values.list }} {{ rest .Values.list }} {{ initial .Values.list }}",
                 "a a [b a] [a b]"},
                {"{{ first list }}|{{ rest list }}", "<no value>|[]"},
                {"{{ uniq .Values.list }} {{ without .Values.list \"a\" }} {{ has \"b\" .Values.list }} {{ has \"q\" .Values.list }}",
                 "[a b] [b] true false"},
                {"{{ has 1 .Values.missing }}", "false"},
                {"{{ concat .Values.list (list 1 2) }}", "[a b a 1 2]"},
                {"{{ reverse .Values.list }} {{ compact (list 0 \"a\" \"\" 1) }} {{ sortAlpha (list \"b\" \"a\") }}", "[a b a] [a 1] [a b]"},
                {"{{ $l := list }}{{ $l = append $l 1 }}{{ $l = append $l 2 }}{{ $l }}", "[1 2]"},
            },
            data());
  CHECK(run_error("{{ append \"s\" 1 }}").find("error calling append: Cannot push on type string") != std::string::npos);
  CHECK(run_error("{{ first .Values.missing }}", data()).find("error calling first: runtime error") != std::string::npos);
  CHECK(run_error("{{ concat (list 1) 2 }}").find("Cannot concat type int as list") != std::string::npos);
}

TEST_CASE("sprig dicts", "[funcs]") {
  check_all({
                {"{{ dict \"a\" 1 \"b\" \"x\" \"c\" }}", "map[a:1 b:x c:]"},
                {"{{ get .Values \"name\" }}|{{ get .Values \"nope\" }}", "demo|"},
                {"{{ hasKey .Values \"name\" }} {{ hasKey .Values \"nope\" }}", "true false"},
                {"{{ keys (dict \"b\" 1 \"a\" 2) }}", "[a b]"},
                {"{{ pick .Values.map \"a\" \"zz\" }}", "map[a:1]"},
                {"{{ $d := dict \"a\" 1 }}{{ $_ := set $d \"b\" 2 }}{{ $d }}", "map[a:1 b:2]"},
                {"{{ $d := dict \"a\" 1 \"b\" 2 }}{{ $_ := unset $d \"a\" }}{{ $d }}", "map[b:2]"},
                {"{{ $d := dict \"a\" 1 \"n\" (dict \"x\" 1) }}{{ $_ := merge $d (dict \"a\" 9 \"z\" 3 \"n\" (dict \"y\" 2)) }}{{ $d }}",
                 "map[a:1 n:map[x:1 y:2] z:3]"},
                {"{{ $d := dict \"a\" 1 }}{{ $_ := mergeOverwrite $d (dict \"a\" 9) }}{{ $d }}", "map[a:9]"},
            },
            data());
  // Sprig's own omit works on map[string]interface{}; Istio replaces it.
  CHECK(run_sprig("{{ omit .Values.map \"a\" }}", data()) == "map[b:map[c:x]]");
  CHECK(run_error("{{ hasKey .Ann \"a\" }}", data()).find(
            "wrong type for value; expected map[string]interface {}; got map[string]string") != std::string::npos);
}

TEST_CASE("sprig json", "[funcs]") {
  check_all({
                {"{{ toJson .Values.map }}", "{\"a\":1,\"b\":{\"c\":\"x\"}}"},
                {"{{ toJson \"<a&b>\" }}", "\"\\u003ca\\u0026b\\u003e\""},
                {"{{ toRawJson \"<a&b>\" }}", "\"<a&b>\""},
                {"{{ toPrettyJson (dict \"a\" (list 1 2)) }}", "{\n  \"a\": [\n    1,\n    2\n  ]\n}"},
                {"{{ (fromJson \"{\\\"a\\\": [1, 2.5]}\").a }}", "[1 2.5]"},
                {"{{ fromJson \"nope\" }}", "<no value>"},
            },
            data());
}

TEST_CASE("appendMultusNetwork adds Istio's CNI network to a JSON list as the release wrote it (hello-existing-cncf-networks-json)",
          "[funcs][release]") {
  // pkg/kube/inject/template.go appendMultusNetwork at 1.22.8 and 1.24.3:
  // the network is compared with and added as a name; at 1.24.4, 1.25.1,
  // 1.26.0 (istio/istio#55000) "ns/name" is split into name and namespace.
  auto render = [](const char* release, const char* existing) {
    std::string text = fmt::format("{{{{ appendMultusNetwork `{}` `default/istio-cni` }}}}", existing);
    return Template::parse("t", text, injection_funcs(fake_env(), kinject::parse_istio_release(release))).execute("t", Value());
  };
  // The golden case, 1.22.8's (testdata/inject/hello-existing-cncf-networks-json.yaml.injected).
  CHECK(render("1.24.3", R"([{"name": "alt_cni"}])") == R"([{"name": "alt_cni"}, {"name": "default/istio-cni"}])");
  CHECK(render("1.25.0", R"([{"name": "alt_cni"}])") == R"([{"name": "alt_cni"}, {"name": "default/istio-cni"}])");
  // An entry of that name is Istio's, whatever its namespace says.
  CHECK(render("1.24.3", R"([{"name": "default/istio-cni", "namespace": "x"}])") ==
        R"([{"name": "default/istio-cni", "namespace": "x"}])");
  // 1.24.6's golden case.
  CHECK(render("1.24.4", R"([{"name": "alt_cni"}, {"name": "more_cni", "namespace": "kube-system"}])") ==
        R"([{"name": "alt_cni"}, {"name": "more_cni", "namespace": "kube-system"}, {"name": "istio-cni", "namespace": "default"}])");
  CHECK(render("1.25.1", R"([{"name": "istio-cni", "namespace": "default"}])") == R"([{"name": "istio-cni", "namespace": "default"}])");
  CHECK(render("1.26", R"([{"name": "istio-cni"}])") == R"([{"name": "istio-cni"}, {"name": "istio-cni", "namespace": "default"}])");
  // The comma-separated form did not change.
  CHECK(render("1.24.3", "macvlan") == "macvlan, default/istio-cni");
  CHECK(render("1.30", "macvlan") == "macvlan, default/istio-cni");
}

TEST_CASE("istio functions", "[funcs]") {
  auto d = data();
  check_all({
                {"{{ isset .Ann \"a\" }} {{ isset .Ann \"z\" }} {{ isset .Nope \"a\" }}", "true false false"},
                {"{{ valueOrDefault .Values.empty \"d\" }} {{ valueOrDefault .Values.missing \"d\" }} {{ valueOrDefault .Values.zero \"d\" }}",
                 "d d 0"},
                {"{{ excludeInboundPort 15020 \"80,443\" }}|{{ excludeInboundPort \"80\" \"80,443\" }}|{{ excludeInboundPort 0 \"1\" }}|{{ excludeInboundPort 5 \" 1 , ,2\" }}",
                 "80,443,15020|80,443|1|1,2,5"},
                {"{{ excludeInboundPort .Values.count \"\" }}", "3"},
                {"{{ indent 2 \"a\\nb\\nc\" }}", "a\n  b\n  c"},
                {"{{ contains \"/\" \"docker.io/img\" }} {{ contains \"/\" \"img\" }}", "true false"},
                {"{{ directory \"/etc/certs/cert.pem\" }}|{{ directory \"file\" }}", "/etc/certs/|"},
                {"{{ toLower \"ABC\" }} {{ kubevirtInterfaces \"eth0\" }} {{ excludeInterfaces \"eth1\" }}", "abc eth0 eth1"},
                {"{{ env \"SET\" \"def\" }} {{ env \"EMPTY\" \"def\" }} {{ env \"UNSET\" \"def\" }}", "from-env def def"},
                {"{{ toJSON .Ann }} {{ toJSON .Nope }}", "{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"} {}"},
                {"{{ (fromJSON \"{\\\"k\\\":1}\").k }} {{ fromJSON \"bad\" }}", "1 {}"},
                {"{{ omit .Ann \"a\" \"c\" }}", "map[b:2]"},
                {"{{ strdict \"a\" \"1\" \"b\" }}", "map[a:1 b:]"},
                {"{{ mergeMaps .Ann (strdict \"a\" \"9\") }}", "map[a:9 b:2 c:3]"},
                {"{{ toJsonMap (strdict \"z\" \"1\") (strdict \"a\" \"<\") }} {{ toJsonMap }}", "{\"a\":\"\\u003c\",\"z\":\"1\"} null"},
                {"{{ omitNil (dict \"a\" nil \"b\" (list nil 1) \"c\" (dict \"d\" nil)) }}", "map[b:[1]]"},
                {"{{ structToJSON .Values.missing }} {{ structToJSON (dict \"a\" 1) }}", "{} {\"a\":1}"},
                {"{{ appendMultusNetwork \"\" \"istio-cni\" }}|{{ appendMultusNetwork \"a, istio-cni\" \"istio-cni\" }}|{{ appendMultusNetwork \"a\" \"istio-cni\" }}",
                 "istio-cni|a, istio-cni|a, istio-cni"},
                {"{{ appendMultusNetwork `[{\"name\": \"a\"}]` \"istio-cni\" }}", "[{\"name\": \"a\"}, {\"name\": \"istio-cni\"}]"},
                {"{{ appendMultusNetwork `[{\"name\": \"istio-cni\"}]` \"istio-cni\" }}", "[{\"name\": \"istio-cni\"}]"},
                {"{{ appendMultusNetwork `[{\"name\": \"a\"}]` \"ns/istio-cni\" }}",
                 "[{\"name\": \"a\"}, {\"name\": \"istio-cni\", \"namespace\": \"ns\"}]"},
                {"{{ appendMultusNetwork `[bad]` \"x\" }}", "[bad]"},
                {"{{ formatDuration (dict \"seconds\" 90) }} {{ formatDuration (dict \"seconds\" 1 \"nanos\" 500000000) }} {{ formatDuration .Values.missing }}",
                 "1m30s 1.5s 0s"},
            },
            d);
  CHECK(run_error("{{ omit .Values \"a\" }}", d).find(
            "wrong type for value; expected map[string]string; got map[string]interface {}") != std::string::npos);
  CHECK(run_error("{{ isset .Values \"a\" }}", d).find("expected map[string]string") != std::string::npos);
  CHECK(run_error("{{ protoToJSON .Values }}", d).find("error calling protoToJSON") != std::string::npos);
  CHECK(run("{{ protoToJSON .Values.missing }}", d) == "{}");
}

// A duration given as its protojson string beyond int64 seconds was
// converted from double to int64 (undefined; UBSan, sprig_fuzz in CI).
// protojson refuses a Duration beyond +-315,576,000,000 s.
TEST_CASE("regression: formatDuration of a protojson string beyond Duration's range is an error, not undefined behaviour",
          "[funcs][istio]") {
  Value d = Value::map({});
  CHECK(run("{{ formatDuration \"1.5s\" }}", d) == "1.5s");
  CHECK(run_error("{{ formatDuration \"9223372036854775807s\" }}", d).find("invalid google.protobuf.Duration value") !=
        std::string::npos);
  CHECK(run_error("{{ formatDuration \"-1e300s\" }}", d).find("invalid google.protobuf.Duration value") != std::string::npos);
  CHECK(run_error("{{ formatDuration \"NaN\" }}", d).find("invalid google.protobuf.Duration value") != std::string::npos);
}

// Istio 1.30's table (pkg/kube/inject/template_test.go TestOtelResourceAttributes).
TEST_CASE("otelResourceAttributes: Istio 1.30's cases", "[funcs][istio]") {
  auto mesh = [](const char* enrichment) {
    Value::Map otel{{"Service", S("collector")}};
    if (enrichment) otel.emplace("ServiceAttributeEnrichment", S(enrichment));
    return M({{"ExtensionProviders", L({M({{"Name", S("otel")}, {"Opentelemetry", M(otel)}})})}});
  };
  auto container = [](const char* name, const char* image) { return M({{"name", S(name)}, {"image", S(image)}}); };
  struct Case {
    const char* name;
    Value mesh;
    std::map<std::string, std::string> annotations, labels;
    const char* ns;
    Value::List containers;
    const char* want;
  };
  const char* sem = "OTEL_SEMANTIC_CONVENTIONS";
  std::vector<Case> cases = {
      {"no provider", M({}), {}, {}, "default", {}, ""},
      {"ISTIO_CANONICAL", mesh("ISTIO_CANONICAL"), {}, {}, "default", {container("a", "a")}, ""},
      {"namespace only", mesh(sem), {}, {}, "my-namespace", {}, "service.namespace=my-namespace"},
      {"namespace + instance", mesh(sem), {}, {}, "my-namespace", {container("myapp", "myapp")},
       "service.namespace=my-namespace,service.instance.id=my-namespace.$(POD_NAME).myapp"},
      {"all annotations", mesh(sem),
       {{"resource.opentelemetry.io/service.namespace", "custom-ns"},
        {"resource.opentelemetry.io/service.version", "v2.0"},
        {"resource.opentelemetry.io/service.instance.id", "custom-id"}},
       {{"app.kubernetes.io/version", "v1.0"}}, "my-namespace", {container("myapp", "myapp")},
       "service.namespace=custom-ns,service.version=v2.0,service.instance.id=custom-id"},
      {"version label", mesh(sem), {}, {{"app.kubernetes.io/version", "v1.2.3"}}, "default", {container("myapp", "myapp")},
       "service.namespace=default,service.version=v1.2.3,service.instance.id=default.$(POD_NAME).myapp"},
      {"empty namespace, no containers", mesh(sem), {}, {}, "", {}, ""},
      {"image tag", mesh(sem), {}, {}, "default", {container("nginx", "nginx:1.21")},
       "service.namespace=default,service.version=1.21,service.instance.id=default.$(POD_NAME).nginx"},
      {"image digest", mesh(sem), {}, {}, "default", {container("nginx", "nginx@sha256:abc123")},
       "service.namespace=default,service.version=sha256:abc123,service.instance.id=default.$(POD_NAME).nginx"},
      {"tag and digest", mesh(sem), {}, {}, "default", {container("nginx", "nginx:1.21@sha256:abc123")},
       "service.namespace=default,service.version=1.21@sha256:abc123,service.instance.id=default.$(POD_NAME).nginx"},
      {"registry port", mesh(sem), {}, {}, "default", {container("nginx", "registry:5000/nginx:1.21")},
       "service.namespace=default,service.version=1.21,service.instance.id=default.$(POD_NAME).nginx"},
      {"two containers", mesh(sem), {}, {}, "default", {container("nginx", "nginx:1.21"), container("sidecar", "sidecar:2.0")},
       "service.namespace=default,service.instance.id=default.$(POD_NAME).nginx"},
      {"no tag", mesh(sem), {}, {}, "default", {container("nginx", "nginx")},
       "service.namespace=default,service.instance.id=default.$(POD_NAME).nginx"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto d = M({{"Mesh", c.mesh}, {"Ann", SM(c.annotations)}, {"Lab", SM(c.labels)}, {"Ns", S(c.ns)}, {"C", L(c.containers)}});
    CHECK(run("{{ otelResourceAttributes .Mesh .Ann .Lab .Ns .C }}", d) == c.want);
  }
  // The enum by number, as protojson also reads it.
  auto by_number = M({{"ExtensionProviders", L({M({{"Opentelemetry", M({{"ServiceAttributeEnrichment", I(1)}})}})})}});
  CHECK(run("{{ otelResourceAttributes .Mesh .Ann .Ann .Ns .C }}",
            M({{"Mesh", by_number}, {"Ann", SM({})}, {"Ns", S("ns")}, {"C", L({})}})) == "service.namespace=ns");
}

TEST_CASE("annotation reads ObjectMeta", "[funcs]") {
  auto meta_t = std::make_shared<TypeInfo>();
  meta_t->name = "v1.ObjectMeta";
  meta_t->fields = {{"Name", "name"}, {"Annotations", "annotations", true}};
  auto meta = Value::structure(meta_t, {S("pod"), SM({{"sidecar.istio.io/x", "yes"}})});
  auto d = M({{"ObjectMeta", meta}, {"Port", F(15020)}});
  CHECK(run("{{ annotation .ObjectMeta `sidecar.istio.io/x` `no` }}", d) == "yes");
  CHECK(run("{{ annotation .ObjectMeta `other` 15020 }}", d) == "15020");
  CHECK(run("{{ annotation .ObjectMeta `other` .Port }}", d) == "15020");
  CHECK(run("{{ annotation .ObjectMeta `other` .Nope }}", d) == "<nil>");
  CHECK(run_error("{{ annotation .Port `a` `b` }}", d).find("wrong type for value; expected v1.ObjectMeta; got float64") !=
        std::string::npos);
}

TEST_CASE("go durations", "[funcs]") {
  const std::pair<std::int64_t, const char*> cases[] = {
      {0, "0s"}, {1, "1ns"}, {1500, "1.5µs"}, {2000000, "2ms"}, {1500000000, "1.5s"}, {90000000000, "1m30s"},
      {3600000000000, "1h0m0s"}, {-5000000000, "-5s"}, {5000000001, "5.000000001s"},
  };
  for (const auto& [n, want] : cases) CHECK(go_duration_string(n) == want);
}

TEST_CASE("json encode/decode", "[funcs][json]") {
  CHECK(to_json(Value()) == "null");
  CHECK(to_json(Value::nil()) == "null");
  CHECK(to_json(F(1e6)) == "1000000");
  CHECK(to_json(F(1e21)) == "1e+21");
  CHECK(to_json(F(1e-7)) == "1e-7");
  CHECK(to_json(F(0.000001)) == "0.000001");
  CHECK(to_json(F(-2.5)) == "-2.5");
  CHECK(to_json(S("a\"\\\n\t\x01\x08<>&\xE2\x80\xA8\xff")) == "\"a\\\"\\\\\\n\\t\\u0001\\b\\u003c\\u003e\\u0026\\u2028\\ufffd\"");
  CHECK(to_json(M({{"b", L({I(1), B(true), Value::nil()})}, {"a", SM({})}})) == "{\"a\":{},\"b\":[1,true,null]}");
  auto port_t = std::make_shared<TypeInfo>();
  port_t->name = "v1.ContainerPort";
  port_t->fields = {{"Name", "name", true}, {"HostPort", "hostPort", true}, {"ContainerPort", "containerPort"},
                    {"Protocol", "protocol", true}, {"Secret", "-"}};
  auto port = Value::structure(port_t, {S(""), I(0), I(80), S("TCP"), S("x")});
  CHECK(to_json(port) == "{\"containerPort\":80,\"protocol\":\"TCP\"}");
  CHECK_THROWS_AS(to_json(F(std::numeric_limits<double>::infinity())), JsonError);

  auto v = from_json(R"( {"a": [1, 2.5, "x", null, true, {"b": {}}], "u": "\u00e9\ud83d\ude00", "a2": -0.5e2} )");
  CHECK(v.kind() == Kind::Map);
  CHECK(v.find("a")->as_list()[0].kind() == Kind::Float);
  CHECK(v.find("a")->as_list()[3].is_nil());
  CHECK(v.find("u")->as_string() == "é😀");
  CHECK(v.find("a2")->as_float() == -50);
  CHECK(to_json(v) == R"({"a":[1,2.5,"x",null,true,{"b":{}}],"a2":-50,"u":"é😀"})");
  CHECK_THROWS_WITH(from_json(""), "unexpected end of JSON input");
  CHECK_THROWS_WITH(from_json("{\"a\":1"), "unexpected end of JSON input");
  CHECK_THROWS_WITH(from_json("{a:1}"), "invalid character 'a' looking for beginning of object key string");
  CHECK_THROWS_WITH(from_json("[1,]"), "invalid character ']' looking for beginning of value");
  CHECK_THROWS_WITH(from_json("1 2"), "invalid character '2' after top-level value");
  CHECK_THROWS_AS(from_json("01"), JsonError);
}

TEST_CASE("yaml emitter", "[funcs][yaml]") {
  CHECK(to_yaml(Value()) == "null\n");
  CHECK(to_yaml(M({})) == "{}\n");
  CHECK(to_yaml(L({})) == "[]\n");
  CHECK(to_yaml(S("x")) == "x\n");
  auto v = M({
      {"name", S("app")},
      {"replicas", F(3)},
      {"ratio", F(0.5)},
      {"big", F(1e6)},
      {"flags", L({S("a"), S("true"), S("yes"), S("1.5"), S("080"), S(""), S("null"), S("~"), S("- x"), S("*star"),
                   S("a: b"), S("x #y"), S("2021-01-01"), S("1:20")})},
      {"nested", M({{"empty", M({})}, {"list", L({})}, {"nil", Value::nil()}, {"ok", B(true)}})},
      {"items", L({M({{"k", S("v")}, {"n", F(1)}}), L({S("x"), S("y")})})},
      {"multi", S("line1\nline2\n")},
      {"multi2", S("a\nb")},
  });
  std::string want =
      "big: 1000000\n"
      "flags:\n"
      "- a\n"
      "- \"true\"\n"
      "- \"yes\"\n"
      "- \"1.5\"\n"
      "- \"080\"\n"
      "- \"\"\n"
      "- \"null\"\n"
      "- \"~\"\n"
      "- '- x'\n"
      "- '*star'\n"
      "- 'a: b'\n"
      "- 'x #y'\n"
      "- \"2021-01-01\"\n"
      "- \"1:20\"\n"
      "items:\n"
      "- k: v\n"
      "  \"n\": 1\n"
      "- - x\n"
      "  - \"y\"\n"
      "multi: |\n"
      "  line1\n"
      "  line2\n"
      "multi2: |-\n"
      "  a\n"
      "  b\n"
      "name: app\n"
      "nested:\n"
      "  empty: {}\n"
      "  list: []\n"
      "  nil: null\n"
      "  ok: true\n"
      "ratio: 0.5\n"
      "replicas: 3\n";
  CHECK(to_yaml(v) == want);
  // go-yaml v2 sorts keys "naturally" (digit runs by value, non-letters first).
  CHECK(to_yaml(M({{"a10", I(1)}, {"a9", I(2)}, {"B", I(3)}, {"_x", I(4)}})) == "_x: 4\nB: 3\na9: 2\na10: 1\n");
  CHECK(run("{{ toYaml .Values.map | nindent 2 }}", data()) == "\n  a: 1\n  b:\n    c: x\n  ");
}

namespace {

// Extracts `templates.<name>` block scalars from Istio's injector config.
std::map<std::string, std::string> istio_templates(const std::string& path) {
  std::ifstream in(path);
  std::map<std::string, std::string> out;
  std::string line, cur;
  bool in_templates = false;
  while (std::getline(in, line)) {
    if (line == "templates:") {
      in_templates = true;
      continue;
    }
    if (!in_templates) continue;
    if (!line.empty() && line[0] != ' ') break;
    if (line.size() > 2 && line[0] == ' ' && line[1] == ' ' && line[2] != ' ') {
      cur = line.substr(2, line.find(':') - 2);
      out[cur];
      continue;
    }
    if (!cur.empty()) out[cur] += (line.size() >= 4 ? line.substr(4) : std::string()) + "\n";
  }
  for (auto& [k, v] : out) {
    while (v.size() >= 2 && v[v.size() - 1] == '\n' && v[v.size() - 2] == '\n') v.pop_back();
  }
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::shared_ptr<TypeInfo> struct_type(std::string name, std::vector<StructField> fields, bool pointer = false) {
  auto t = std::make_shared<TypeInfo>();
  t->name = std::move(name);
  t->fields = std::move(fields);
  t->pointer = pointer;
  return t;
}

// A small but realistic SidecarTemplateData.
Value sidecar_data(const Value& values) {
  auto int32_t_ = struct_type("int32", {});
  auto port_t = struct_type("v1.ContainerPort", {{"Name", "name", true}, {"HostPort", "hostPort", true},
                                                 {"ContainerPort", "containerPort"}, {"Protocol", "protocol", true},
                                                 {"HostIP", "hostIP", true}});
  auto container_t = struct_type("v1.Container", {{"Name", "name"}, {"Image", "image", true}, {"Ports", "ports", true}});
  auto spec_t = struct_type("v1.PodSpec", {{"Containers", "containers"}, {"ServiceAccountName", "serviceAccountName", true}});
  auto meta_t = struct_type("v1.ObjectMeta", {{"Name", "name", true}, {"Namespace", "namespace", true},
                                              {"Labels", "labels", true}, {"Annotations", "annotations", true}});
  auto typemeta_t = struct_type("v1.TypeMeta", {{"Kind", "kind", true}, {"APIVersion", "apiVersion", true}});
  auto nsname_t = struct_type("types.NamespacedName", {{"Namespace", ""}, {"Name", ""}});
  auto bool_wrapper = struct_type("wrapperspb.BoolValue", {{"Value", "value"}}, true);
  bool_wrapper->methods["GetValue"] = [](const Value& self, std::span<const Value>) {
    return self.is_nil() ? Value::boolean(false) : *self.field("Value");
  };
  auto mode_t = std::make_shared<TypeInfo>();
  mode_t->name = "v1alpha1.ProxyConfig_InboundInterceptionMode";
  mode_t->stringer = [](const Value& v) { return std::string(v.as_int() == 0 ? "REDIRECT" : "TPROXY"); };
  mode_t->methods["String"] = [m = mode_t.get()](const Value& self, std::span<const Value>) {
    return Value::string(m->stringer(self));
  };
  auto tls_t = struct_type("v1alpha1.ClientTLSSettings", {{"CaCertificates", "caCertificates"}}, true);
  tls_t->methods["GetCaCertificates"] = [](const Value& self, std::span<const Value>) {
    return self.is_nil() ? Value::string("") : *self.field("CaCertificates");
  };
  auto tracing_t = struct_type("v1alpha1.Tracing", {{"TlsSettings", "tlsSettings"}}, true);
  tracing_t->methods["GetTlsSettings"] = [tls_t](const Value& self, std::span<const Value>) {
    return self.is_nil() ? Value::typed_nil(tls_t) : *self.field("TlsSettings");
  };
  auto pc_t = struct_type("v1alpha1.ProxyConfig", {{"HoldApplicationUntilProxyStarts", "holdApplicationUntilProxyStarts"},
                                                    {"InterceptionMode", "interceptionMode"},
                                                    {"ProxyMetadata", "proxyMetadata"},
                                                    {"Tracing", "tracing"}},
                          true);
  pc_t->methods["GetTracing"] = [](const Value& self, std::span<const Value>) { return *self.field("Tracing"); };
  pc_t->proto_json = [](const Value&) { return std::string(R"({"discoveryAddress":"istiod.istio-system.svc:15012"})"); };
  auto mesh_t = struct_type("v1alpha1.MeshConfig", {{"ProxyListenPort", "proxyListenPort"},
                                                      {"ProxyInboundListenPort", "proxyInboundListenPort"},
                                                      {"TrustDomain", "trustDomain"}},
                            true);
  auto data_t = struct_type("inject.SidecarTemplateData",
                            {{"TypeMeta", ""}, {"DeploymentMeta", ""}, {"ObjectMeta", ""}, {"Spec", ""}, {"ProxyConfig", ""},
                             {"MeshConfig", ""}, {"Values", ""}, {"Revision", ""}, {"NativeSidecar", ""}, {"ProxyImage", ""},
                             {"InboundTrafficPolicyMode", ""}, {"CompliancePolicy", ""}, {"ProxyUID", ""}, {"ProxyGID", ""}},
                            true);

  auto port = Value::structure(port_t, {S("http"), Value::integer(0, int32_t_), Value::integer(8080, int32_t_), S("TCP"), S("")});
  auto container = Value::structure(container_t, {S("app"), S("nginx:1.25"), Value::list({port})});
  auto spec = Value::structure(spec_t, {Value::list({container}), S("default")});
  auto meta = Value::structure(meta_t, {S("hello"), S("default"), SM({{"app", "hello"}, {"version", "v1"}}),
                                        SM({{"kubectl.kubernetes.io/default-container", "app"}})});
  auto pc = Value::structure(pc_t, {Value::typed_nil(bool_wrapper), Value::integer(0, mode_t), SM({}),
                                    Value::typed_nil(tracing_t)});
  auto mesh = Value::structure(mesh_t, {Value::integer(15001, int32_t_), Value::integer(15006, int32_t_), S("cluster.local")});
  return Value::structure(
      data_t, {Value::structure(typemeta_t, {S("Pod"), S("v1")}), Value::structure(nsname_t, {S("default"), S("hello")}), meta,
               spec, pc, mesh, values, S(""), B(false), S("gcr.io/istio-testing/proxyv2:latest"), S(""), S(""),
               Value::integer(1337), Value::integer(1337)});
}

}  // namespace

TEST_CASE("all Istio 1.24 injection templates parse", "[funcs][istio]") {
  auto inputs = kinject::test::reference_part("conformance/istio-1.24/inputs");
  if (!inputs) return;
  auto templates = istio_templates(*inputs + "/default.template.gen.yaml");
  REQUIRE(templates.size() == 6);
  auto funcs = injection_funcs(fake_env());
  for (const auto& [name, text] : templates) {
    INFO(name);
    REQUIRE(text.size() > 1000);
    CHECK_NOTHROW(Template::parse(name, text, funcs));
  }
  auto t = Template::parse("sidecar", templates["sidecar"], funcs);
  CHECK(t.has("resources"));
}

// In the repository itself: every template of every built-in profile parses
// with the functions Istio's injector offers (the golden tests execute them).
TEST_CASE("every template of the built-in profiles parses", "[funcs][istio]") {
  auto funcs = injection_funcs(fake_env());
  for (const auto& release : kinject::builtin_releases()) {
    auto config = kinject::test::builtin_profile(release);
    REQUIRE(config.templates.size() >= 4);
    for (const auto& [name, text] : config.templates) {
      INFO(release << " " << name);
      CHECK_NOTHROW(Template::parse(name, text, funcs));
    }
  }
}

TEST_CASE("Istio sidecar template executes on realistic data", "[funcs][istio]") {
  auto inputs = kinject::test::reference_part("conformance/istio-1.24/inputs");
  if (!inputs) return;
  auto templates = istio_templates(*inputs + "/default.template.gen.yaml");
  auto values = from_json(read_file(*inputs + "/default.values.gen.yaml"));
  REQUIRE(values.kind() == Kind::Map);
  auto t = Template::parse("inject", templates["sidecar"], injection_funcs(fake_env()));
  auto d = sidecar_data(values);
  std::string out = t.execute("inject", d);
  CHECK(out.find("name: istio-proxy") != std::string::npos);
  CHECK(out.find("image: \"gcr.io/istio-testing/proxyv2:latest\"") != std::string::npos);
  CHECK(out.find("- name: ISTIO_META_APP_CONTAINERS\n      value: \"app\"") != std::string::npos);
  CHECK(out.find("{\"name\":\"http\",\"containerPort\":8080,\"protocol\":\"TCP\"}") != std::string::npos);
  CHECK(out.find("service.istio.io/canonical-name: \"hello\"") != std::string::npos);
  CHECK(out.find("<no value>") == std::string::npos);
  // Executing again gives the same bytes (no state leaks between runs).
  CHECK(t.execute("inject", d) == out);
}

// ---- limits (fuzz/template_fuzz.cpp): functions that would build strings
// or lists without bound stop with an error first (see template.h).

TEST_CASE("template: repeat, until and indent refuse results over the limits (fuzz finding)", "[funcs]") {
  CHECK_THAT(run_error(R"({{repeat 1000000000 "xx"}})"), Catch::Contains("error calling repeat: the repeated string would be larger than 64 MiB"));
  CHECK(run(R"({{repeat 1000000000000000 ""}}|{{repeat 3 "ab"}})") == "|ababab");
  CHECK_THAT(run_error("{{until 1000000000}}"), Catch::Contains("error calling until: the list would have more than 1048576 items"));
  CHECK_THAT(run_error("{{until -1000000000}}"), Catch::Contains("more than 1048576 items"));
  CHECK_THAT(run_error(R"({{indent 1000000000 "a\nb"}})"), Catch::Contains("error calling indent: the indented string would be larger"));
  CHECK_THAT(run_error(R"({{nindent -9223372036854775808 "a"}})"), Catch::Contains("larger than 64 MiB"));
  CHECK_THAT(run_sprig_error(R"({{indent 1000000000 "a"}})"), Catch::Contains("larger than 64 MiB"));
  CHECK_THAT(run_error(R"({{splitList "" (repeat 2000000 "x")}})"), Catch::Contains("more than 1048576 items"));
}

TEST_CASE("template: a string doubled in a loop stops at 64 MiB (fuzz finding)", "[funcs]") {
  CHECK_THAT(run_error(R"({{$x := "ab"}}{{range until 40}}{{$x = cat $x $x}}{{end}}{{len $x}})"),
             Catch::Contains("larger than 64 MiB"));
  CHECK_THAT(run_error(R"({{$x := repeat 20000000 "x"}}{{replace "" $x $x}})"), Catch::Contains("error calling replace: the result would be larger"));
  // A list holding one long string many times: joining, quoting or
  // marshalling it would copy it each time.
  const char* many = R"({{$s := repeat 30000000 "x"}}{{$l := list}}{{range until 10}}{{$l = append $l $s}}{{end}})";
  CHECK_THAT(run_error(std::string(many) + R"({{join "" $l}})"), Catch::Contains("larger than 64 MiB"));
  CHECK_THAT(run_error(std::string(many) + "{{toJson $l}}"), Catch::Contains("error calling toJson: the JSON text would be larger"));
  CHECK_THAT(run_error(std::string(many) + "{{$l}}"), Catch::Contains("the printed value is larger than 64 MiB"));
  CHECK_THAT(run_error(R"({{$s := repeat 30000000 "x"}}{{cat $s $s $s}})"), Catch::Contains("error calling cat: the joined strings would be larger"));
}

TEST_CASE("template: values nested deeper than 1000 levels are refused, not a stack overflow (fuzz finding)", "[funcs]") {
  CHECK_THAT(run_error(R"({{$d := dict}}{{range until 200000}}{{$d = dict "a" $d}}{{end}})"),
             Catch::Contains("error calling dict: the result nests deeper than 1000 levels"));
  std::string deep_json = std::string(5000, '[') + std::string(5000, ']');
  CHECK(run("{{fromJson `" + deep_json + "`}}") == "<no value>");  // Sprig: an error gives nil
  CHECK(run(R"({{$d := dict}}{{range until 900}}{{$d = dict "a" $d}}{{end}}ok)") == "ok");
}

TEST_CASE("template: a map set or merge made deeper is checked again inside a value checked before", "[funcs]") {
  // The executor remembers how deep a value it checked is ($outer: big
  // enough to be remembered), and must forget it when set or merge change a
  // map in it: $inner, 999 levels deep after the change, is 1001 levels
  // below the list.
  const std::string setup =
      R"({{$inner := dict}}{{$pad := list}}{{range until 70}}{{$pad = append $pad (dict)}}{{end}})"
      R"({{$outer := dict "x" $inner "pad" $pad}})"
      R"({{$d := dict}}{{range until 997}}{{$d = dict "a" $d}}{{end}})";
  CHECK_THAT(run_error(setup + R"({{$_ := set $inner "a" $d}}{{$_ := list $outer}})"),
             Catch::Contains("error calling list: the result nests deeper than 1000 levels"));
  CHECK_THAT(run_error(setup + R"({{$_ := merge $inner (dict "a" $d)}}{{$_ := list $outer}})"),
             Catch::Contains("error calling list: the result nests deeper than 1000 levels"));
  // One level less is no problem.
  CHECK(run(setup + R"({{$_ := set $inner "a" $d.a}}{{$_ := list $outer}}ok)") == "ok");
}

TEST_CASE("template: set and merge cannot make a map contain itself (fuzz finding)", "[funcs]") {
  // Go allows the cycle; reference-counted values would never be freed and
  // printing the map would never end.
  CHECK_THAT(run_error(R"({{$d := dict}}{{$_ := set $d "self" $d}})"), Catch::Contains("error calling set: the value holds the map itself"));
  CHECK_THAT(run_error(R"({{$d := dict}}{{$l := list $d}}{{$_ := merge $d (dict "x" $l)}})"),
             Catch::Contains("error calling merge: a source holds the destination map itself"));
  CHECK(run(R"({{$d := dict "a" 1}}{{$_ := merge $d $d}}{{$_ := set $d "b" (dict "c" 2)}}{{toJson $d}})") == R"({"a":1,"b":{"c":2}})");
}

// ---- functions with no direct test before the Sprig table became a list
// of named functions.

TEST_CASE("sprig: toStrings, pluck, typeIs, trimall and the encodings", "[funcs]") {
  check_all({
                // strslice drops nils from a []interface{}.
                {"{{ toStrings (list 1 \"a\" .Values.missing) }}", "[1 a]"},
                {"{{ pluck \"a\" (dict \"a\" 1) (dict \"b\" 2) (dict \"a\" 3) }}", "[1 3]"},
                {"{{ typeIs \"int\" 1 }} {{ typeIs \"string\" 1 }} {{ kindIs \"invalid\" .Values.missing }}", "true false true"},
                {"{{ trimall \"-\" \"--a--\" }}", "a"},
                {"{{ b64enc \"hi\" }} {{ b64dec \"aGk=\" }} {{ b64dec \"aG\\nk=\" }}", "aGk= hi hi"},
                {"{{ sha256sum \"\" }}", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
                {"{{ regexReplaceAll \"b\" \"abc\" \"$$\" }}", "a$c"},
                {"{{ nindent 2 \"a\" }}|{{ nindent 0 \"a\" }}", "\n  a|\na"},
                {"{{ atoi \"-12\" }} {{ atoi \"+3\" }} {{ atoi \"\" }}", "-12 3 0"},
            },
            data(), true);
}

// strconv.Atoi takes one sign: "+-5" and "-+5" are syntax errors, which
// Sprig's atoi turns into 0 (kinject's read "+-5" as -5).
TEST_CASE("sprig: atoi of a doubled sign is 0 (strconv.Atoi refuses it)", "[funcs]") {
  check_all({
                {"{{ atoi \"+-5\" }} {{ atoi \"-+5\" }} {{ atoi \"+\" }} {{ atoi \"-9223372036854775808\" }}",
                 "0 0 0 -9223372036854775808"},
                {"{{ atoi \"9223372036854775808\" }} {{ atoi \"007\" }} {{ atoi \" 7\" }}", "9223372036854775807 7 0"},
            },
            data(), true);
}

// The differences the Go oracle found (test/sprig_oracle_test.cpp), each
// with what Go's text/template + Sprig v3.3.0 prints, as the oracle showed.

TEST_CASE("sprig: upper and lower map every Unicode letter as strings.ToUpper/ToLower do, not ASCII only", "[funcs]") {
  check_all({
                {"{{ upper \"ǆ\" }} {{ lower \"Ǆ\" }} {{ upper \"ǅ\" }} {{ lower \"ǅ\" }}", "Ǆ ǆ Ǆ ǆ"},
                {"{{ lower \"İSTANBUL\" }} {{ upper \"ᾳ\" }} {{ lower \"Ω\" }} {{ upper \"𐐨\" }}", "istanbul ᾼ ω 𐐀"},
                {"{{ upper \"straße\" }} {{ upper \"ﬃ\" }}", "STRAßE ﬃ"},  // one rune to one rune: no ß -> SS
                // strings.Map writes U+FFFD for each byte that is no UTF-8.
                {"{{ upper \"é\\xff\" }} {{ lower \"\\xff\" }}", "É\xEF\xBF\xBD \xEF\xBF\xBD"},
            },
            data(), true);
  // Istio's toLower is strings.ToLower too.
  CHECK(run("{{ toLower \"ÀÉÎ\" }}") == "àéî");
}

TEST_CASE("sprig: title puts Unicode letters after a separator in title case (strings.Title)", "[funcs]") {
  CHECK(run_sprig("{{ title \"ǆemo straße\" }}|{{ title \"a\u2003b\" }}|{{ title \"é_x\" }}") == "ǅemo Straße|A\u2003B|É_x");
}

TEST_CASE("sprig: trim removes every Unicode white space, as strings.TrimSpace does", "[funcs]") {
  CHECK(run_sprig("[{{ trim \"\\u00a0 a \\u2003\" }}]") == "[a]");
}

TEST_CASE("sprig: nospace reads bytes as Latin-1 runes, as goutils.DeleteWhiteSpace does", "[funcs]") {
  // U+00A0 is the bytes C2 A0: A0 is NBSP, a space, and goes; C2 is 'Â' and
  // is written as its UTF-8. With nothing dropped the string is kept as is.
  CHECK(run_sprig("{{ nospace \" a\\tb\\u00a0c \" }}|{{ nospace \"é\" }}") == "abÂc|é");
}

TEST_CASE("sprig: atoi of a number out of range is strconv.Atoi's clamped value, not 0", "[funcs]") {
  CHECK(run_sprig("{{ atoi \"9223372036854775808\" }} {{ atoi \"-9223372036854775809\" }} {{ atoi \"99999999999999999999\" }}") ==
        "9223372036854775807 -9223372036854775808 9223372036854775807");
  CHECK(run_sprig("{{ atoi \"1_000\" }} {{ atoi \"0x10\" }} {{ atoi \"\" }}") == "0 0 0");
}

TEST_CASE("sprig: float64 of a number out of range is 0 (cast drops ParseFloat's error), and takes '_' between digits",
          "[funcs]") {
  CHECK(run_sprig("{{ float64 \"1e400\" }} {{ float64 \"1_0\" }} {{ float64 \"0x1_0p0\" }} {{ float64 \"0x10\" }}") ==
        "0 10 16 0");
}

TEST_CASE("sprig: rest and initial of an empty list print [] as Go's nil slice does, not <no value>", "[funcs]") {
  CHECK(run_sprig("{{ rest (list) }} {{ initial (list) }}") == "[] []");
}

TEST_CASE("sprig: slice is Sprig's, which refuses a string (it replaces the builtin in Istio's map)", "[funcs]") {
  CHECK(run_error("{{ slice \"abc\" 1 }}").find("error calling slice: list should be type of slice or array but string") !=
        std::string::npos);
  CHECK(run("{{ slice (list 1 2 3) 1 }} {{ slice (list 1 2 3) 1 2 }} {{ slice (list) }}") == "[2 3] [2] <no value>");
}

TEST_CASE("sprig: values takes exactly one dict", "[funcs]") {
  CHECK(run_error("{{ values (dict \"a\" 1) \"x\" }}").find("wrong number of args for values: want 1 got 2") !=
        std::string::npos);
}

TEST_CASE("sprig: int64 returns Go's int64, not int (printf %T, typeOf)", "[funcs]") {
  CHECK(run_sprig("{{ int64 3 | printf \"%T\" }} {{ int64 3 | typeOf }} {{ int64 3 | kindOf }} {{ int 3 | typeOf }}") ==
        "int64 int64 int64 int");
}

// Go's typed nil slices and maps (Value::nil_list, nil_map). Every expected
// value here is Go's: rendered by test/oracle/sprig (Go 1.26, text/template,
// Sprig v3.3.0, Istio 1.30's template.go functions), copied by hand.
TEST_CASE("regression: mergeMaps of no maps is Go's nil map[string]string: prints map[], toJson null, toJSON {}, "
          "%#v map[string]string(nil) (it printed <no value>)",
          "[funcs][istio]") {
  CHECK(run(R"({{ mergeMaps }}|{{ mergeMaps | toJson }}|{{ mergeMaps | toJSON }}|{{ toJsonMap }}|)"
            R"({{ printf "%#v" mergeMaps }}|{{ mergeMaps | toYaml }}|{{ typeOf mergeMaps }}|{{ len mergeMaps }}|)"
            R"({{ eq mergeMaps nil }}|{{ deepEqual mergeMaps (strdict) }}|{{ mergeMaps (strdict) | toJson }})") ==
        "map[]|null|{}|null|map[string]string(nil)|null\n|map[string]string|0|true|false|{}");
}

TEST_CASE("regression: rest, initial and concat of nothing, regexFindAll with no match and regexSplit n=0 are Go's "
          "nil slices: null in JSON and YAML, T(nil) in %#v, eq nil, not deepEqual to an empty list (they were empty "
          "lists)",
          "[funcs][sprig]") {
  CHECK(run(R"({{ rest (list) }}|{{ rest (list) | toJson }}|{{ initial (list) | toJson }}|{{ concat | toJson }}|)"
            R"({{ concat (list) (list) | toJson }}|{{ regexFindAll "x" "abc" -1 | toJson }}|)"
            R"({{ regexSplit "a" "banana" 0 | toJson }}|{{ rest (list) | toYaml }}|{{ printf "%#v" (rest (list)) }}|)"
            R"({{ printf "%#v" (regexFindAll "x" "a" -1) }}|{{ deepEqual (rest (list)) (list) }}|)"
            R"({{ deepEqual (rest (list)) (initial (list)) }}|{{ eq (rest (list)) nil }}|{{ eq (rest (list)) (list) }}|)"
            R"({{ sortAlpha (regexFindAll "x" "a" -1) | toJson }}|{{ toStrings (rest (list)) | toJson }}|)"
            R"({{ rest (list 1) | toJson }}|{{ dict "a" (rest (list)) | toJson }})") ==
        "[]|null|null|null|null|null|null|null\n|[]interface {}(nil)|[]string(nil)|false|true|true|false|null|[]|[]|"
        "{\"a\":null}");
}

TEST_CASE("regression: printf %#v prints Go syntax (map[string]interface {}{...}, []interface {}{...}, quoted "
          "strings, interface {}(nil), 0x unsigned), not %v's text",
          "[funcs]") {
  CHECK(run(R"({{ printf "%#v" (dict "a" "x" "b" 2 "c" nil "d" (list 1 "y" nil (strdict "k" "v"))) }}|)"
            R"({{ printf "%#v" (list) }}|{{ printf "%#v" (dict) }}|{{ printf "%#v" nil }}|)"
            R"({{ printf "%#v %#v %#v %#v" 3 -2.5 true "a\"ǆ\xff" }}|{{ printf "%#5v|%#-6v" 3 "ab" }}|)"
            R"({{ printf "%#v" 1e21 }})") ==
        R"(map[string]interface {}{"a":"x", "b":2, "c":interface {}(nil), "d":[]interface {}{1, "y", interface {}(nil), )"
        R"(map[string]string{"k":"v"}}}|[]interface {}{}|map[string]interface {}{}|<nil>|3 -2.5 true "a\"ǆ\xff"|)"
        R"(    3|"ab"  |1e+21)");
  // No template function makes an unsigned integer; Go's fmt prints
  // uint64(255) with %#v as 0xff (measured with fmt.Printf).
  Value u[2] = {Value::uinteger(255), Value::uinteger(255)};
  CHECK(go_sprintf("%#v %v", std::span<const Value>(u, 2)) == "0xff 255");
}

// Found by the oracle's result probes (a call piped into typeOf, toYaml,
// ...); expected values are Go's, rendered by test/oracle/sprig.
TEST_CASE("regression: Sprig's integer math and toDecimal return Go's int64, until and untilStep []int, chunk "
          "[][]interface {} (typeOf said int and []interface {})",
          "[funcs][sprig]") {
  CHECK(run(R"({{ typeOf (add 1 2) }} {{ typeOf (add1 1) }} {{ typeOf (sub 1 2) }} {{ typeOf (mul 1 2) }} )"
            R"({{ typeOf (div 4 2) }} {{ typeOf (mod 4 3) }} {{ typeOf (max 1 2) }} {{ typeOf (min 1 2) }} )"
            R"({{ typeOf (biggest 1 2) }} {{ typeOf (toDecimal "0777") }} {{ typeOf (until 2) }} )"
            R"({{ typeOf (untilStep 0 4 2) }} {{ typeOf (chunk 1 (list 1)) }} {{ typeOf (int 3) }} {{ typeOf (len "ab") }})") ==
        "int64 int64 int64 int64 int64 int64 int64 int64 int64 int64 []int []int [][]interface {} int int");
  // duration takes an int64 as seconds (an int is 0); an int64 is no int.
  CHECK(run(R"({{ duration (add 60 30) }} {{ duration 90 }} {{ printf "%#v" (untilStep 0 4 2) }} {{ kindOf (add 1 2) }})") ==
        "1m30s 0s []int{0, 2} int64");
  CHECK(run_error("{{ until (add 1 2) }}").find("wrong type for value; expected int; got int64") != std::string::npos);
}

TEST_CASE("regression: toJson writes a float64 with Go's shortest digits padded with zeros "
          "(9223372036854776000), not the exact ones std::to_chars picks",
          "[funcs][json]") {
  CHECK(run(R"({{ toJson (float64 "9223372036854775807") }} {{ toJson (float64 "123456789012345678") }} )"
            R"({{ toJson 1.5 }} {{ toJson 0.001 }} {{ toJson -0.0 }} {{ toJson 123.456 }} {{ toJson 1e-7 }} {{ toJson 100.0 }})") ==
        "9223372036854776000 123456789012345680 1.5 0.001 -0 123.456 1e-7 100");
}

TEST_CASE("regression: toYaml reads its JSON as go-yaml does (an int64 stays exact, a number beyond uint64 is a "
          "float: 1.8446744073709552e+19) and single-quotes leading and trailing spaces",
          "[funcs][yaml]") {
  CHECK(run(R"({{ toYaml (float64 "123456789012345678") }}{{ toYaml (float64 "9223372036854775807") }})"
            R"({{ toYaml (float64 "-9223372036854775808") }}{{ toYaml (float64 "18446744073709551615") }})"
            R"({{ toYaml (add 9223372036854775807 0) }}{{ toYaml (float64 "12345678901234567890") }})"
            R"({{ toYaml 2.5e7 }}{{ toYaml 1e20 }}{{ toYaml 1e-7 }})") ==
        "123456789012345680\n9223372036854776000\n-9.223372036854776e+18\n1.8446744073709552e+19\n"
        "9223372036854775807\n12345678901234567000\n25000000\n1e+20\n1e-07\n");
  CHECK(run(R"({{ toYaml "  a b  " }}{{ toYaml (list " a") }}{{ toYaml (list "a ") }})") ==
        "'  a b  '\n- ' a'\n- 'a '\n");
}

TEST_CASE("regression: deepEqual tells an []int from an []interface {} of the same items, as reflect.DeepEqual does",
          "[funcs][sprig]") {
  // Go: false true false false false (test/oracle/sprig).
  CHECK(run(R"({{ deepEqual (until 2) (list 0 1) }} {{ deepEqual (until 2) (until 2) }} )"
            R"({{ deepEqual (chunk 1 (list 1)) (list (list 1)) }} {{ has (until 1) (list (list 0)) }} )"
            R"({{ deepEqual (strdict "a" "b") (dict "a" "b") }})") == "false true false false false");
}
