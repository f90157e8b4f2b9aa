// The cases of the differential test against Go's text/template + Sprig
// (test/sprig_oracle_test.cpp): a fixed table of tricky ones and
// expressions generated from a fixed seed, every function of the map
// (Sprig's and Istio's) called with every kind of argument.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace kinject::test::sprig {

struct Case {
  std::string text;  // the template
  std::string data;  // JSON, decoded as encoding/json does into interface{}; empty: nil
  std::string func;  // the function a generated case calls ("" for the fixed table)
};

constexpr std::uint64_t kSeed = 27;

// The datum generated expressions read (.s, .n, ...).
inline const std::string kData =
    R"({"s":"ǆemo Straße","n":3,"f":-2.5,"b":true,"z":null,"l":[1,"a",null],"m":{"a":"x","b":2,"c":null},)"
    R"("e":"","el":[],"em":{},"big":1e21,"neg":-7,"ls":["b","a","b"],"nest":{"x":{"y":[1,{"z":null}]}}})";

// Tricky cases, written by hand: Unicode, empty values, nil, big and
// negative numbers, bad verbs, errors. Each is here for what Go does with
// it, which the oracle says; none has an expected output of its own.
inline std::vector<Case> tricky_cases() {
  const char* texts[] = {
      // Unicode case mapping (Go maps every letter, not only ASCII).
      R"({{ upper "ǆ" }})", R"({{ lower "Ǆ" }})", R"({{ upper "ǅ" }})", R"({{ lower "ǅ" }})", R"({{ upper "straße" }})",
      R"({{ lower "İSTANBUL" }})", R"({{ upper "ﬃ" }})", R"({{ toLower "ÀÉÎ" }})", R"({{ upper "\xff" }})",
      R"({{ upper "é\xff" }})", R"({{ lower "É\xc3" }})", R"({{ upper "ᾳ" }})", R"({{ lower "Ω" }})", R"({{ upper "ꭰ" }})",
      R"({{ upper "𐐨" }})", R"({{ lower "𞤀" }})", R"({{ title "ǆemo straße" }})", R"({{ title "hello wORLD" }})",
      R"({{ .s | upper }})", R"({{ .s | lower }})", R"({{ trunc 2 "ǆemo" }})", R"({{ substr 0 1 "ǆemo" }})",
      R"({{ len "ǆ" }})", R"({{ printf "%q" "ǆ\xff" }})", R"({{ printf "%x" "ǆ" }})", R"({{ quote "a\"b" }})",
      R"({{ squote "ǆ" }})", R"({{ nospace " a\tb\u00a0c " }})", R"({{ trim "\u00a0 a \u2003" }})",
      R"({{ repeat 3 "ǆ" }})", R"({{ replace "ǆ" "x" "aǆbǆ" }})", R"({{ b64enc "ǆ" }})", R"({{ b64dec "x==" }})",
      R"({{ sha256sum "ǆ" }})", R"({{ toJson "<ǆ>&\u2028" }})", R"({{ toRawJson "<ǆ>&" }})", R"({{ toYaml "ǆ" }})",
      // Numbers: strconv.Atoi / ParseInt / cast's readings.
      R"({{ atoi "+-3" }})", R"({{ atoi "-3" }})", R"({{ atoi "+3" }})", R"({{ atoi " 3" }})", R"({{ atoi "3.5" }})",
      R"({{ atoi "9223372036854775808" }})", R"({{ atoi "-9223372036854775809" }})", R"({{ atoi "99999999999999999999" }})",
      R"({{ atoi "0x10" }})", R"({{ atoi "1_000" }})", R"({{ atoi "" }})", R"({{ int "0x10" }})", R"({{ int "010" }})",
      R"({{ int "1e3" }})", R"({{ int64 "9223372036854775808" }})", R"({{ int 3.9 }})", R"({{ int -3.9 }})",
      R"({{ float64 "1e400" }})", R"({{ float64 "0x1p-2" }})", R"({{ float64 "nan" }})", R"({{ int .big }})",
      R"({{ add 9223372036854775807 1 }})", R"({{ sub -9223372036854775808 1 }})", R"({{ mul 4611686018427387904 2 }})",
      R"({{ div 7 -2 }})", R"({{ mod -7 2 }})", R"({{ div 1 0 }})", R"({{ mod 1 0 }})", R"({{ max 1 -2 3.5 }})",
      R"({{ min "3" 2 }})", R"({{ add1 .n }})", R"({{ add .n .f }})", R"({{ 9223372036854775808 }})", R"({{ -0 }})",
      R"({{ 1e21 }})", R"({{ 0x1F }})", R"({{ 'a' }})", R"({{ 1_000 }})", R"({{ .big }})", R"({{ .f }})",
      R"({{ toString 1e21 }})", R"({{ toString .big }})", R"({{ toString 3.0 }})", R"({{ toString -0.0 }})",
      // printf and its bad verbs.
      R"({{ printf "%.2f" 3 }})", R"({{ printf "%d" "x" }})", R"({{ printf "%d" 3.5 }})", R"({{ printf "%s" 3 }})",
      R"({{ printf "%!" }})", R"({{ printf "%d" }})", R"({{ printf "%d %d" 1 }})", R"({{ printf "%d" 1 2 }})",
      R"({{ printf "%z" 1 }})", R"({{ printf "%v" nil }})", R"({{ printf "%s" nil }})", R"({{ printf "%d" nil }})",
      R"({{ printf "%5.1f|%-6d|%+d|%x|%X|%o|%b|%e|%g" 3.14159 42 7 255 255 8 5 1234.5 0.000001 }})",
      R"({{ printf "%v %v %v" .l .m .z }})", R"({{ printf "%T %T %T %T" .n .l .m .z }})", R"({{ printf "%#v" .m }})",
      R"({{ printf "%q" 65 }})", R"({{ printf "%c" 0x1F600 }})", R"({{ printf "%U" 0x1F600 }})", R"({{ printf "%t" 1 }})",
      R"({{ printf "%[2]d %[1]d" 1 2 }})", R"({{ printf "%[3]d" 1 }})", R"({{ printf "%*d" 5 1 }})",
      R"({{ printf "%.3s" "ǆǆǆǆ" }})", R"({{ printf "%08.3f" -3.14159 }})", R"({{ printf "%v" 1e21 }})",
      R"({{ printf "%v" 100000000.0 }})", R"({{ printf "%v" 1e-5 }})", R"({{ printf "%6.2v" 3.14159 }})",
      // Lists, slices, empty and nil values.
      R"({{ rest (list) }})", R"({{ initial (list) }})", R"({{ first (list) }})", R"({{ last (list) }})",
      R"({{ rest (list 1) }})", R"({{ rest .l }})", R"({{ slice "abc" 1 }})", R"({{ slice (list 1 2 3) 1 }})",
      R"({{ slice (list 1 2 3) 1 2 }})", R"({{ slice (list 1 2 3) 2 1 }})", R"({{ slice .l 5 }})",
      R"({{ slice (list 1 2 3) }})", R"({{ list }})", R"({{ dict }})", R"({{ list nil }})", R"({{ list .missing }})",
      R"({{ compact (list 0 "" nil false 1 "a") }})", R"({{ uniq (list 1 1.0 "1" 1) }})", R"({{ without (list 1 2 1) 1 }})",
      R"({{ has 1 (list 1.0) }})", R"({{ has nil (list nil) }})", R"({{ reverse (list) }})", R"({{ sortAlpha (list "b" 1 "a") }})",
      R"({{ append nil 1 }})", R"({{ prepend (list) nil }})", R"({{ concat (list 1) (list) (list 2) }})",
      R"({{ index .l 1 }})", R"({{ index .l 5 }})", R"({{ index .m "c" }})", R"({{ index .m "nope" }})",
      R"({{ len .missing }})", R"({{ empty .missing }})", R"({{ empty .em }})", R"({{ empty 0.0 }})",
      R"({{ default "d" .missing }})", R"({{ default "d" .e }})", R"({{ default "d" .el }})", R"({{ default "d" 0 }})",
      R"({{ coalesce .z .e "x" }})", R"({{ coalesce }})", R"({{ ternary "a" "b" .b }})", R"({{ .missing }})",
      R"({{ .z }})", R"({{ .m.c }})", R"({{ .nest.x.y }})", R"({{ .m }})", R"({{ .el }})", R"({{ .em }})",
      // Dicts.
      R"({{ dict "a" 1 "b" }})", R"({{ dict 1 2 }})", R"({{ keys .m | sortAlpha }})", R"({{ pick .m "a" "z" }})",
      R"({{ omit .m "a" }})", R"({{ merge (dict "a" 1) (dict "a" 2 "b" 3) }})", R"({{ mergeOverwrite (dict "a" 1) (dict "a" 2) }})",
      R"({{ get .m "a" }})", R"({{ get .m "nope" }})", R"({{ hasKey .m "c" }})", R"({{ pluck "a" .m (dict "a" 9) }})",
      R"({{ set (dict) "k" nil }})", R"({{ unset (dict "a" 1) "a" }})", R"({{ values (dict "a" 1) }})",
      R"({{ dict "a" (list 1 (dict "b" nil)) | toJson }})", R"({{ strdict "a" "1" "b" }})", R"({{ toJSON (strdict "a" "<") }})",
      R"({{ toJsonMap (strdict "a" "1") (strdict "a" "2" "b" "3") }})", R"({{ mergeMaps }})", R"({{ toJsonMap }})",
      R"({{ omitNil .m }})", R"({{ omitNil .nest }})", R"({{ omitNil .z }})", R"({{ omitNil (list nil) }})",
      // Istio's own.
      R"({{ indent 2 "a\nb" }})", R"({{ indent -2 "a\nb" }})", R"({{ indent 0 "" }})", R"({{ contains "a" "cat" }})",
      R"({{ contains "" "" }})", R"({{ valueOrDefault "" "d" }})", R"({{ valueOrDefault .z "d" }})",
      R"({{ valueOrDefault .missing "d" }})", R"({{ valueOrDefault 0 "d" }})", R"({{ fromJSON "{\"a\":[1,2.5,null]}" }})",
      R"({{ fromJSON "nope" }})", R"({{ fromJSON "" }})", R"({{ fromJSON "1e400" }})", R"({{ toYaml .nest }})",
      R"({{ toYaml .z }})", R"({{ toYaml .missing }})", R"({{ toYaml (list) }})", R"({{ toYaml "123" }})",
      R"({{ toYaml "yes" }})", R"({{ toYaml "a: b" }})", R"({{ toYaml .big }})", R"({{ toYaml 1e21 }})",
      R"({{ directory "a/b/c" }})", R"({{ directory "abc" }})", R"({{ excludeInboundPort 15020 "1, 2,,15020" }})",
      R"({{ excludeInboundPort " 80 " "" }})", R"({{ excludeInboundPort .n "3,4" }})", R"({{ excludeInboundPort nil "x" }})",
      R"({{ appendMultusNetwork "" "istio-cni" }})", R"({{ appendMultusNetwork "a, istio-cni" "istio-cni" }})",
      R"({{ appendMultusNetwork "[{\"name\":\"x\"}]" "ns/istio-cni" }})", R"({{ appendMultusNetwork "[bad]" "istio-cni" }})",
      R"({{ isset (strdict "a" "") "a" }})", R"({{ env "SET" "d" }})", R"({{ env "EMPTY" "d" }})", R"({{ env "UNSET" "d" }})",
      R"({{ structToJSON .m }})", R"({{ structToJSON nil }})", R"({{ structToJSON 1e400 }})", R"({{ omit (strdict "a" "1" "b" "2") "a" }})",
      // Errors: bad calls, types, syntax.
      R"({{ upper 3 }})", R"({{ upper }})", R"({{ upper "a" "b" }})", R"({{ nope }})", R"({{ fail "boom" }})",
      R"({{ required "need it" .missing }})", R"({{ required "need it" .e }})", R"({{ required "need it" .z }})",
      R"({{ toJson .z }})", R"({{ fromJson "{" }})", R"({{ mustFromJson "{" }})", R"({{ regexMatch "[" "a" }})",
      R"({{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }})", R"({{ regexFindAll "a." "abacad" -1 }})",
      R"({{ regexSplit "a" "banana" -1 }})", R"({{ regexMatch "^\\p{Lu}" "Ǆ" }})", R"~({{ regexMatch "(?P<n>a)" "a" }})~",
      R"({{ regexMatch "(?i)A" "a" }})", R"({{ regexMatch "(a)\\1" "aa" }})", R"({{ regexQuoteMeta "a.b*c" }})",
      R"({{ index .l -1 }})", R"({{ index nil 1 }})", R"({{ range .n }}{{ . }}{{ end }})", R"({{ template "nope" }})",
      R"({{ if }}{{ end }})", R"({{ .s.x }})", R"({{ and }})", R"({{ eq .n 3 }})", R"({{ eq .n 3.0 }})", R"({{ eq "a" 1 }})",
      R"({{ lt 1 2.0 }})", R"({{ eq .z nil }})", R"({{ len 3 }})", R"({{ call .s }})", R"({{ html "<a&'\"b>" }})",
      R"({{ js "<a&'\"b>\u2028" }})", R"({{ urlquery "a b&c/ǆ" }})", R"({{ print 1 2 "a" "b" 3 nil }})",
      R"({{ println 1 "a" }})", R"({{ not .missing }})", R"({{ or 0 "" .z }})", R"({{ and 1 "x" .l }})",
      R"({{ range $i, $e := .l }}{{ $i }}={{ $e }};{{ end }})", R"({{ range $k, $v := .m }}{{ $k }}={{ $v }};{{ end }})",
      R"({{ range 3 }}{{ . }}{{ end }})", R"({{ with .missing }}x{{ else }}y{{ end }})", R"({{ break }})",
      R"({{ range .ls }}{{ if eq . "a" }}{{ break }}{{ end }}{{ . }}{{ end }})",
      R"({{ define "t" }}[{{ . }}]{{ end }}{{ template "t" .n }}{{ block "b" .s }}<{{ . }}>{{ end }})",
      R"({{ $x := 1 }}{{ $x = 2 }}{{ $x }})", R"({{- " a " -}}   {{- " b " }})", R"({{/* c */}}x)",
      R"({{ semverCompare ">=1.2" "1.3" }})", R"({{ kindOf .m }} {{ kindOf .l }} {{ kindOf .n }} {{ kindOf .z }})",
      R"({{ typeOf .m }} {{ typeOf .z }} {{ typeOf 3 }})", R"({{ kindIs "map" .m }})", R"({{ typeIsLike "float64" .n }})",
      R"({{ deepEqual .l .l }})", R"({{ toStrings (list 1 nil "a" 2.5) }})", R"({{ join "," (list 1 nil "a") }})",
      R"({{ split "," "a,,b" }})", R"({{ splitList "" "abc" }})", R"({{ splitList "," "" }})", R"({{ sortAlpha .ls }})",
      R"({{ cat "a" nil 1 "" "b" }})", R"({{ wrap 5 "ǆǆǆ ǆǆǆ ǆǆǆ" }})", R"({{ abbrev 5 "ǆǆǆǆǆǆǆ" }})",
      R"({{ until 3 }})", R"({{ untilStep 5 0 -2 }})", R"({{ seq 3 }})", R"({{ seq 5 -2 1 }})", R"({{ int64 .n | printf "%T" }})",
      R"({{ toDecimal "0777" }})", R"({{ round 2.555 2 }})", R"({{ ceil 1.1 }})", R"({{ floor -1.1 }})", R"({{ addf 1 2.5 }})",
      R"({{ mulf 0.1 3 }})", R"({{ divf 1 3 }})", R"({{ duration 90061 }})", R"({{ duration "x" }})",
      // Found by the generated cases, or next to what they found.
      R"({{ rest (list) | toJson }})", R"({{ mergeMaps | toJson }})", R"({{ values .m "x" }})",
      R"({{ values (dict "a" 1) }})", R"({{ float64 "0x10" }})", R"({{ float64 "inf" }})", R"({{ float64 "-Infinity" }})",
      R"~({{ float64 "nan(1)" }})~", R"({{ float64 "1e-400" }})", R"({{ float64 "1_0" }})", R"({{ float64 "0x1_0p0" }})",
      R"({{ printf "%5.2f" 3 }})", R"({{ printf "%+.3d" "x" }})", R"({{ printf "%-5x|" true }})",
      R"({{ printf "%[1]d %d %[1]d" 1 2 }})", R"({{ printf "%[0]d" 1 }})", R"({{ printf "%[x]d" 1 }})",
      R"({{ printf "%[1]*d" 3 4 }})", R"({{ printf "%.[2]d" 1 2 }})", R"({{ printf "%[2]" 1 2 }})",
      R"({{ printf "%[2" 1 2 }})", R"({{ printf "%[1]2d" 1 }})", R"({{ printf "%." 1 }})", R"({{ printf "%" }})",
      R"({{ printf "%d %d" 1 2 3 }})", R"({{ printf "%[2]d" 1 2 3 }})", R"({{ int64 3 | typeOf }})",
      R"({{ int64 3 | kindOf }})", R"({{ int64 "0x10" | toJson }})", R"({{ atoi "007" }})", R"({{ atoi "-0" }})",
      R"({{ float64 "+nan" }})", R"({{ float64 "NaN" }})", R"({{ float64 "-inf" }})", R"({{ float64 " 1" }})",
      R"({{ float64 "+Infinity" }})", R"({{ 0x1.8 }})", R"({{ 0x1.8p1 }})", R"({{ float64 "0x1.8" }})",
      // *semver.Version as a value: printed, encoded, compared, reflected on.
      R"({{ toJson (semver "1.2.3") }})", R"({{ toYaml (semver "v1.2") }})", R"({{ toPrettyJson (dict "v" (semver "1")) }})",
      R"({{ (semver "1.2.3").major }})", R"({{ semver "1.2.3" | kindOf }})", R"({{ typeOf (semver "1.2.3") }})",
      R"({{ (semver "1.2.3").IncMajor | typeOf }})", R"({{ (semver "1.2.3").IncMajor | kindOf }})",
      R"({{ deepEqual (semver "1.2.3") (semver "1.2.3") }})", R"({{ empty (semver "0.0.0") }})",
      R"({{ printf "%v|%s|%q|%T" (semver "v1.2") (semver "1.2.3-rc.1") (semver "1") (semver "1") }})",
      R"({{ (semver "1.2.3").IncPatch.IncMinor.IncMajor }})", R"({{ (semver "1.2.3").IncPatch.Original }})",
      R"({{ (semver "1.2.3").Compare }})", R"({{ (semver "1.2.3").Compare nil }})", R"({{ (semver "1.2.3").Equal nil }})",
      R"({{ (semver "1.2.3").LessThan (semver "1.3.0").IncMajor }})", R"({{ (semver "1.2.3").LessThan "1.3.0" }})",
      R"({{ ((semver "1.2.3").SetPrerelease "") }})", R"({{ ((semver "v1.2.3-x").SetMetadata "a..b") }})",
      R"({{ (semver "1.2.3").SetMetadata 1 }})", R"({{ (semver "1.2.3").Major 1 }})", R"({{ list (semver "1") }})",
      R"({{ semver .s }})", R"({{ semver .n }})", R"({{ semverCompare .s "1.0.0" }})", R"({{ semverCompare "1" .missing }})",
      R"({{ dict "v" (semver "1.2") }})", R"({{ (semver "1.2.3-rc.1").Prerelease | upper }})",
      R"({{ (semver "18446744073709551615.0.0").IncMajor }})", R"({{ (semver "1.18446744073709551615.7").IncMinor }})",
      R"({{ (semver "v1.2.18446744073709551615").IncPatch }})",
      R"({{ eq (semver "1.2.3") (semver "1.2.3") }})", R"({{ ne (semver "1.2.3") nil }})",
      R"({{ $v := semver "1.2.3" }}{{ eq $v $v }})", R"({{ lt (semver "1.2.3") (semver "1.2.4") }})",
      R"({{ has (semver "1") (list (semver "1")) }})", R"({{ uniq (list (semver "1") (semver "1")) }})",
      R"({{ deepEqual (semver "1.0.0") (semver "v1") }})", R"({{ index (dict "a" (semver "1")) "a" }})",
      R"({{ with semver "1.2.3" }}{{ .Major }}{{ end }})", R"({{ range list (semver "2") }}{{ .Minor }}{{ end }})",
      // URLs from data and dicts of every shape.
      R"({{ urlParse .s }})", R"({{ urlParse .e }})", R"({{ urlParse .n }})", R"({{ urlJoin .m }})", R"({{ urlJoin .em }})",
      R"({{ urlJoin .nest }})", R"({{ urlJoin (dict "scheme" .z) }})", R"({{ urlJoin (strdict "host" "x") }})",
      R"({{ (urlParse "http://u:p@h:1/p?q#f").userinfo }})", R"({{ urlParse "http://x/" | toJson }})",
      R"({{ durationRound .n }})", R"({{ durationRound .s }})", R"({{ durationRound .big }})", R"({{ durationRound (int64 .n) }})",
      // xstrings' and goutils' case conversions (sprig_case.cpp), their quirks.
      R"({{ camelcase "_" }})", R"({{ camelcase "__" }})", R"({{ camelcase "-a" }})", R"({{ camelcase "a" }})",
      R"({{ snakecase "HTTP20xOK" }})", R"({{ kebabcase "Bld4Floor3rd" }})", R"({{ snakecase "abÿCD" }})",
      R"({{ kebabcase "ï¿½AB" }})", R"({{ swapcase "ǅungla ǆemo" }})", R"({{ untitle "ǅ ǅ Ǆ" }})",
      R"({{ snakecase "日本語Text中文" }})", R"({{ camelcase "x_日本_ab" }})", R"({{ swapcase "ß ﬁ İ" }})",
      R"({{ .s | snakecase }})", R"({{ .s | camelcase }})", R"({{ .s | swapcase }})", R"({{ .s | untitle }})",
      // decryptAES of Sprig's encryptAES output (password "secret", "hello
      // world"), and of what Go panics on.
      R"({{ decryptAES "secret" "VtomMthGeo1NB+s1h0SC/WE++MkFsNPQ6H2lGG0KXgU=" }})",
      R"({{ decryptAES "wrong" "VtomMthGeo1NB+s1h0SC/WE++MkFsNPQ6H2lGG0KXgU=" }})",
      R"({{ decryptAES "secret" "VtomMthGeo1NB+s1h0SC/WE++MkFsNPQ6H2lGG0KXgU" }})",
      R"({{ decryptAES "x" "VtomMthGeo1NB+s1h0SC/Q==" }})", R"({{ decryptAES "x" "VtomMthGeo1NB+s1h0SC/WE++Mk=" }})",
      R"({{ decryptAES "x" "YQ==" }})", R"({{ decryptAES "x" "" }})", R"({{ decryptAES "x" "VtomMthGeo1NB+s1\n\n\n\n" }})",
      // derivePassword, once per password type (each call runs scrypt, 32 MiB
      // and a fraction of a second), and its uint32 counter.
      R"({{ derivePassword 1 "maximum" "pw" "user" "example.com" }})", R"({{ derivePassword 2 "long" "pw" "u" "s" }})",
      R"({{ derivePassword 3 "medium" "ǆ" "" "x" }})", R"({{ derivePassword 0 "short" "" "" "" }})",
      R"({{ derivePassword 4294967297 "basic" "p" "u" "s" }})", R"({{ derivePassword 'x' "pin" "p" "u" "s" }})",
      R"({{ derivePassword 1 "nope" "p" "u" "s" }})", R"({{ derivePassword -1 "pin" "p" "u" "s" }})",
      R"({{ derivePassword .n "pin" "p" "u" "s" }})", R"({{ derivePassword 1.5 "pin" "p" "u" "s" }})",
      // base64 errors at Go's offsets (b64dec returns the error's text).
      R"({{ b64dec "YWJ" }})", R"({{ b64dec "YW\nJ" }})", R"({{ b64dec "YQ=\n=" }})", R"({{ b64dec "YQ=\nx" }})",
      R"({{ b64dec "YWI=x" }})", R"({{ b64dec "Y===" }})", R"({{ b64dec "YWJ\n\n" }})",
      // Found by the words above: %q and quote escape what strconv.IsPrint
      // rejects; mergo skips a nil source value (or, overwriting, sets it).
      R"({{ quote "a\u00a0B" }})", R"({{ printf "%q" "\u0378\u1680\u3000\u061c\U000E0001" }})",
      R"({{ mustMerge .nest .m }})", R"({{ mergeOverwrite (dict "a" 1 "c" 2) .m }})",
      R"({{ js "a\u00a0b\xff\u3000\u0378é" }})",
      // Go's typed nil slices and maps, which some functions return (rest,
      // initial, concat, regexFindAll, regexSplit, mergeMaps): where they
      // differ from empty ones (JSON, YAML, %#v, deepEqual, eq) and where not.
      R"({{ rest (list) | toJson }} {{ initial (list) | toJson }} {{ rest (list 1) | toJson }})",
      R"({{ concat | toJson }} {{ concat (list) (list) | toJson }} {{ concat (list 1) | toJson }})",
      R"({{ regexFindAll "x" "abc" -1 | toJson }} {{ regexFindAll "a" "abc" 0 | toJson }})",
      R"({{ regexSplit "a" "banana" 0 | toJson }} {{ regexSplit "x" "" -1 | toJson }} {{ regexSplit "" "" -1 | toJson }})",
      R"({{ mergeMaps | toJson }} {{ mergeMaps | toJSON }} {{ toJsonMap }} {{ mergeMaps | toYaml }})",
      R"({{ rest (list) | toYaml }} {{ list (rest (list)) (list) | toYaml }} {{ dict "a" (rest (list)) "b" mergeMaps | toYaml }})",
      R"({{ dict "a" (rest (list)) "b" mergeMaps "c" (list) | toJson }} {{ toPrettyJson (list (rest (list))) }})",
      R"({{ deepEqual (rest (list)) (list) }} {{ deepEqual (rest (list)) (initial (list)) }} {{ deepEqual mergeMaps (strdict) }})",
      R"({{ has (rest (list)) (list (list)) }} {{ uniq (list (rest (list)) (list)) | len }} {{ without (list (rest (list)) (list)) (list) | toJson }})",
      R"({{ toStrings (regexFindAll "x" "a" -1) | toJson }} {{ sortAlpha (regexFindAll "x" "a" -1) | toJson }})",
      R"({{ toStrings (rest (list)) | toJson }} {{ sortAlpha (rest (list)) | toJson }} {{ join "," (rest (list)) }})",
      R"({{ deepCopy (rest (list)) | toJson }} {{ deepCopy mergeMaps | toJson }} {{ omitNil (rest (list)) | toJson }} {{ omitNil mergeMaps | toJson }})",
      R"({{ valueOrDefault (rest (list)) "d" | toJson }} {{ default "d" (rest (list)) }} {{ coalesce (rest (list)) "c" }} {{ ternary (rest (list)) 1 true | toJson }})",
      R"({{ kindOf (rest (list)) }} {{ typeOf (rest (list)) }} {{ kindOf mergeMaps }} {{ typeOf mergeMaps }} {{ len mergeMaps }} {{ empty mergeMaps }})",
      R"({{ index mergeMaps "a" }}|{{ range rest (list) }}x{{ else }}none{{ end }}|{{ with mergeMaps }}x{{ else }}none{{ end }})",
      R"({{ index (rest (list)) 0 }})", R"({{ unset mergeMaps "a" }})", R"({{ set mergeMaps "a" "b" }})",
      R"({{ merge mergeMaps (dict) }})", R"({{ omit mergeMaps "a" | toJson }})", R"({{ mergeMaps mergeMaps | toJson }})",
      R"({{ first (list mergeMaps) | toJson }} {{ compact (list (rest (list)) 1) }} {{ reverse (rest (list)) | toJson }})",
      R"({{ append (rest (list)) 1 | toJson }} {{ prepend (rest (list)) 1 | toJson }} {{ chunk 2 (rest (list)) | toJson }})",
      R"({{ slice (rest (list)) | toJson }} {{ slice (list 1 2) 1 1 | toJson }} {{ structToJSON mergeMaps }} {{ structToJSON (rest (list)) }})",
      R"({{ eq (rest (list)) nil }} {{ eq nil (rest (list)) }} {{ eq (rest (list)) (rest (list)) }} {{ ne (rest (list)) nil }})",
      R"({{ eq (rest (list)) (list) }} {{ eq (list) (rest (list)) }} {{ eq mergeMaps nil }} {{ eq (list) nil }} {{ eq .z (rest (list)) }})",
      R"({{ eq (rest (list)) .missing }} {{ eq (rest (list)) nil nil }})", R"({{ eq (rest (list)) 1 }})",
      R"({{ eq (list) (list) }})", R"({{ lt (rest (list)) nil }})", R"({{ and (rest (list)) 1 }} {{ or (rest (list)) 1 }} {{ not mergeMaps }})",
      R"({{ rest (list) }} {{ mergeMaps }} {{ print (rest (list)) mergeMaps }} {{ toString (rest (list)) }} {{ cat (rest (list)) }})",
      // %#v: Go syntax for every kind.
      R"({{ printf "%#v" (rest (list)) }} {{ printf "%#v" mergeMaps }} {{ printf "%#v" (regexFindAll "x" "a" -1) }} {{ printf "%#v" (list) }})",
      R"({{ printf "%#v" .l }}|{{ printf "%#v" .nest }}|{{ printf "%#v %#v %#v %#v %#v" .n 3 2.5 "a" true }})",
      R"({{ printf "%#v" nil }}|{{ printf "%#v" .missing }}|{{ printf "%#v" .z }}|{{ printf "%#v" .big }}|{{ printf "%#v" .neg }})",
      R"({{ printf "%#v" (dict "a" (list 1 (dict "b" nil))) }})", R"({{ printf "%#v" (strdict "a" "b") }} {{ printf "%#v" (strdict) }})",
      R"({{ printf "%#v" (list (strdict) mergeMaps (regexFindAll "a" "b" -1) 255 -1 0.5 "ǆ\xff" true nil) }})",
      R"({{ printf "%#5v|%#-8v|%#v|%#08v" 3 "ab" (list) 3 }})", R"({{ printf "%#v" "a\"b\\c\n\t\u00e9\u2028" }})",
      R"({{ printf "%#+v" (list 1) }} {{ printf "%+#v" (list 1) }} {{ printf "%#x" (list 1 "a") }} {{ printf "%#v" 'a' }})",
      R"({{ printf "%#v" (until 3) }} {{ printf "%#v" (until 0) }})", R"({{ printf "%#v" (chunk 2 (list 1 2 3)) }})",
      R"({{ printf "%#v" (splitList "," "a,b") }} {{ printf "%#v" (int64 3) }} {{ printf "%#v" 1e21 }} {{ printf "%#v" 1e6 }})",
      R"({{ printf "%#v" (toDecimal "0777") }} {{ printf "%#v" (float64 "1e-5") }} {{ printf "%#v" (split "," "a,b") }})",
      R"({{ printf "%#v" (fromJson `[1,{"a":null}]`) }} {{ printf "%#v" (fromJSON `{"a":[1.5]}`) }})",
      // Found by the result probes: Go's types of Sprig's results, JSON's
      // shortest float digits, go-yaml's reading of the JSON it is given.
      R"({{ typeOf (add 1 2) }} {{ typeOf (add1 1) }} {{ typeOf (sub 1 2) }} {{ typeOf (mul 1 2) }} {{ typeOf (div 4 2) }})",
      R"({{ typeOf (mod 4 3) }} {{ typeOf (max 1 2) }} {{ typeOf (min 1 2) }} {{ typeOf (biggest 1 2) }})",
      R"({{ typeOf (toDecimal "0777") }} {{ typeOf (until 2) }} {{ typeOf (untilStep 0 4 2) }} {{ typeOf (chunk 1 (list 1)) }})",
      R"({{ duration (add 60 30) }} {{ duration 90 }} {{ printf "%#v" (untilStep 0 4 2) }})", R"({{ until (add 1 2) }})",
      R"({{ toJson (float64 "9223372036854775807") }} {{ toJson (float64 "123456789012345678") }} {{ toJson 123.456 }})",
      R"({{ toJson 1.5 }} {{ toJson 0.001 }} {{ toJson -0.0 }} {{ toJson 1e-7 }} {{ toJson 100.0 }} {{ toJson 1e20 }})",
      R"({{ toYaml (float64 "123456789012345678") }}{{ toYaml (float64 "9223372036854775807") }})",
      R"({{ toYaml (float64 "-9223372036854775808") }}{{ toYaml (float64 "18446744073709551615") }})",
      R"({{ toYaml (add 9223372036854775807 0) }}{{ toYaml (float64 "12345678901234567890") }})",
      R"({{ toYaml 2.5e7 }}{{ toYaml 1e20 }}{{ toYaml 1e-7 }}{{ toYaml -0.0 }}{{ toYaml 3e19 }})",
      R"({{ toYaml "  a b  " }}{{ toYaml (list " a") }}{{ toYaml (list "a ") }}{{ toYaml (dict " k" " v") }})",
      R"({{ deepEqual (until 2) (list 0 1) }} {{ deepEqual (until 2) (until 2) }} {{ has (until 1) (list (list 0)) }})",
      R"({{ deepEqual (chunk 1 (list 1)) (list (list 1)) }} {{ deepEqual (strdict "a" "b") (dict "a" "b") }})",
  };
  std::vector<Case> cases;
  for (const char* t : texts) cases.push_back({t, kData, ""});
  // The same with no data at all (dot is nil).
  for (const char* t : {R"({{ .x }})", R"({{ . }})", R"({{ upper . }})", R"({{ toYaml . }})", R"({{ default "d" . }})"})
    cases.push_back({t, "", ""});
  return cases;
}

// Functions a generated expression never calls: their results depend on the
// clock, randomness, the network, the process environment or a key generator
// (Sprig's `now`, `rand*`, `uuidv4`, `gen*`, ...), so two runs would differ;
// or they are slow by design (bcrypt, scrypt); or they list a map in Go's
// random iteration order (keys, values). The tricky table above calls
// the deterministic ones of those families with given inputs.
inline const std::set<std::string, std::less<>>& not_generated() {
  static const std::set<std::string, std::less<>> names = {
      "now", "ago", "date", "dateInZone", "date_in_zone", "dateModify", "date_modify", "mustDateModify",
      "must_date_modify", "htmlDate", "htmlDateInZone", "toDate", "mustToDate", "unixEpoch",
      "randAlphaNum", "randAlpha", "randAscii", "randNumeric", "randBytes", "randInt", "uuidv4", "shuffle",
      "genPrivateKey", "genCA", "genCAWithKey", "genSelfSignedCert", "genSelfSignedCertWithKey", "genSignedCert",
      "genSignedCertWithKey", "buildCustomCert", "bcrypt", "htpasswd", "encryptAES", "derivePassword",
      "getHostByName", "expandenv",
      // Their lists come in Go's map iteration order, which is random.
      "keys", "values",
  };
  return names;
}

// Functions that make a result as large as a number says (a loop count, a
// repeat, a width): they are not given the biggest integers, which would
// make Go allocate without bound.
inline bool sized_by_argument(const std::string& name) {
  static const std::set<std::string, std::less<>> names = {"until", "untilStep", "seq", "repeat", "indent",
                                                         "nindent", "wrap", "wrapWith", "abbrev", "abbrevboth",
                                                         "chunk", "substr", "trunc", "randAlpha", "printf"};
  return names.count(name) > 0;
}

// splitmix64: the same numbers on every platform and standard library
// (std::uniform_int_distribution is not specified bit for bit).
struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

// The arguments a generated call draws from: string and number literals,
// bool, nil, data of every JSON shape, a missing key, lists, dicts, string
// maps. (fuzz/sprig_fuzz.cpp draws from them too.)
inline const std::vector<std::string>& argument_pool() {
  static const std::vector<std::string> args = {
      R"("")", R"("abc")", R"("ǆ")", R"("Hello wORLD")", R"("  a b  ")", R"("-3")", R"("+-3")", R"("42")",
      R"("3.5")", R"("a,b,c")", R"("\xff")", R"("a\nb")", R"("Straße")", R"("true")", R"("{\"a\":1}")",
      R"("[1,2]")", R"("x/y/z.txt")", R"("1.2.3")", R"("a.b")", R"("ab")", "0", "1", "-1", "3", "-7", "0.5", "-2.5",
      "3.0", "1e21", "true", "false", "nil", ".s", ".n", ".f", ".z", ".l", ".m", ".e", ".el", ".em", ".missing", ".b",
      ".ls", ".big", ".neg", ".nest", "(list 1 \"a\" nil)", "(list)", "(list \"b\" \"a\" \"b\")", "(list 3 1 2)",
      "(dict \"a\" 1 \"b\" \"x\")", "(dict)", "(strdict \"k\" \"v\")", "(list (list 1) (dict))"};
  return args;
}

// Arguments of the shapes some functions are about, which the common pool
// barely has: version strings and constraints (semver, semverCompare),
// URLs and URL dicts (urlParse, urlJoin), durations (durationRound).
// Valid, invalid and edge ones: prereleases and metadata, coerced and
// wildcard versions, every operator, ranges, ||, userinfo, ports, IPv6
// literals and zones, opaque URLs, escapes, ParseDuration's limits.
namespace domain {

inline const std::vector<std::string> kVersions = {
    "1.2.3", "v1.2.3", "1.2", "1", "v1", "0.0.0", "0.1.0", "0.0.1", "1.10.0", "2.0.0", "10.20.30", "1.2.3-rc.1",
    "1.2.3-rc.10", "1.2.3-rc.2+build.7", "1.2.3+meta", "1.2.3-alpha", "1.2.3-alpha.beta", "1.2.3-0", "1.2.3-01",
    "01.2.3", "1.2.3.4", "", "x", "1.2.x", "1.2.3-", "1.2.3-a..b", "V1.2.3", " 1.2.3", "1.2.3 ", "1.2.3-rc.1+",
    "1.2.3+a_b", "1.2.3-ǆ", "18446744073709551615.0.0", "18446744073709551616.0.0", "99999999999999999999.0.0",
    "1.2.3-99999999999999999999", "1.2.3-alpha.1.-2"};

// The versions constraints are checked against (valid ones, a few not).
inline const std::vector<std::string> kCheckedVersions = {
    "0.0.0", "0.0.3", "0.2.9", "0.3.0", "1.0.0", "1.2.0", "1.2.3", "1.2.9", "1.3.0", "1.2.3-beta", "1.2.3-rc.1",
    "1.4.5", "1.9.9+b", "2.0.0", "3.0.0", "11.1.0", "v1.2", "x"};

inline const std::vector<std::string> kConstraints = {
    ">=1.2", "^1.2.3", "~1.2.3", "1.2 - 1.4.5", ">1.2 <2 || =3.0.0", ">1.2, <2", "1.2.x", "1.x", "*", "x", "",
    "!=1.2.3", "!=1.2.x", "!=1.x", "<=1.2", "<=1.x", ">1.2", ">11", "^0.2.3", "^0.0.3", "^0.0", "^0", "~1",
    "~>1.x", "=>1.2", "=<1.2.0", ">=1.2.3-0", "<1.2.3-beta", "foo", "1|2", ">= 1.2.3,,<2", "1.2.3||", "v1.2.3",
    " >= 1.0 ", "~0.0.0", "^1.x", "^0.x", "1.x.3", ">=1.2.3-rc.1", "=1.2.3+meta", "1.0 - 2.0 || 3.0 - 4.0",
    "*.*.*", "~*", "^*", ">*", "<*", "!=*", "1.2.3 - 2", "1 -2", "1.2.3-rc.1 - 1.2.3", "<=1.2.3-rc.1 >0.0.3",
    ">=1.2.3-beta <1.2.3", ">1.2.x", "<1.x", "~1.2.3-beta", "^1.2.3-beta", "!=1.2.3-beta", "99999999999999999999"};

inline const std::vector<std::string> kUrls = {
    "https://user:p%40ss@example.com:8443/a%20b/c?x=1&y=%2F#frag%20x", "http://[fe80::1%25en0]:8080/",
    "http://[::1]/x", "http://[1.2.3.4]/", "http://[::ffff:1.2.3.4]/", "http://[fe80::1%en0]/", "http://[::1/x",
    "http://a[::1]/", "http://[::1]:80a/", "http://[1::2::3]/", "http://[12345::]/", "http://[1:2]/",
    "http://[fe80::1%25]/", "http://[1:2:3:4:5:6:7:8::]/", "http://[::01.2.3.4]/", "mailto:joe@example.com",
    "urn:isbn:0451450523", "/just/a/path?q", "a:b/c", "1a:b/c", "./a:b", ":foo", "", "*", "http://host:a:80/",
    "ftp://host:a:80/", "http://ho st/", "http://h%41st/", "http://h%c3%a9st/", "http://x/%zz", "http://x/a#%zz",
    "http://u@s@er@x/", "http://us er@x/", "http://x/?", "HTTP://X/Y", "http:///x", "///x", "//x/y",
    "http://x/a+b%2Bc?a+b", "http://x:/", "http://:80/", "http://x/ä", "http://x/a%2Fb", "http://x/a;b,c!$'()*",
    "http://x/#a%2Fb", "http://x/#a b", "http://x/a b", "http://user@x", "http://user:@x", "http://:pw@x",
    "https://ǆ.example/ǆ?ǆ#ǆ", "http://x?a#b", "?a=1", "#frag", "http://x/%2e%2E/", "s3://bucket/key with space",
    "http://x:65536/", "http://[::1]:/", "git+ssh://git@github.com:istio/istio.git", "http://x/a\\b", "a/b:c",
    "http://x/?a=1?b=2", "http://x/??", "http://x/#", "http://%41:%42@x/", "http://x%25y/", "http://x/%E2%82%AC",
    "http://x/a&b=c#d&e!f*g(h)[i]", "http://x/#a&b%26c", "http://x/a@b:c$d,e;f=g+h~i"};

inline const std::vector<std::string> kUrlDicts = {
    R"((dict "scheme" "https" "host" "example.com:8443" "path" "/a b/ä" "query" "x=1&y=2" "fragment" "f g"))",
    R"((dict "scheme" "https" "host" "h" "userinfo" "us er:p@ss"))", R"((dict "scheme" "mailto" "opaque" "joe@x"))",
    R"((dict "path" "a:b/c"))", R"((dict "host" "x" "path" "rel"))", R"((dict "scheme" "http" "path" "/p"))",
    R"((dict))", R"((dict "path" "*"))", R"((dict "host" "[fe80::1%en0]:80" "scheme" "http"))",
    R"((dict "host" "a b/c?d#e"))", R"((dict "scheme" 1))", R"((dict "scheme" nil))", R"((dict "host" (list)))",
    R"((dict "userinfo" "a/b" "host" "x"))", R"((dict "userinfo" "%zz" "host" "x"))",
    R"((dict "userinfo" "a%40b:c%3Ad" "host" "x"))", R"((dict "userinfo" "a:b:c" "host" "x"))",
    R"((dict "userinfo" "ǆ" "host" "x"))", R"((dict "userinfo" "a#b" "host" "x"))", R"((dict "userinfo" ":" "host" "x"))",
    R"~((dict "fragment" "a#b!(c)"))~", R"((dict "query" "a b" "scheme" "s"))", R"((dict "host" "h" "path" "/a?b"))",
    R"((dict "opaque" "o" "host" "h" "path" "/p" "query" "q"))", R"((dict "scheme" "HTTP" "host" "H"))",
    R"((dict "path" "/a%2Fb"))", R"((dict "path" "//x"))", R"((dict "scheme" "s" "path" "//x"))",
    R"((dict "fragment" "%zz"))", R"((dict "path" "a b" "host" "h"))", R"((dict "extra" 1 "host" "h"))",
    R"((dict "fragment" "a&b c!*'[]"))", R"((dict "path" "/a&b=c;d@e:f$g,h+i[j]" "host" "h"))"};

inline const std::vector<std::string> kDurations = {
    "2h10m5s", "1h", "61m", "-90s", "1.5us", "1s", "1001ms", "721h", "8761h", "24h", "25h", "2562047h47m16.854775807s",
    "2562047h47m16.854775808s", "-2562047h47m16.854775808s", "1.000000000000000000001h", ".5h1m", "5.h", "1d", "x",
    "", "-0", "+0", "0", "3µs", "3μs", "1h-1m", "1.5.5s", "9223372036854775807ns", "9223372036854775808ns",
    "720h0m1s", "8760h", "8760h1ns", "1e3s", " 1s", "1s "};

inline const std::vector<std::string> kNanos = {"0", "1", "1000000001", "-60000000001", "3600000000000",
                                                "86400000000001", "9223372036854775807", "-9223372036854775808"};

}  // namespace domain

// The calls of those functions over their domain arguments: every version,
// URL, dict and duration once; every constraint against every checked
// version; the methods of *semver.Version on each valid version, and its
// comparisons on pairs drawn from `seed` (with their own generator, so that
// the other functions' cases do not move).
inline std::vector<Case> domain_cases(const std::vector<std::string>& names, std::uint64_t seed) {
  const std::set<std::string, std::less<>> have(names.begin(), names.end());
  std::vector<Case> cases;
  auto add = [&](const std::string& func, const std::string& call) {
    if (have.count(func)) cases.push_back({fmt::format("{{{{ {} }}}}", call), kData, func});
  };
  auto q = [](const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + "\"";
  };
  Rng rng{seed ^ 0x5e3e7ull};
  std::vector<std::string> valid;
  for (const auto& v : domain::kVersions) {
    add("semver", "semver " + q(v));
    if (v.find_first_of(" x.-+V") != 0 && v.size() <= 20 && v.find("..") == std::string::npos) valid.push_back(v);
  }
  for (const auto& v : valid) {
    for (const char* m : {"Major", "Minor", "Patch", "Prerelease", "Metadata", "Original", "String", "IncPatch",
                          "IncMinor", "IncMajor"})
      add("semver", fmt::format("(semver {}).{}", q(v), m));
    for (const char* s : {"", "rc.1", "01", "a_b", "x.y-z"}) {
      add("semver", fmt::format("(semver {}).SetPrerelease {}", q(v), q(s)));
      add("semver", fmt::format("(semver {}).SetMetadata {}", q(v), q(s)));
    }
  }
  for (int k = 0; k < 200 && !valid.empty(); ++k) {
    const char* ops[] = {"LessThan", "LessThanEqual", "GreaterThan", "GreaterThanEqual", "Equal", "Compare"};
    const std::string& a = valid[rng.below(valid.size())];
    const std::string& b = valid[rng.below(valid.size())];
    add("semver", fmt::format("(semver {}).{} (semver {})", q(a), ops[rng.below(std::size(ops))], q(b)));
  }
  for (const auto& c : domain::kConstraints)
    for (const auto& v : domain::kCheckedVersions) add("semverCompare", fmt::format("semverCompare {} {}", q(c), q(v)));
  for (const auto& u : domain::kUrls) {
    add("urlParse", "urlParse " + q(u));
    add("urlJoin", fmt::format("urlJoin (urlParse {})", q(u)));
  }
  for (const auto& d : domain::kUrlDicts) add("urlJoin", "urlJoin " + d);
  for (const auto& d : domain::kDurations) add("durationRound", "durationRound " + q(d));
  for (const auto& n : domain::kNanos) add("durationRound", fmt::format("durationRound (int64 {})", n));
  return cases;
}

// What a generated call's result is piped into, besides being printed:
// where Go's typed nil slices and maps differ from empty ones (encoding/json,
// YAML, %#v, deepEqual, eq) and what reflect says of the result.
inline const std::vector<std::string>& result_probes() {
  static const std::vector<std::string> probes = {
      "toJson", R"(printf "%#v")", "kindOf", "typeOf", "len", "empty", "toYaml", "deepEqual (list)", "eq nil",
  };
  return probes;
}

// For every function name: calls with 0 to 3 arguments, each drawn from
// every kind a template can give (string and number literals, bool, nil,
// data of every JSON shape, a missing key, lists, dicts, string maps),
// plus the same as the last stage of a pipeline; then each of those calls
// again, its result piped into one of result_probes() (drawn from a second
// generator, so that the calls stay those of the first); then printf "%#v"
// of every argument kind, alone, in a list and in a dict.
inline std::vector<Case> generated_cases(const std::vector<std::string>& names, std::uint64_t seed,
                                         int per_function = 14) {
  const std::vector<std::string>& args = argument_pool();
  static const std::vector<std::string> huge = {"9223372036854775807", "-9223372036854775808",
                                                "9223372036854775808", "4294967296"};
  // The same kinds by themselves, so that most functions also get calls
  // their Go signature accepts (a random mix mostly fails in both).
  static const std::vector<std::vector<std::string>> kinds = {
      {R"("")", R"("abc")", R"("ǆ")", R"("Hello wORLD")", R"("-3")", R"("+-3")", R"("42")", R"("a,b,c")", R"("\xff")",
       R"("1.2.3")", R"("a.b")", R"("x/y/z.txt")", ".s", ".e"},
      {"0", "1", "-1", "2", "3", "-7", "255"},
      {"0.5", "-2.5", "3.0", "1e21", ".n", ".f", ".big"},
      {"(list 1 \"a\" nil)", "(list)", "(list \"b\" \"a\" \"b\")", "(list 3 1 2)", ".l", ".ls", ".el"},
      {"(dict \"a\" 1 \"b\" \"x\")", "(dict)", ".m", ".em", ".nest", "(dict \"b\" (dict \"c\" 2))"},
      {"(strdict \"k\" \"v\")", "(strdict)", "(strdict \"a\" \"1\" \"b\" \"\")"},
  };
  // Mixed case, digits, punctuation, connectors, title-case digraphs, CJK
  // (no "alphabet" to xstrings), invalid UTF-8 and U+FFFD; base64, valid
  // (Sprig's encryptAES of "hello world" with "secret") and not.
  static const std::vector<std::string> kWords = {
      R"("HTTPServer")", R"("Bld4Floor3rd")", R"("GO_PATH-x y")", R"("ǅungla ǆemo")", R"("日本語Text")",
      R"("x!!y.z")", R"("  lead_trail  ")", R"("İstanbul ΣΊΣΥΦΟΣ")", R"("__")", R"("\xffAB\xfe")", R"("a\u00a0B\tc")",
      R"("http2xx_HTTP20xOK")", R"("\ufffdX")", R"("secret")", R"("VtomMthGeo1NB+s1h0SC/WE++MkFsNPQ6H2lGG0KXgU=")",
      R"("YWJjZA")", R"("aGk=\n")", R"("MZXW6===")"};
  Rng rng{seed};
  Rng words_rng{seed + 1};
  Rng probe_rng{seed + 1};
  const auto& probes = result_probes();
  std::vector<Case> cases;
  for (const auto& name : names) {
    if (not_generated().count(name)) continue;
    const std::size_t first_case = cases.size();
    const bool sized = sized_by_argument(name);
    std::set<std::string> seen;
    auto add = [&](const std::vector<std::string>& call_args, Rng& r) {
      std::string call = name;
      for (const auto& a : call_args) call += " " + a;
      std::string text = fmt::format("{{{{ {} }}}}", call);
      if (!call_args.empty() && r.below(4) == 0) {
        // The last argument through a pipeline instead.
        std::string head = call.substr(0, call.size() - call_args.back().size() - 1);
        text = fmt::format("{{{{ {} | {} }}}}", call_args.back(), head);
      }
      if (seen.insert(text).second) cases.push_back({text, kData, name});
    };
    for (int k = 0; k < per_function; ++k) {
      std::vector<std::string> call_args(rng.below(4));
      for (auto& arg : call_args)
        arg = !sized && rng.below(12) == 0 ? huge[rng.below(huge.size())] : args[rng.below(args.size())];
      add(call_args, rng);
    }
    for (const auto& kind : kinds) {
      for (std::size_t arity = 1; arity <= 3; ++arity) {
        std::vector<std::string> call_args(arity);
        for (auto& arg : call_args) arg = kind[rng.below(kind.size())];
        add(call_args, rng);
      }
    }
    // Words for the case conversions and text for the codecs, drawn from a
    // generator of their own so that the calls above stay as they were.
    for (std::size_t arity = 1; arity <= 3; ++arity) {
      std::vector<std::string> call_args(arity);
      for (auto& arg : call_args) arg = kWords[words_rng.below(kWords.size())];
      add(call_args, words_rng);
    }
    const std::size_t last_case = cases.size();
    for (std::size_t i = first_case; i < last_case; ++i) {
      // {{ CALL }} -> {{ (CALL) | PROBE }}: a parenthesised pipeline is an operand.
      const std::string& text = cases[i].text;
      std::string call = text.substr(3, text.size() - 6);
      cases.push_back({fmt::format("{{{{ ({}) | {} }}}}", call, probes[probe_rng.below(probes.size())]), kData, name});
    }
  }
  std::set<std::string, std::less<>> every_kind(args.begin(), args.end());
  for (const auto& kind : kinds) every_kind.insert(kind.begin(), kind.end());
  every_kind.insert(huge.begin(), huge.end());
  for (const auto& arg : every_kind) {
    for (const char* form : {R"({{{{ printf "%#v" {} }}}})", R"({{{{ printf "%#v" (list {}) }}}})",
                             R"({{{{ printf "%#v" (dict "k" {}) }}}})"}) {
      cases.push_back({fmt::format(fmt::runtime(form), arg), kData, "printf"});
    }
  }
  for (auto& c : domain_cases(names, seed)) cases.push_back(std::move(c));
  return cases;
}

// The differences kinject keeps for now, each with why. The test fails if
// one of them stops differing (then it is fixed and leaves this table).
// Empty since Go's nil slices and maps, %#v (Value::nil_list/nil_map,
// fmt.cpp) and pointer identity (Value::same_object) were written.
inline const std::map<std::string, std::string>& expected_differences() {
  static const std::map<std::string, std::string> table = {};
  return table;
}

}  // namespace kinject::test::sprig
