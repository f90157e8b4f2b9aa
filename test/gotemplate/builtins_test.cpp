// Tests for the builtin table and the reflect-like helpers the executor
// shares with it (src/gotemplate/builtins.h). The builtins' behaviour in
// templates is tested in template_test.cpp.
#include <catch2/catch.hpp>

#include "../../src/gotemplate/builtins.h"

using namespace kinject::tmpl;
using namespace kinject::tmpl::detail;

TEST_CASE("builtins: the names Go's builtins() defines, and no others", "[template][builtins]") {
  for (const char* name : {"and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf",
                           "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne"}) {
    INFO(name);
    CHECK(find_builtin(name) != Builtin::None);
  }
  CHECK(find_builtin("printf") == Builtin::Printf);
  CHECK(find_builtin("Printf") == Builtin::None);
  CHECK(find_builtin("template") == Builtin::None);
  // The signatures the executor checks arguments against.
  CHECK(builtin_function(Builtin::Printf).params.size() == 1);
  CHECK(builtin_function(Builtin::Printf).variadic.has_value());
  CHECK(builtin_function(Builtin::Lt).params.size() == 2);
  CHECK_FALSE(builtin_function(Builtin::Lt).variadic.has_value());
}

TEST_CASE("builtins: an interface holding nil is no value; its type prints as interface {}", "[template][builtins]") {
  CHECK(strip_nil(Value::nil()).is_invalid());
  auto type = std::make_shared<TypeInfo>(TypeInfo{"v1.Pod", true, {}, {}, {}, {}});
  CHECK(strip_nil(Value::typed_nil(type)).is_typed_nil());
  CHECK(strip_nil(Value::integer(1)).as_int() == 1);
  CHECK(reflect_type_name(Value::nil()) == "interface {}");
  CHECK(reflect_type_name(Value::typed_nil(type)) == "*v1.Pod");
  CHECK(reflect_type_name(Value::string("x")) == "string");
  CHECK(print_v(Value::list({Value::integer(1), Value::string("a")})) == "[1 a]");
}
