// Sprig's semver and semverCompare (src/gofuncs/sprig_semver.cpp): what
// Masterminds/semver v3.3.0 parses, how its constraints match, and what a
// template can do with the *semver.Version that semver returns.
//
// Every expected value is Go's (Go 1.26, text/template + Sprig v3.3.0; see
// sprig_go_cases.h), none kinject's. Where Go's error comes from the
// template engine rather than the function, only that it fails is checked.
#include <catch2/catch.hpp>

#include "sprig_go_cases.h"

using kinject::test::sprig::check_cases;

TEST_CASE("sprig semver: parsing, printing, fields by method, Inc*/Set*, comparisons and their errors, as Go renders them", "[funcs][sprig][semver]") {
  check_cases({
    {"{{ semver \"1.2.3\" }}", false, "1.2.3"},
    {"{{ semver \"v1.2\" }}", false, "1.2.0"},
    {"{{ (semver \"v1.2\").Original }}", false, "v1.2"},
    {"{{ semver \"1.2.3-beta.1+build.5\" }}", false, "1.2.3-beta.1+build.5"},
    {"{{ (semver \"1.2.3-beta.1+build.5\").Prerelease }}", false, "beta.1"},
    {"{{ (semver \"1.2.3-beta.1+build.5\").Metadata }}", false, "build.5"},
    {"{{ (semver \"1.2.3\").Major }}", false, "1"},
    {"{{ (semver \"1.2.3\").Minor }}", false, "2"},
    {"{{ (semver \"1.2.3\").Patch }}", false, "3"},
    {"{{ printf \"%T\" (semver \"1.2.3\").Major }}", false, "uint64"},
    {"{{ printf \"%T\" (semver \"1.2.3\") }}", false, "*semver.Version"},
    {"{{ printf \"%v\" (semver \"v1.2.3\") }}", false, "1.2.3"},
    {"{{ (semver \"v1.2.3-rc.1\").IncPatch }}", false, "1.2.3"},
    {"{{ (semver \"v1.2.3-rc.1\").IncPatch.Original }}", true, ""},  // an error of the engine's, worded its own way
    {"{{ (semver \"v1.2.3\").IncMinor }}", false, "1.3.0"},
    {"{{ (semver \"v1.2.3+m\").IncMajor }}", false, "2.0.0"},
    {"{{ printf \"%T\" (semver \"1.2.3\").IncMajor }}", false, "semver.Version"},
    {"{{ ((semver \"1.2.3\").SetPrerelease \"alpha.1\") }}", false, "1.2.3-alpha.1"},
    {"{{ ((semver \"1.2.3\").SetPrerelease \"01\") }}", true, "Version segment starts with 0"},
    {"{{ ((semver \"1.2.3\").SetMetadata \"x_y\") }}", true, "Invalid Metadata string"},
    {"{{ (semver \"1.2.3\").LessThan (semver \"1.3.0\") }}", false, "true"},
    {"{{ (semver \"1.2.3\").GreaterThan (semver \"1.3.0\") }}", false, "false"},
    {"{{ (semver \"1.2.3\").Compare (semver \"1.2.3-rc.1\") }}", false, "1"},
    {"{{ (semver \"1.2.3-rc.2\").Compare (semver \"1.2.3-rc.10\") }}", false, "-1"},
    {"{{ (semver \"1.2.3-rc.a\").Compare (semver \"1.2.3-rc.10\") }}", false, "1"},
    {"{{ (semver \"1.2.3+a\").Equal (semver \"1.2.3+b\") }}", false, "true"},
    {"{{ (semver \"1.2.3\").Equal nil }}", false, "false"},
    {"{{ (semver \"1.2.3\").LessThan nil }}", true, "runtime error: invalid memory address or nil pointer dereference"},
    {"{{ (semver \"1.2.3\").LessThan \"1.3.0\" }}", true, ""},  // an error of the engine's, worded its own way
    {"{{ (semver \"1.2.3\").LessThan }}", true, ""},  // an error of the engine's, worded its own way
    {"{{ (semver \"1.2.3\").major }}", true, ""},  // an error of the engine's, worded its own way
    {"{{ semver \"\" }}", true, "Invalid Semantic Version"},
    {"{{ semver \"1.2.3.4\" }}", true, "Invalid Semantic Version"},
    {"{{ semver \"01.2.3\" }}", false, "1.2.3"},
    {"{{ semver \"1.2.3-01\" }}", true, "Version segment starts with 0"},
    {"{{ semver \"99999999999999999999.0.0\" }}", true, "Error parsing version segment: strconv.ParseUint: parsing \"99999999999999999999\": value out of range"},
    {"{{ semver \"1.2.3-\" }}", true, "Invalid Semantic Version"},
    {"{{ semver \"V1.2.3\" }}", true, "Invalid Semantic Version"},
    {"{{ semver 1 }}", true, ""},  // an error of the engine's, worded its own way
    {"{{ toJson (semver \"1.2.3\") }}", false, "\"1.2.3\""},
    {"{{ kindOf (semver \"1.2.3\") }}", false, "ptr"},
    {"{{ toPrettyJson (list (semver \"1.2.3-rc.1+b\")) }}", false, "[\n  \"1.2.3-rc.1+b\"\n]"},
    {"{{ (semver \"1.2.3\").IncMajor | toJson }}", false, "\"2.0.0\""},
    {"{{ (semver \"1.2.3\").String }}", false, "1.2.3"},
    {"{{ (semver \"1.2.3\").IncMinor.Major }}", false, "1"},
    {"{{ eq (semver \"1.2.3\").Major 1 }}", false, "true"},
    {"{{ if (semver \"1.2.3\").LessThan (semver \"1.10.0\") }}older{{ end }}", false, "older"},
    {"{{ (semver \"1.2.3\").LessThan (semver \"1.3.0\").IncMajor }}", true, ""},  // an error of the engine's, worded its own way
    {"{{ (semver \"1.2.3\").Nope }}", true, ""},  // an error of the engine's, worded its own way
    {"{{ semver \"1.2.3\" | print }}", false, "1.2.3"},
    {"{{ printf \"%s|%q|%v\" (semver \"1.2.3\") (semver \"1.2.3\") (semver \"1.2.3\").IncPatch }}", false, "1.2.3|\"1.2.3\"|1.2.4"},
    {"{{ empty (semver \"0.0.0\") }}", false, "false"},
  });
}

TEST_CASE("sprig semverCompare: ^ ~ ranges || wildcards and prereleases of semver v3.3.0, and its errors, as Go renders them", "[funcs][sprig][semver]") {
  check_cases({
    {"{{ semverCompare \">=1.2\" \"1.3\" }}", false, "true"},
    {"{{ semverCompare \"^1.2.3\" \"1.9.0\" }}", false, "true"},
    {"{{ semverCompare \"^1.2.3\" \"2.0.0\" }}", false, "false"},
    {"{{ semverCompare \"^0.2.3\" \"0.2.9\" }}", false, "true"},
    {"{{ semverCompare \"^0.2.3\" \"0.3.0\" }}", false, "false"},
    {"{{ semverCompare \"^0.0.3\" \"0.0.4\" }}", false, "false"},
    {"{{ semverCompare \"^0.0\" \"0.0.9\" }}", false, "true"},
    {"{{ semverCompare \"^0\" \"0.9.0\" }}", false, "true"},
    {"{{ semverCompare \"~1.2.3\" \"1.2.9\" }}", false, "true"},
    {"{{ semverCompare \"~1.2.3\" \"1.3.0\" }}", false, "false"},
    {"{{ semverCompare \"~1\" \"1.9.0\" }}", false, "true"},
    {"{{ semverCompare \"~>1.x\" \"1.9.0\" }}", false, "true"},
    {"{{ semverCompare \"1.2.x\" \"1.2.7\" }}", false, "true"},
    {"{{ semverCompare \"1.x\" \"1.2.7\" }}", false, "true"},
    {"{{ semverCompare \"*\" \"1.2.7\" }}", false, "true"},
    {"{{ semverCompare \"*\" \"1.2.7-rc.1\" }}", false, "false"},
    {"{{ semverCompare \">=1.2.3-0\" \"1.2.7-rc.1\" }}", false, "true"},
    {"{{ semverCompare \">=1.2.3-0\" \"1.2.3-rc.1\" }}", false, "true"},
    {"{{ semverCompare \"1.2 - 1.4.5\" \"1.4.5\" }}", false, "true"},
    {"{{ semverCompare \"1.2 - 1.4.5\" \"1.4.6\" }}", false, "false"},
    {"{{ semverCompare \">1.2 <2 || =3.0.0\" \"3.0.0\" }}", false, "true"},
    {"{{ semverCompare \">1.2, <2 || =3.0.0\" \"1.5.0\" }}", false, "true"},
    {"{{ semverCompare \">1.2\" \"1.2.5\" }}", false, "false"},
    {"{{ semverCompare \">1.2\" \"1.3.0\" }}", false, "true"},
    {"{{ semverCompare \">11\" \"11.1.0\" }}", false, "false"},
    {"{{ semverCompare \"<=1.2\" \"1.2.9\" }}", false, "true"},
    {"{{ semverCompare \"<=1.x\" \"1.9.9\" }}", false, "true"},
    {"{{ semverCompare \"!=1.2.x\" \"1.2.3\" }}", false, "false"},
    {"{{ semverCompare \"!=1.2.x\" \"1.3.3\" }}", false, "true"},
    {"{{ semverCompare \"!=1.x\" \"1.3.3\" }}", false, "false"},
    {"{{ semverCompare \"!=1.2.3\" \"1.2.3+x\" }}", false, "false"},
    {"{{ semverCompare \"=>1.2\" \"1.2.0\" }}", false, "true"},
    {"{{ semverCompare \"=<1.2.0\" \"1.2.0\" }}", false, "true"},
    {"{{ semverCompare \"\" \"1.2.0\" }}", true, "improper constraint: "},
    {"{{ semverCompare \"foo\" \"1.2.0\" }}", true, "improper constraint: foo"},
    {"{{ semverCompare \">= 1.2.3,,<2\" \"1.2.0\" }}", true, "improper constraint: >= 1.2.3,,<2"},
    {"{{ semverCompare \"1|2\" \"1.2.0\" }}", true, "constraint Parser Error"},
    {"{{ semverCompare \">=1.2\" \"x\" }}", true, "Invalid Semantic Version"},
    {"{{ semverCompare \"foo\" \"x\" }}", true, "improper constraint: foo"},
    {"{{ semverCompare \"v1.2.3\" \"1.2.3\" }}", false, "true"},
    {"{{ semverCompare \"=1.2.3+meta\" \"1.2.3\" }}", false, "true"},
    {"{{ semverCompare \"1.2.3||\" \"1.2.3\" }}", true, "improper constraint: "},
    {"{{ semverCompare \" >= 1.0 \" \"1.2.3\" }}", false, "true"},
    {"{{ semverCompare \"1.0 - 2.0 || 3.0 - 4.0\" \"3.5.0\" }}", false, "true"},
    {"{{ semverCompare \"1.x.3\" \"1.5.0\" }}", false, "true"},
    {"{{ semverCompare \"1.2.3-beta\" \"1.2.3-beta\" }}", false, "true"},
    {"{{ semverCompare \"^1.x\" \"1.2.3\" }}", false, "true"},
    {"{{ semverCompare \"^0.x\" \"0.2.3\" }}", false, "true"},
    {"{{ semverCompare \"~0.0.0\" \"5.2.3\" }}", false, "true"},
    {"{{ semverCompare \"<1.2.3-beta\" \"1.2.3-alpha\" }}", false, "true"},
    {"{{ semverCompare \"99999999999999999999\" \"1.2.3\" }}", true, "constraint Parser Error"},
  });
}
