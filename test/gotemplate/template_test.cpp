// Tests for the Go text/template engine (kinject/template.h). Expected
// outputs and error messages are what Go 1.23's text/template produces.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "kinject/gotemplate/template.h"
#include "value_literals.h"

using namespace kinject::tmpl;
using namespace kinject::tmpl::literals;

namespace {

// A few functions with Go-like signatures for exercising argument checks.
FuncMap test_funcs() {
  FuncMap f;
  f.set("upper", {ParamKind::String}, [](std::span<const Value> a) {
    std::string s = a[0].as_string();
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return Value::string(s);
  });
  f.set("trunc", {ParamKind::Int, ParamKind::String}, [](std::span<const Value> a) {
    auto n = static_cast<std::size_t>(a[0].as_int());
    const auto& s = a[1].as_string();
    return Value::string(s.size() > n ? s.substr(0, n) : s);
  });
  f.set("half", {ParamKind::Float}, [](std::span<const Value> a) { return Value::floating(a[0].as_float() / 2); });
  f.set("isnil", {ParamKind::Any}, [](std::span<const Value> a) { return Value::boolean(a[0].is_nil()); });
  f.set("kind", {ParamKind::Any}, [](std::span<const Value> a) { return Value::string(a[0].go_type_name()); });
  f.set("fail", {ParamKind::String}, [](std::span<const Value> a) -> Value { throw FuncError(a[0].as_string()); });
  f.set("nothing", {}, [](std::span<const Value>) { return Value::nil(); });
  f.set("keys", {ParamKind::StringMap}, [](std::span<const Value> a) {
    Value::List out;
    for (const auto& [k, v] : a[0].as_map()) out.push_back(Value::string(k));
    return Value::list(out, Elem::String);
  });
  f.set_variadic("join", {ParamKind::String}, ParamKind::String, [](std::span<const Value> a) {
    std::string out;
    for (std::size_t i = 1; i < a.size(); ++i) {
      if (i > 1) out += a[0].as_string();
      out += a[i].as_string();
    }
    return Value::string(out);
  });
  return f;
}

std::string run(std::string_view text, const Value& data = Value()) {
  return Template::parse("t", text, test_funcs()).execute("t", data);
}

std::string run_error(std::string_view text, const Value& data = Value()) {
  try {
    Template::parse("t", text, test_funcs()).execute("t", data);
  } catch (const TemplateError& e) {
    return e.what();
  }
  return "<no error>";
}

std::string parse_error(std::string_view text) {
  try {
    Template::parse("t", text, test_funcs());
  } catch (const TemplateError& e) {
    return e.what();
  }
  return "<no error>";
}

Value sample_data() {
  return M({
      {"Values", M({
                     {"name", S("demo")},
                     {"count", F(3)},
                     {"big", F(1000000)},
                     {"ratio", F(0.5)},
                     {"enabled", B(true)},
                     {"off", B(false)},
                     {"empty", S("")},
                     {"null", Value::nil()},
                     {"list", L({S("a"), S("b"), S("c")})},
                     {"nested", M({{"x", M({{"y", S("deep")}})}})},
                     {"ports", L({F(80), F(443)})},
                 })},
      {"Labels", SM({{"app", "web"}, {"tier", "front"}})},
      {"Empty", SM({})},
  });
}

}  // namespace

TEST_CASE("text, actions and trim markers", "[template]") {
  struct Case {
    const char* text;
    const char* want;
  };
  const Case cases[] = {
      {"plain text", "plain text"},
      {"", ""},
      {"{{.Values.name}}", "demo"},
      {"a  {{- 3 -}}  b", "a3b"},
      {"a \n\t {{- 3}} \n b", "a3 \n b"},
      {"a {{3 -}} \n\n b", "a 3b"},
      {"{{- 3 -}}", "3"},
      {"x {{/* comment */}} y", "x  y"},
      {"x {{- /* comment */ -}} y", "xy"},
      {"x {{- /* multi\nline */}}\ny", "x\ny"},
      {"{{\"quoted\\tstring\"}}", "quoted\tstring"},
      {"{{`raw\\n`}}", "raw\\n"},
      {"{{'a'}}", "97"},
      {"{{0x1F}} {{017}} {{0o17}} {{0b101}} {{1_000}}", "31 15 15 5 1000"},
      {"{{1e3}} {{1.5}} {{-2}} {{+3}}", "1000 1.5 -2 3"},
      {"{{true}} {{false}}", "true false"},
      {"{{print nil}}", "<nil>"},
      {"{{.Values.missing}}", "<no value>"},
      {"{{.Values.null}}", "<no value>"},
      {"{{print .Values.null}}", "<nil>"},
      {"{{.Values.missing.deeper.still}}", "<no value>"},
      {"{{.Values.nested.x.y}}", "deep"},
      {"{{.Values.count}} {{.Values.big}} {{.Values.ratio}}", "3 1e+06 0.5"},
      {"{{.Values.list}}", "[a b c]"},
      {"{{.Labels}}", "map[app:web tier:front]"},
      {"{{.Values.nested}}", "map[x:map[y:deep]]"},
      {"{{ .Values.name | upper }}", "DEMO"},
      {"{{ \"abcdef\" | trunc 3 }}", "abc"},
      {"{{ trunc 2 \"xyz\" | upper }}", "XY"},
      {"{{ (.Values.nested).x.y }}", "deep"},
      {"{{ (index .Values \"nested\").x.y }}", "deep"},
      {"{{ $x := .Values.name }}{{ $x }}", "demo"},
      {"{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", "2"},
      {"{{ $.Values.name }}", "demo"},
      {"{{ $ := 3 }}{{ $ }}", "3"},
      {"{{ with $x := .Values.name }}{{ $x }}-{{ . }}{{ end }}", "demo-demo"},
      {"{{ join \",\" \"a\" \"b\" }}", "a,b"},
      {"{{ join \",\" }}", ""},
      {"{{ \"x\" | join \",\" \"a\" }}", "a,x"},
      {"{{ half 3 }}", "1.5"},
      {"{{ nothing }}", "<no value>"},
      {"{{ isnil .Values.missing }} {{ isnil .Values.null }}", "true true"},
      {"{{ kind .Values.missing }} {{ kind 3 }} {{ kind 1.5 }} {{ kind .Values.list }}", "<nil> int float64 []interface {}"},
      {"{{ keys .Labels }} {{ keys .Nope }}", "[app tier] []"},
      {"{{ .Values.name | printf \"%s!\" }}", "demo!"},
  };
  auto data = sample_data();
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(run(c.text, data) == c.want);
  }
}

TEST_CASE("if / else if / else and truthiness", "[template]") {
  auto data = sample_data();
  const std::pair<const char*, const char*> cases[] = {
      {"{{if .Values.enabled}}y{{else}}n{{end}}", "y"},
      {"{{if .Values.off}}y{{else}}n{{end}}", "n"},
      {"{{if .Values.missing}}y{{else}}n{{end}}", "n"},
      {"{{if .Values.null}}y{{else}}n{{end}}", "n"},
      {"{{if .Values.empty}}y{{else}}n{{end}}", "n"},
      {"{{if .Values.list}}y{{else}}n{{end}}", "y"},
      {"{{if .Empty}}y{{else}}n{{end}}", "n"},
      {"{{if 0}}y{{else}}n{{end}}", "n"},
      {"{{if 0.0}}y{{else}}n{{end}}", "n"},
      {"{{if \"0\"}}y{{else}}n{{end}}", "y"},
      {"{{if .Values.off}}a{{else if .Values.missing}}b{{else if .Values.name}}c{{else}}d{{end}}", "c"},
      {"{{if false}}a{{else if false}}b{{else}}d{{end}}", "d"},
      {"{{with .Values.nested.x}}{{.y}}{{end}}", "deep"},
      {"{{with .Values.missing}}{{.}}{{else}}none{{end}}", "none"},
      {"{{with .Values.off}}x{{else with .Values.name}}{{.}}{{end}}", "demo"},
      {"{{with .Values.off}}x{{else with .Values.empty}}y{{else}}z{{end}}", "z"},
      {"{{and 1 0 2}} {{and 1 2}} {{or 0 \"\" 3}} {{or 0 \"\"}}", "0 2 3 "},
      {"{{and .Values.name .Values.missing}}", "<no value>"},
      {"{{or .Values.missing .Values.name}}", "demo"},
      {"{{not 0}} {{not .Values.list}} {{not .Values.missing}}", "true false true"},
      {"{{if and .Values.enabled (not .Values.off)}}ok{{end}}", "ok"},
      {"{{ 0 | or 5 }}", "5"},
      {"{{ 7 | and 5 }}", "7"},
  };
  for (const auto& [text, want] : cases) {
    INFO(text);
    CHECK(run(text, data) == want);
  }
}

TEST_CASE("and/or short-circuit skips erroring operands", "[template]") {
  CHECK(run("{{ or 1 (fail \"boom\") }}") == "1");
  CHECK(run("{{ and 0 (fail \"boom\") }}") == "0");
  CHECK(run_error("{{ and 1 (fail \"boom\") }}").find("error calling fail: boom") != std::string::npos);
}

TEST_CASE("range over lists, maps and ints", "[template]") {
  auto data = sample_data();
  const std::pair<const char*, const char*> cases[] = {
      {"{{range .Values.list}}[{{.}}]{{end}}", "[a][b][c]"},
      {"{{range $i, $v := .Values.list}}{{$i}}={{$v}} {{end}}", "0=a 1=b 2=c "},
      {"{{range $v := .Values.list}}{{$v}}{{end}}", "abc"},
      {"{{range $k, $v := .Labels}}{{$k}}:{{$v}};{{end}}", "app:web;tier:front;"},
      {"{{range .Labels}}{{.}} {{end}}", "web front "},
      {"{{range .Empty}}x{{else}}empty{{end}}", "empty"},
      {"{{range .Values.missing}}x{{else}}none{{end}}", "none"},
      {"{{range .Values.list}}{{if eq . \"b\"}}{{break}}{{end}}{{.}}{{end}}", "a"},
      {"{{range .Values.list}}{{if eq . \"b\"}}{{continue}}{{end}}{{.}}{{end}}", "ac"},
      {"{{range 3}}{{.}}{{end}}", "012"},
      {"{{range $i := 0}}x{{else}}zero{{end}}", "zero"},
      {"{{range .Values.list}}{{$.Values.name}}{{end}}", "demodemodemo"},
      {"{{$i := 9}}{{range $i, $e := .Values.list}}{{end}}{{$i}}", "9"},
  };
  for (const auto& [text, want] : cases) {
    INFO(text);
    CHECK(run(text, data) == want);
  }
  // Map keys iterate in sorted byte order whatever the insertion order.
  CHECK(run("{{range $k, $v := .}}{{$k}}{{end}}", M({{"b", I(1)}, {"B", I(2)}, {"a", I(3)}, {"_", I(4)}})) == "B_ab");
}

TEST_CASE("variable scoping and assignment", "[template]") {
  auto data = sample_data();
  // Declared inside a block: gone after {{end}}; assigned: visible after.
  CHECK(parse_error("{{if true}}{{$x := 1}}{{end}}{{$x}}") == "template: t:1: undefined variable \"$x\"");
  CHECK(run("{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}") == "2");
  CHECK(run("{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}") == "21");
  // Istio's ISTIO_META_POD_PORTS idiom: = inside nested ranges.
  const char* pods = R"({{- $first := true }}[
{{- range $c := .Containers }}{{- range $p := $c.ports }}{{if not $first}},{{end}}{{ $p }}{{- $first = false }}{{- end }}{{- end }}])";
  auto containers = M({{"Containers", L({M({{"ports", L({I(80), I(81)})}}), M({{"ports", L({})}}),
                                          M({{"ports", L({I(90)})}})})}});
  CHECK(run(pods, containers) == "[80,81,90]");
  // Range with = assigns to existing variables.
  CHECK(run("{{$i := 0}}{{$v := 0}}{{range $i, $v = .Values.list}}{{end}}{{$i}}{{$v}}", data) == "2c");
  // Variables in a range body are reset each iteration.
  CHECK(run("{{range .Values.list}}{{$y := .}}{{$y}}{{end}}", data) == "abc");
}

TEST_CASE("define, template and block", "[template]") {
  auto data = sample_data();
  CHECK(run(R"({{define "t1"}}[{{.}}]{{end}}{{template "t1" .Values.name}}{{template "t1"}})", data) ==
        "[demo][<no value>]");
  CHECK(run(R"({{define "n"}}{{$.x}}{{end}}{{template "n" .Values.nested}})", data) == "map[y:deep]");
  CHECK(run(R"({{block "b" .Values.name}}<{{.}}>{{end}}!)", data) == "<demo>!");
  // Templates see no variables of the caller.
  CHECK(parse_error(R"({{$x := 1}}{{define "v"}}{{$x}}{{end}})") == "template: t:1: undefined variable \"$x\"");

  auto t = Template::parse("main", R"({{define "helper"}}H{{.}}{{end}}M{{template "helper" 1}})", test_funcs());
  CHECK(t.has("main"));
  CHECK(t.has("helper"));
  CHECK(t.execute("helper", I(5)) == "H5");
  CHECK(t.execute("main", Value()) == "MH1");
  auto t2 = t;
  t2.add("extra", R"({{define "helper"}}X{{end}}{{template "helper"}})");
  CHECK(t2.execute("extra", Value()) == "X");
  CHECK(t2.execute("main", Value()) == "MX");   // redefinition replaces
  CHECK(t.execute("main", Value()) == "MH1");   // the original set is untouched
  CHECK_THROWS_WITH(t.execute("nope", Value()), "template: no template \"nope\" associated with template \"main\"");
  CHECK(run_error(R"({{template "missing"}})") ==
        "template: t:1:11: executing \"t\" at <{{template \"missing\"}}>: template \"missing\" not defined");
  CHECK(parse_error(R"({{define "a"}}x{{end}}{{define "a"}}y{{end}})") ==
        "template: t:1: template: multiple definition of template \"a\"");
  // An empty redefinition keeps the earlier one.
  CHECK(run(R"({{define "a"}}x{{end}}{{define "a"}} {{end}}{{template "a"}})") == "x");
}

TEST_CASE("comparison builtins", "[template]") {
  auto data = sample_data();
  const std::pair<const char*, const char*> cases[] = {
      {"{{eq 1 1}} {{eq 1 2}} {{eq 1 2 3 1}}", "true false true"},
      {"{{eq \"a\" \"a\"}} {{ne \"a\" \"b\"}}", "true true"},
      {"{{eq .Values.count 3.0}}", "true"},
      {"{{eq .Values.name \"demo\"}}", "true"},
      {"{{eq .Values.missing \"x\"}} {{eq .Values.missing nil}} {{eq .Values.null .Values.missing}}", "false true true"},
      {"{{ne .Values.missing \"x\"}}", "true"},
      {"{{lt 1 2}} {{le 2 2}} {{gt 3 2}} {{ge 1 2}}", "true true true false"},
      {"{{lt \"a\" \"b\"}} {{lt 1.5 2.5}}", "true true"},
      {"{{eq true true}}", "true"},
  };
  for (const auto& [text, want] : cases) {
    INFO(text);
    CHECK(run(text, data) == want);
  }
  CHECK(run_error("{{eq .Values.count 3}}", data) ==
        "template: t:1:2: executing \"t\" at <eq .Values.count 3>: error calling eq: incompatible types for "
        "comparison: float64 and int");
  CHECK(run_error("{{eq \"a\" 1}}") ==
        "template: t:1:2: executing \"t\" at <eq \"a\" 1>: error calling eq: incompatible types for comparison: "
        "string and int");
  CHECK(run_error("{{lt .Values.missing 1}}", data).find("error calling lt: invalid type for comparison") !=
        std::string::npos);
  CHECK(run_error("{{lt true false}}").find("invalid type for comparison") != std::string::npos);
  CHECK(run_error("{{eq .Values.list .Values.list}}", data).find("non-comparable type") != std::string::npos);
  CHECK(run_error("{{eq 1}}").find("missing argument for comparison") != std::string::npos);
}

TEST_CASE("index, slice, len", "[template]") {
  auto data = sample_data();
  const std::pair<const char*, const char*> cases[] = {
      {"{{index .Values.list 1}}", "b"},
      {"{{index .Values \"nested\" \"x\" \"y\"}}", "deep"},
      {"{{index .Labels \"app\"}}", "web"},
      {"[{{index .Labels \"nope\"}}]", "[]"},
      {"{{index .Values \"nope\"}}", "<no value>"},
      {"{{index \"abc\" 1}}", "98"},
      {"{{index .Values.list}}", "[a b c]"},
      {"{{slice .Values.list 1}} {{slice .Values.list 1 2}} {{slice \"hello\" 1 3}}", "[b c] [b] el"},
      {"{{len .Values.list}} {{len .Labels}} {{len \"four\"}}", "3 2 4"},
  };
  for (const auto& [text, want] : cases) {
    INFO(text);
    CHECK(run(text, data) == want);
  }
  CHECK(run_error("{{index .Values.list 5}}", data).find("error calling index: index out of range: 5") !=
        std::string::npos);
  CHECK(run_error("{{index .Values.missing 0}}", data).find("error calling index: index of untyped nil") !=
        std::string::npos);
  CHECK(run_error("{{index .Values.list \"x\"}}", data).find("cannot index slice/array with type string") !=
        std::string::npos);
  CHECK(run_error("{{index 3 0}}").find("can't index item of type int") != std::string::npos);
  CHECK(run_error("{{len 3}}").find("error calling len: len of type int") != std::string::npos);
  CHECK(run_error("{{len .Values.null}}", data).find("len of nil pointer") != std::string::npos);
  CHECK(run_error("{{slice .Values.list 2 1}}", data).find("invalid slice index: 2 > 1") != std::string::npos);
}

TEST_CASE("print, printf, println, html, js, urlquery", "[template]") {
  auto data = sample_data();
  const std::pair<const char*, const char*> cases[] = {
      {"{{print 1 2 \"a\" 3 \"b\" \"c\"}}", "1 2a3bc"},
      {"{{println 1 \"a\"}}", "1 a\n"},
      {"{{printf \"%d|%5d|%-5d|%05d|%x|%X|%o|%b|%+d\" 42 42 42 42 255 255 8 5 3}}", "42|   42|42   |00042|ff|FF|10|101|+3"},
      {"{{printf \"%s|%q|%v|%10s|%-4s|%.2s\" \"hi\" \"hi\" \"hi\" \"hi\" \"hi\" \"hello\"}}", "hi|\"hi\"|hi|        hi|hi  |he"},
      {"{{printf \"%f|%.2f|%e|%g|%8.3f|%v\" 1.5 3.14159 1234.5 0.000012 2.5 1e21}}",
       "1.500000|3.14|1.234500e+03|1.2e-05|   2.500|1e+21"},
      {"{{printf \"%t|%v\" true false}}", "true|false"},
      {"{{printf \"%c|%q|%U\" 65 65 65}}", "A|'A'|U+0041"},
      {"{{printf \"%%|%d\" 1}}", "%|1"},
      {"{{printf \"%d\" \"x\"}}", "%!d(string=x)"},
      {"{{printf \"%s\" 5}}", "%!s(int=5)"},
      {"{{printf \"%d %d\" 1}}", "1 %!d(MISSING)"},
      {"{{printf \"%d\" 1 2 \"x\"}}", "1%!(EXTRA int=2, string=x)"},
      {"{{printf \"%s\" .Values.missing}}", "%!s(<nil>)"},
      {"{{printf \"%v\" .Values.missing}}", "<nil>"},
      {"{{printf \"%v %v\" .Values.list .Labels}}", "[a b c] map[app:web tier:front]"},
      {"{{printf \"%q\" .Values.list}}", "[\"a\" \"b\" \"c\"]"},
      {"{{printf \"%T %T %T\" 1 \"s\" .Values.count}}", "int string float64"},
      {"{{printf \"%x\" \"hi\"}}", "6869"},
      {"{{printf \"%6.2f|%-8.3e|%+.1f\" 3.14159 1234.5678 2.0}}", "  3.14|1.235e+03|+2.0"},
      {"{{printf \"%*d\" 5 42}}", "   42"},
      {"{{html \"<a href='x'>&</a>\"}}", "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"},
      {"{{js \"it's <b>\"}}", "it\\'s \\u003Cb\\u003E"},
      {"{{urlquery \"a b&c=d/é\"}}", "a+b%26c%3Dd%2F%C3%A9"},
      {"{{print .Values.big}} {{print 15020.0}} {{print 0.00001}} {{print 123456.0}} {{print 1234567.0}}",
       "1e+06 15020 1e-05 123456 1.234567e+06"},
  };
  for (const auto& [text, want] : cases) {
    INFO(text);
    CHECK(run(text, data) == want);
  }
}

TEST_CASE("Go float formatting", "[template]") {
  const std::pair<double, const char*> cases[] = {
      {15020.0, "15020"}, {1e6, "1e+06"}, {0.5, "0.5"}, {1e21, "1e+21"}, {1e-5, "1e-05"}, {1e20, "1e+20"},
      {123456.0, "123456"}, {0.0001, "0.0001"}, {-2.5, "-2.5"}, {0.0, "0"}, {3.0, "3"}, {1.0 / 3, "0.3333333333333333"},
      {100.0, "100"}, {999999.0, "999999"}, {1.5e300, "1.5e+300"}, {5e-324, "5e-324"},
  };
  for (const auto& [f, want] : cases) {
    INFO(f);
    CHECK(go_format_float(f) == want);
    CHECK(Value::floating(f).to_print_string() == want);
  }
}

TEST_CASE("argument conversion follows Go", "[template]") {
  auto data = sample_data();
  // Untyped constants convert to the parameter type.
  CHECK(run("{{trunc 2 \"abc\"}}") == "ab");
  CHECK(run("{{trunc 2.0 \"abc\"}}") == "ab");  // 2.0 is an integer constant
  CHECK(run_error("{{trunc 2.5 \"abc\"}}") == "template: t:1:8: executing \"t\" at <2.5>: expected integer; found 2.5");
  CHECK(run_error("{{trunc \"2\" \"abc\"}}") ==
        "template: t:1:8: executing \"t\" at <\"2\">: expected integer; found \"2\"");
  CHECK(run_error("{{upper 3}}") == "template: t:1:8: executing \"t\" at <3>: expected string; found 3");
  // Values of the wrong dynamic type are rejected.
  CHECK(run_error("{{trunc .Values.count \"abc\"}}", data) ==
        "template: t:1:15: executing \"t\" at <.Values.count>: wrong type for value; expected int; got float64");
  CHECK(run_error("{{upper .Values.count}}", data) ==
        "template: t:1:15: executing \"t\" at <.Values.count>: wrong type for value; expected string; got float64");
  // Missing values: an error for string, nil for interface{}, nil map for maps.
  CHECK(run_error("{{upper .Values.missing}}", data) ==
        "template: t:1:15: executing \"t\" at <.Values.missing>: invalid value; expected string");
  CHECK(run_error("{{upper .Values.null}}", data) ==
        "template: t:1:15: executing \"t\" at <.Values.null>: wrong type for value; expected string; got interface {}");
  CHECK(run_error("{{.Values.missing | upper}}", data) ==
        "template: t:1:20: executing \"t\" at <upper>: invalid value; expected string");
  CHECK(run_error("{{keys .Values}}", data).find(
            "wrong type for value; expected map[string]string; got map[string]interface {}") != std::string::npos);
  CHECK(run_error("{{upper nil}}") == "template: t:1:8: executing \"t\" at <nil>: cannot assign nil to string");
  CHECK(run("{{isnil nil}}") == "true");
  CHECK(run_error("{{upper \"a\" \"b\"}}") ==
        "template: t:1:2: executing \"t\" at <upper>: wrong number of args for upper: want 1 got 2");
  CHECK(run_error("{{join}}") ==
        "template: t:1:2: executing \"t\" at <join>: wrong number of args for join: want at least 1 got 0");
  CHECK(run_error("{{fail \"bad thing\"}}") ==
        "template: t:1:2: executing \"t\" at <fail \"bad thing\">: error calling fail: bad thing");
}

TEST_CASE("field access on missing, nil and typed values", "[template]") {
  auto data = sample_data();
  CHECK(run("{{.Values.missing.a.b}}", data) == "<no value>");
  CHECK(run_error("{{.Values.null.b}}", data) ==
        "template: t:1:9: executing \"t\" at <.Values.null.b>: nil pointer evaluating interface {}.b");
  CHECK(run_error("{{.Values.name.x}}", data) ==
        "template: t:1:9: executing \"t\" at <.Values.name.x>: can't evaluate field x in type string");
  CHECK(run_error("{{.Values.name 1}}", data) ==
        "template: t:1:9: executing \"t\" at <.Values.name>: name is not a method but has arguments");
  CHECK(run_error("{{$x := 1}}{{$x.y}}") ==
        "template: t:1:15: executing \"t\" at <$x.y>: can't evaluate field y in type int");
  CHECK(run("{{$x := .Values.missing}}{{$x.y}}", data) == "<no value>");
  CHECK(run_error("{{3 | 4}}").find("non executable command in pipeline stage 2") != std::string::npos);
  CHECK(run_error("{{.Values.name | .Values.name}}", data) ==
        "template: t:1:24: executing \"t\" at <.Values.name>: name is not a method but has arguments");
}

TEST_CASE("structs, methods and typed nils", "[template]") {
  auto wrapper = std::make_shared<TypeInfo>();
  wrapper->name = "wrapperspb.BoolValue";
  wrapper->pointer = true;
  wrapper->fields = {{"Value", "value"}};
  wrapper->methods["GetValue"] = [](const Value& self, std::span<const Value>) {
    if (self.is_nil()) return Value::boolean(false);
    return *self.field("Value");
  };
  auto mode = std::make_shared<TypeInfo>();
  mode->name = "v1alpha1.ProxyConfig_InboundInterceptionMode";
  mode->stringer = [](const Value& v) { return v.as_int() == 0 ? std::string("REDIRECT") : std::string("TPROXY"); };
  auto pc = std::make_shared<TypeInfo>();
  pc->name = "v1alpha1.ProxyConfig";
  pc->pointer = true;
  pc->fields = {{"Hold", "hold"}, {"Mode", "mode"}, {"Concurrency", "concurrency"}};
  pc->methods["GetMode"] = [](const Value& self, std::span<const Value>) { return *self.field("Mode"); };
  pc->methods["Echo"] = [](const Value&, std::span<const Value> args) {
    return Value::string(go_sprint(args));
  };
  auto proxy = Value::structure(pc, {Value::typed_nil(wrapper), Value::integer(1, mode),
                                     Value::structure(wrapper, {Value::boolean(true)})});
  auto data = Value::map({{"ProxyConfig", proxy}, {"NilPC", Value::typed_nil(pc)}});

  CHECK(run("{{.ProxyConfig.Hold.GetValue}}", data) == "false");
  CHECK(run("{{.ProxyConfig.Concurrency.GetValue}}", data) == "true");
  CHECK(run("{{.ProxyConfig.Concurrency.Value}}", data) == "true");
  CHECK(run("{{.ProxyConfig.Mode}} {{.ProxyConfig.GetMode}}", data) == "TPROXY TPROXY");
  CHECK(run("{{printf \"%v %d %s\" .ProxyConfig.Mode .ProxyConfig.Mode .ProxyConfig.Mode}}", data) == "TPROXY 1 TPROXY");
  CHECK(run("{{.ProxyConfig.Echo 1 \"a\"}}", data) == "1a");
  CHECK(run("{{if .ProxyConfig.Hold}}y{{else}}n{{end}} {{if .ProxyConfig}}y{{end}}", data) == "n y");
  CHECK(run("{{.ProxyConfig.Hold}}", data) == "<nil>");
  CHECK(run_error("{{.ProxyConfig.Hold.Value}}", data) ==
        "template: t:1:14: executing \"t\" at <.ProxyConfig.Hold.Value>: nil pointer evaluating "
        "*wrapperspb.BoolValue.Value");
  CHECK(run_error("{{.ProxyConfig.Nope}}", data) ==
        "template: t:1:14: executing \"t\" at <.ProxyConfig.Nope>: can't evaluate field Nope in type "
        "*v1alpha1.ProxyConfig");
  CHECK(run_error("{{.NilPC.Nope}}", data) ==
        "template: t:1:8: executing \"t\" at <.NilPC.Nope>: can't evaluate field Nope in type *v1alpha1.ProxyConfig");
  CHECK(run("{{eq .NilPC nil}} {{eq .ProxyConfig.Hold nil}}", data) == "true true");
  // Struct printing.
  auto pt = std::make_shared<TypeInfo>();
  pt->name = "v1.ContainerPort";
  pt->fields = {{"Name", "name", true}, {"ContainerPort", "containerPort"}};
  auto port = Value::structure(pt, {Value::string("http"), Value::integer(80)});
  CHECK(port.to_print_string() == "{http 80}");
  CHECK(go_sprintf("%+v", std::vector<Value>{port}) == "{Name:http ContainerPort:80}");
  // Embedded struct fields are promoted.
  auto meta = std::make_shared<TypeInfo>();
  meta->name = "v1.ObjectMeta";
  meta->fields = {{"Name", "name"}};
  auto pod = std::make_shared<TypeInfo>();
  pod->name = "v1.Pod";
  pod->fields = {{"ObjectMeta", "metadata", false, true}, {"Kind", "kind"}};
  auto p = Value::structure(pod, {Value::structure(meta, {Value::string("p1")}), Value::string("Pod")});
  CHECK(run("{{.Name}} {{.ObjectMeta.Name}} {{.Kind}}", p) == "p1 p1 Pod");
}

TEST_CASE("parse errors carry Go's messages and line numbers", "[template]") {
  const std::pair<const char*, const char*> cases[] = {
      {"{{if true}}x", "template: t:1: unexpected EOF"},
      {"line1\n{{end}}", "template: t:2: unexpected {{end}}"},
      {"{{else}}", "template: t:1: unexpected {{else}}"},
      {"{{nofunc 1}}", "template: t:1: function \"nofunc\" not defined"},
      {"{{$x}}", "template: t:1: undefined variable \"$x\""},
      {"\n\n{{.x", "template: t:3: unclosed action"},
      {"{{.x\n\n", "template: t:3: unclosed action started at t:1"},
      {"{{\"abc}}", "template: t:1: unterminated quoted string"},
      {"{{`abc}}", "template: t:1: unterminated raw quoted string"},
      {"{{/* x }}", "template: t:1: unclosed comment"},
      {"{{/* x */ 1}}", "template: t:1: comment ends before closing delimiter"},
      {"{{(1}}", "template: t:1: unclosed left paren"},
      {"{{1)}}", "template: t:1: unexpected right paren U+0029 ')'"},
      {"{{3x}}", "template: t:1: bad number syntax: \"3x\""},
      {"{{99999999999999999999}}", "template: t:1: integer overflow: \"99999999999999999999\""},
      {"{{break}}", "template: t:1: {{break}} outside {{range}}"},
      {"{{range .}}{{continue 1}}{{end}}", "template: t:1: unexpected \"1\" in {{continue}}"},
      {"{{if}}{{end}}", "template: t:1: missing value for if"},
      {"{{range $a, $b, $c := .}}{{end}}", "template: t:1: too many declarations in range"},
      {"{{\"x\".y}}", "template: t:1: unexpected . after term \"\\\"x\\\"\""},
      {"{{define \"a\"}}", "template: t:1: unexpected EOF"},
      {"{{define a}}{{end}}", "template: t:1: unexpected \"a\" in define clause"},
      {"{{template .x}}", "template: t:1: unexpected \".x\" in template clause"},
      {"{{if true}}\n{{else}}\n{{else}}{{end}}", "template: t:3: expected end; found {{else}}"},
      {"{{'ab'}}", "template: t:1: malformed character constant: 'ab'"},
      {"{{\"\\q\"}}", "template: t:1: invalid syntax"},
      {"a\n{{if true}}\n{{end}\n", "template: t:3: unexpected \"}\" in end"},
      {"{{.x | 3}}", "template: t:1: non executable command in pipeline stage 2"},
      {"{{range .}}{{end}}{{$x := 1}}{{$x = 2}}{{.a @}}", "template: t:1: unexpected \"@\" in operand"},
      {"{{.a \x01}}", "template: t:1: unrecognized character in action: U+0001"},
  };
  for (const auto& [text, want] : cases) {
    INFO(text);
    CHECK(parse_error(text) == want);
  }
  // Errors inside an action spanning lines mention where the action started.
  CHECK(parse_error("{{if\n\n\"x}}") == "template: t:3: unterminated quoted string in action started at t:1");
}

TEST_CASE("execution errors report line:col and template names", "[template]") {
  auto data = sample_data();
  const char* text = "line one\n  {{ .Values.name }}\n    {{ .Values.name.bad }}";
  CHECK(run_error(text, data) ==
        "template: t:3:14: executing \"t\" at <.Values.name.bad>: can't evaluate field bad in type string");
  auto t = Template::parse("outer", "{{define \"inner\"}}\n  {{ upper 1.5 }}{{end}}{{template \"inner\" .}}", test_funcs());
  try {
    t.execute("outer", data);
    FAIL("expected an error");
  } catch (const TemplateError& e) {
    CHECK(std::string(e.what()) == "template: outer:2:11: executing \"inner\" at <1.5>: expected string; found 1.5");
  }
  CHECK(run_error("{{range 1.5}}{{end}}") ==
        "template: t:1:8: executing \"t\" at <1.5>: range can't iterate over 1.5");
  CHECK(run_error("{{nil}}") == "template: t:1:2: executing \"t\" at <nil>: nil is not a command");
  CHECK(run_error("{{range $i, $v := 3}}{{end}}").find("can't use 3 to iterate over more than one variable") !=
        std::string::npos);
}

TEST_CASE("template is reusable and independent of data", "[template]") {
  auto t = Template::parse("t", "{{range .}}{{.}},{{end}}", test_funcs());
  CHECK(t.execute("t", L({I(1), I(2)})) == "1,2,");
  CHECK(t.execute("t", L({S("x")})) == "x,");
  CHECK(t.execute("t", Value()) == "");
  std::string out = "prefix:";
  t.execute_to(out, "t", L({I(3)}));
  CHECK(out == "prefix:3,");
}

TEST_CASE("Value basics", "[template][value]") {
  CHECK(Value().to_print_string() == "<no value>");
  CHECK(Value::nil().to_print_string() == "<nil>");
  CHECK_FALSE(Value().truthy());
  CHECK_FALSE(Value::nil().truthy());
  CHECK(Value::map({}).go_type_name() == "map[string]interface {}");
  CHECK(Value::map({}, Elem::String).go_type_name() == "map[string]string");
  CHECK(Value::list({}, Elem::String).go_type_name() == "[]string");
  CHECK(Value::uinteger(5).to_print_string() == "5");
  CHECK(L({S("a"), Value::nil(), I(2)}).to_print_string() == "[a <nil> 2]");
  CHECK(M({{"k", L({})}}).to_print_string() == "map[k:[]]");
  CHECK(L({S("a")}).deep_equals(L({S("a")})));
  CHECK_FALSE(L({S("a")}).deep_equals(L({S("b")})));
  CHECK_FALSE(I(1).deep_equals(F(1)));
  CHECK(go_quote("a\"b\\c\n\x01é") == "\"a\\\"b\\\\c\\n\\x01é\"");
  CHECK_THROWS_AS(S("x").as_int(), std::logic_error);
  auto shared = M({{"a", I(1)}});
  auto copy = shared;
  copy.mutable_map_shared()["b"] = I(2);
  CHECK(shared.size() == 2);
}

// ---- limits (fuzz/template_fuzz.cpp): Go's text/template has none, so a
// template could hang kinject or exhaust memory; it stops with an error.

TEST_CASE("template: {{range}} over 1e12 stops at the step limit (fuzz finding)", "[template]") {
  CHECK_THAT(run_error("{{range 1000000000000}}{{end}}"),
             Catch::Contains("the template did more than 20000000 steps of work"));
  // Nested ranges of ordinary size are no problem.
  CHECK(run("{{range 300}}{{range 300}}{{end}}{{end}}x") == "x");
}

TEST_CASE("template: output over 64 MiB stops the execution (fuzz finding)", "[template]") {
  CHECK_THAT(run_error("{{range 100000000}}0123456789abcdef{{end}}"), Catch::Contains("the output is larger than 64 MiB"));
}

TEST_CASE("template: printf widths and precisions over 1e6 are Go's bad numbers, not allocations (fuzz finding)", "[template]") {
  // Go's parsenum gives up on a crazy long number and eats the rest of the
  // format; intFromArg rejects a huge `*` argument.
  CHECK(go_sprintf("%0999999999999d|", std::vector<Value>{I(1)}) == "%!(NOVERB)%!(EXTRA int=1)");
  CHECK(go_sprintf("%.99999999999f", std::vector<Value>{F(1)}) == "%!(NOVERB)%!(EXTRA float64=1)");
  CHECK(go_sprintf("%*d", std::vector<Value>{I(-2147483648), I(7)}) == "%!(BADWIDTH)7");
  CHECK(go_sprintf("%*d", std::vector<Value>{I(3), I(7)}) == "  7");
}

TEST_CASE("funcs: names lists every function once, in order, a replaced one once", "[template]") {
  FuncMap f;
  f.set("b", {}, [](std::span<const Value>) { return Value(); });
  f.set("a", {}, [](std::span<const Value>) { return Value(); });
  f.set("b", {}, [](std::span<const Value>) { return Value(); });
  CHECK(f.names() == std::vector<std::string>{"a", "b"});
  CHECK(FuncMap().names().empty());
}

// text/template's JSEscape writes a non-ASCII rune as it is where
// unicode.IsPrint says so, else as \uXXXX; a byte that is no UTF-8 decodes
// as U+FFFD, which is printable, so the byte is written as it is. kinject
// approximated IsPrint (U+00A0, U+00AD, U+3000 and unassigned runes went out
// raw) and wrote \uFFFD for a bad byte. Values from Go 1.26 ({{ js "..." }}).
TEST_CASE("js escapes the runes Go's unicode.IsPrint rejects and passes a byte that is no UTF-8 through",
          "[template][builtins]") {
  CHECK(run(R"({{ js "a\u00a0b" }})") == "a\\u00A0b");
  CHECK(run(R"({{ js "\xffc" }})") == "\xff" "c");
  CHECK(run(R"({{ js "\u2028\U000E0001é\u0378\u3000\ufffd" }})") == "\\u2028\\uE0001é\\u0378\\u3000\ufffd");
  CHECK(run(R"({{ js "\u0085\u00ad" }})") == "\\u0085\\u00AD");
}
