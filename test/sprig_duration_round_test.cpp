// Sprig's durationRound (src/gofuncs/sprig_floats.cpp over time.ParseDuration
// in src/gofuncs/duration.cpp): the largest whole unit of a duration string
// or an int64 of nanoseconds, 0s for anything else.
//
// Every expected value is Go's (Go 1.26, text/template + Sprig v3.3.0; see
// sprig_go_cases.h), none kinject's.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "kinject/gofuncs/duration.h"
#include "sprig_go_cases.h"

using kinject::test::sprig::check_cases;

TEST_CASE("sprig durationRound: units strictly exceeded, int64 and strings only, ParseDuration's limits, as Go renders them", "[funcs][sprig][duration]") {
  check_cases({
    {"{{ durationRound \"2h10m5s\" }}", false, "2h"},
    {"{{ durationRound \"1h\" }}", false, "60m"},
    {"{{ durationRound \"61m\" }}", false, "1h"},
    {"{{ durationRound \"-90s\" }}", false, "1m"},
    {"{{ durationRound \"1.5us\" }}", false, "0s"},
    {"{{ durationRound \"1s\" }}", false, "0s"},
    {"{{ durationRound \"1001ms\" }}", false, "1s"},
    {"{{ durationRound \"721h\" }}", false, "1mo"},
    {"{{ durationRound \"8761h\" }}", false, "1y"},
    {"{{ durationRound \"2562047h47m16.854775807s\" }}", false, "292y"},
    {"{{ durationRound \"2562047h47m16.854775808s\" }}", false, "0s"},
    {"{{ durationRound \"-2562047h47m16.854775808s\" }}", false, "292y"},
    {"{{ durationRound \"1.000000000000000000001h\" }}", false, "60m"},
    {"{{ durationRound \".5h1m\" }}", false, "31m"},
    {"{{ durationRound \"5.h\" }}", false, "5h"},
    {"{{ durationRound \"1d\" }}", false, "0s"},
    {"{{ durationRound \"x\" }}", false, "0s"},
    {"{{ durationRound \"\" }}", false, "0s"},
    {"{{ durationRound \"-0\" }}", false, "0s"},
    {"{{ durationRound \"3µs\" }}", false, "0s"},
    {"{{ durationRound \"25h\" }}", false, "1d"},
    {"{{ durationRound 3600000000000 }}", false, "0s"},
    {"{{ durationRound (int64 3600000000001) }}", false, "1h"},
    {"{{ durationRound (int64 -9223372036854775808) }}", false, "292y"},
    {"{{ durationRound 1.5 }}", false, "0s"},
    {"{{ durationRound nil }}", false, "0s"},
    {"{{ durationRound (list) }}", false, "0s"},
  });
}

TEST_CASE("go ParseDuration: units, signs, fractions, the ends of int64 and Go's error texts", "[gofuncs][duration]") {
  // Go 1.26's time.ParseDuration on each input (a Go program printed these).
  struct Row {
    std::string in;
    std::int64_t nanos;
    std::string err;  // "" when Go parses it
  };
  const Row rows[] = {
      {"1h30m", 5400000000000, ""},
      {"-1.5s", -1500000000, ""},
      {"+3us", 3000, ""},
      {"3\xC2\xB5s", 3000, ""},  // micro sign
      {"3\xCE\xBCs", 3000, ""},  // Greek mu
      {"0", 0, ""},
      {"-0", 0, ""},
      {"", 0, "time: invalid duration \"\""},
      {"+", 0, "time: invalid duration \"+\""},
      {"1", 0, "time: missing unit in duration \"1\""},
      {"1d", 0, "time: unknown unit \"d\" in duration \"1d\""},
      {".", 0, "time: invalid duration \".\""},
      {".s", 0, "time: invalid duration \".s\""},
      {"1..2s", 0, "time: missing unit in duration \"1..2s\""},
      {"9223372036854775807ns", INT64_MAX, ""},
      {"9223372036854775808ns", 0, "time: invalid duration \"9223372036854775808ns\""},
      {"-9223372036854775808ns", INT64_MIN, ""},
      {"9223372036854775809ns", 0, "time: invalid duration \"9223372036854775809ns\""},
      {"2562047h47m16.854775808s", 0, "time: invalid duration \"2562047h47m16.854775808s\""},
      {"0.000000000000000000000000001s", 0, ""},
      {"1.9999999999999999999999s", 2000000000, ""},
      {"3x\xff", 0, "time: unknown unit \"x\\xff\" in duration \"3x\\xff\""},
      {"1\"s", 0, "time: unknown unit \"\\\"s\" in duration \"1\\\"s\""},
  };
  for (const auto& r : rows) {
    INFO("input: " << r.in);
    std::string err;
    auto got = kinject::tmpl::go_parse_duration(r.in, &err);
    if (r.err.empty()) {
      REQUIRE(got.has_value());
      CHECK(*got == r.nanos);
    } else {
      CHECK_FALSE(got.has_value());
      CHECK(err == r.err);
    }
  }
}
