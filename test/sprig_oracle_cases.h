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
      "must_date_modify", "htmlDate", "htmlDateInZone", "toDate", "mustToDate", "unixEpoch", "durationRound",
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
  Rng rng{seed};
  Rng probe_rng{seed + 1};
  const auto& probes = result_probes();
  std::vector<Case> cases;
  for (const auto& name : names) {
    if (not_generated().count(name)) continue;
    const std::size_t first_case = cases.size();
    const bool sized = sized_by_argument(name);
    std::set<std::string> seen;
    auto add = [&](const std::vector<std::string>& call_args) {
      std::string call = name;
      for (const auto& a : call_args) call += " " + a;
      std::string text = fmt::format("{{{{ {} }}}}", call);
      if (!call_args.empty() && rng.below(4) == 0) {
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
      add(call_args);
    }
    for (const auto& kind : kinds) {
      for (std::size_t arity = 1; arity <= 3; ++arity) {
        std::vector<std::string> call_args(arity);
        for (auto& arg : call_args) arg = kind[rng.below(kind.size())];
        add(call_args);
      }
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
  return cases;
}

// The differences kinject keeps for now, each with why. The test fails if
// one of them stops differing (then it is fixed and leaves this table).
// Empty since Go's nil slices and maps and %#v (Value::nil_list/nil_map,
// fmt.cpp) were written.
inline const std::map<std::string, std::string>& expected_differences() {
  static const std::map<std::string, std::string> table = {};
  return table;
}

}  // namespace kinject::test::sprig
