// Sprig 3.3.0's functions that kinject added for issue 27, family by
// family, and the functions it refuses by name at parse time.
//
// Every expected value below is Go's: each expression was rendered with a
// tiny Go program (Go 1.26, text/template with github.com/Masterminds/sprig/v3
// v3.3.0's TxtFuncMap, nil data) and its output, or the text after
// "error calling NAME: " of its error, copied here. None comes from
// kinject. Templates render with Sprig's table alone (sprig_funcs()).
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "kinject/gofuncs/sprig.h"
#include "kinject/gotemplate/template.h"
#include "sprig_go_cases.h"

using namespace kinject::tmpl;
using kinject::test::sprig::check_cases;

TEST_CASE("sprig regexMatch, regexFind, regexFindAll, regexReplaceAll, regexReplaceAllLiteral, regexSplit, regexQuoteMeta and their must forms (Go regexp on RE2): as Go renders them", "[funcs][sprig]") {
  check_cases({
    {"{{ regexMatch \"^[a-z]+$\" \"abc\" }}", false, "true"},
    {"{{ regexMatch \"(\" \"abc\" }}", false, "false"},
    {"{{ mustRegexMatch \"(\" \"abc\" }}", true, "error parsing regexp: missing closing ): `(`"},
    {"{{ regexFind \"[0-9]+\" \"ab12cd345\" }}", false, "12"},
    {"{{ regexFind \"x\" \"abc\" }}", false, ""},
    {"{{ regexFindAll \"[0-9]+\" \"a1b22c333\" -1 }}", false, "[1 22 333]"},
    {"{{ regexFindAll \"[0-9]+\" \"a1b22c333\" 2 }}", false, "[1 22]"},
    {"{{ regexFindAll \"[0-9]+\" \"a1b22c333\" 0 }}", false, "[]"},
    {"{{ regexFindAll \"x*\" \"abc\" -1 }}", false, "[   ]"},
    {"{{ regexFindAll \"a*\" \"baaab\" -1 }}", false, "[ aaa ]"},
    {"{{ regexFindAll \"\\\\pL+\" \"h\xc3\xa9llo w\xc3\xb6rld 123\" -1 }}", false, "[h\xc3\xa9llo w\xc3\xb6rld]"},
    {"{{ regexFindAll \"(?i)ABC\" \"abc ABC aBc\" -1 }}", false, "[abc ABC aBc]"},
    {"{{ regexFindAll \".\" \"\xe6\x97\xa5\xe6\x9c\xac\" -1 }}", false, "[\xe6\x97\xa5 \xe6\x9c\xac]"},
    {"{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }}", false, "-W-xxW-"},
    {"{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"$1W\" }}", false, "---"},
    {"{{ regexReplaceAll \"(?P<first>\\\\w+) (?P<last>\\\\w+)\" \"John Smith\" \"${last}, $first\" }}", false, "Smith, John"},
    {"{{ regexReplaceAll \"a*\" \"baaac\" \"X\" }}", false, "XbXcX"},
    {"{{ regexReplaceAll \"\" \"abc\" \"-\" }}", false, "-a-b-c-"},
    {"{{ regexReplaceAll \"x*\" \"\xe6\x97\xa5\xe6\x9c\xac\" \"-\" }}", false, "-\xe6\x97\xa5-\xe6\x9c\xac-"},
    {"{{ regexReplaceAll \"a\" \"aaa\" \"$$\" }}", false, "$$$"},
    {"{{ regexReplaceAll \"a\" \"aaa\" \"${\" }}", false, "${${${"},
    {"{{ regexReplaceAll \"(a)\" \"aaa\" \"$10\" }}", false, ""},
    {"{{ regexReplaceAll \"(a)\" \"aaa\" \"${1}0\" }}", false, "a0a0a0"},
    {"{{ regexReplaceAllLiteral \"a(x*)b\" \"-ab-axxb-\" \"${1}\" }}", false, "-${1}-${1}-"},
    {"{{ regexReplaceAll \"[\" \"x\" \"y\" }}", true, "regexp: Compile(`[`): error parsing regexp: missing closing ]: `[`"},
    {"{{ mustRegexReplaceAll \"[\" \"x\" \"y\" }}", true, "error parsing regexp: missing closing ]: `[`"},
    {"{{ regexSplit \"a\" \"banana\" -1 }}", false, "[b n n ]"},
    {"{{ regexSplit \"a\" \"banana\" 2 }}", false, "[b nana]"},
    {"{{ regexSplit \"a\" \"banana\" 0 }}", false, "[]"},
    {"{{ regexSplit \"\" \"abc\" -1 }}", false, "[a b c]"},
    {"{{ regexSplit \"x*\" \"axbxc\" -1 }}", false, "[a b c]"},
    {"{{ regexSplit \"a\" \"\" -1 }}", false, "[]"},
    {"{{ regexSplit \"z+\" \"pizza\" -1 }}", false, "[pi a]"},
    {"{{ regexQuoteMeta \"1.5-2.0?[x]{a}^$\\\\|\" }}", false, "1\\.5-2\\.0\\?\\[x\\]\\{a\\}\\^\\$\\\\\\|"},
    {"{{ regexMatch \"\\\\bfoo\\\\b\" \"a foo b\" }}", false, "true"},
    {"{{ regexFind \"a+?\" \"aaa\" }}", false, "a"},
    {"{{ regexMatch \"a{1001}\" \"a\" }}", false, "false"},
    {"{{ mustRegexMatch \"a{1001}\" \"a\" }}", true, "error parsing regexp: invalid repeat count: `{1001}`"},
    {"{{ mustRegexFind \"(?P<n\" \"a\" }}", true, "error parsing regexp: invalid named capture: `(?P<n`"},
    {"{{ mustRegexFind \"a**\" \"a\" }}", true, "error parsing regexp: invalid nested repetition operator: `**`"},
    {"{{ mustRegexFind \"\\\\8\" \"a\" }}", true, "error parsing regexp: invalid escape sequence: `\\8`"},
    {"{{ mustRegexFind \"x)\" \"a\" }}", true, "error parsing regexp: unexpected ): `x)`"},
    {"{{ mustRegexFind \"[z-a]\" \"a\" }}", true, "error parsing regexp: invalid character class range: `z-a`"},
    {"{{ mustRegexFind \"\\\\\" \"a\" }}", true, "error parsing regexp: trailing backslash at end of expression: ``"},
    {"{{ mustRegexFind \"*\" \"a\" }}", true, "error parsing regexp: missing argument to repetition operator: `*`"},
    {"{{ mustRegexFind \"(?z)\" \"a\" }}", true, "error parsing regexp: invalid or unsupported Perl syntax: `(?z`"},
    {"{{ mustRegexFind \"[[:foo:]]\" \"a\" }}", true, "error parsing regexp: invalid character class range: `[:foo:]`"},
    {"{{ regexFindAll \"^\" \"ab\" -1 }}", false, "[]"},
    {"{{ regexFindAll \"$\" \"ab\" -1 }}", false, "[]"},
    {"{{ regexFindAll \"(?m)^a\" \"a\\na\" -1 }}", false, "[a a]"},
    {"{{ regexReplaceAll \"(?s)a.b\" \"a\\nb\" \"X\" }}", false, "X"},
    {"{{ regexReplaceAll \"a.b\" \"a\\nb\" \"X\" }}", false, "a\nb"},
    {"{{ regexReplaceAll \"[^x]\" \"a\\nb\" \"X\" }}", false, "XXX"},
    {"{{ regexFindAll \"\\\\d\" \"1\xd9\xa3""2\" -1 }}", false, "[1 2]"},
    {"{{ regexFindAll \"[[:alpha:]]+\" \"ab1cd\" -1 }}", false, "[ab cd]"},
    {"{{ regexFindAll \"\\\\x{65e5}\" \"\xe6\x97\xa5\xe6\x9c\xac\xe6\x97\xa5\" -1 }}", false, "[\xe6\x97\xa5 \xe6\x97\xa5]"},
    {"{{ regexReplaceAll \"b\" \"a\\xffb\" \"X\" }}", false, "a\xffX"},
    {"{{ regexFindAll \"\" \"a\\xffb\" -1 }}", false, "[   ]"},
    {"{{ regexReplaceAll \"(a)|b\" \"ab\" \"[$1]\" }}", false, "[a][]"},
    {"{{ regexReplaceAll \"(?P<x>a)\" \"a\" \"${x}$xx\" }}", false, "a"},
    {"{{ regexReplaceAll \"a\" \"a\" \"$\xc3\xa9\" }}", false, ""},
  });
}

TEST_CASE("sprig sha1sum, sha512sum, adler32sum, b32enc, b32dec: as Go renders them", "[funcs][sprig]") {
  check_cases({
    {"{{ sha1sum \"\" }}", false, "da39a3ee5e6b4b0d3255bfef95601890afd80709"},
    {"{{ sha1sum \"abc\" }}", false, "a9993e364706816aba3e25717850c26c9cd0d89d"},
    {"{{ sha1sum \"The quick brown fox jumps over the lazy dog\" }}", false, "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"},
    {"{{ sha512sum \"\" }}", false, "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"},
    {"{{ sha512sum \"abc\" }}", false, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"},
    {"{{ sha512sum \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" }}", false, "dd5ff1c06a5c050e778a691568814b4db5f09682b40636ea9e13c0552a513e49241934f1027b774b81e8aba4cced4f55c2124eb1dccae7e5c9fb09d9c7206a3e"},
    {"{{ sha1sum \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" }}", false, "0098ba824b5c16427bd7a1122a5a442a25ec644d"},
    {"{{ adler32sum \"\" }}", false, "1"},
    {"{{ adler32sum \"Wikipedia\" }}", false, "300286872"},
    {"{{ adler32sum \"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\x86\xe3\x82\xad\xe3\x82\xb9\xe3\x83\x88\" }}", false, "3575779485"},
    {"{{ b32enc \"\" }}", false, ""},
    {"{{ b32enc \"f\" }}", false, "MY======"},
    {"{{ b32enc \"fo\" }}", false, "MZXQ===="},
    {"{{ b32enc \"foo\" }}", false, "MZXW6==="},
    {"{{ b32enc \"foob\" }}", false, "MZXW6YQ="},
    {"{{ b32enc \"fooba\" }}", false, "MZXW6YTB"},
    {"{{ b32enc \"foobar\" }}", false, "MZXW6YTBOI======"},
    {"{{ b32dec \"MZXW6YTBOI======\" }}", false, "foobar"},
    {"{{ b32dec \"MZXW6YTB\" }}", false, "fooba"},
    {"{{ b32dec \"MZXW6===\" }}", false, "foo"},
    {"{{ b32dec \"MZXW6\" }}", false, "illegal base32 data at input byte 0"},
    {"{{ b32dec \"MZXW6==\" }}", false, "illegal base32 data at input byte 7"},
    {"{{ b32dec \"MZ======\" }}", false, "f"},
    {"{{ b32dec \"M=======\" }}", false, "illegal base32 data at input byte 1"},
    {"{{ b32dec \"MZX=====\" }}", false, "illegal base32 data at input byte 3"},
    {"{{ b32dec \"mzxw6===\" }}", false, "illegal base32 data at input byte 0"},
    {"{{ b32dec \"MZXW\\n6===\" }}", false, "foo"},
    {"{{ b32dec \"MZ======MZ======\" }}", false, "illegal base32 data at input byte 2"},
    {"{{ b32dec \"MZXW6=A=\" }}", false, "illegal base32 data at input byte 5"},
    {"{{ b32dec \"\" }}", false, ""},
  });
}

TEST_CASE("sprig base, dir, clean, ext, isAbs and the os* forms: as Go renders them", "[funcs][sprig]") {
  check_cases({
    {"{{ base \"/a/b/c\" }}", false, "c"},
    {"{{ base \"/a/b/c/\" }}", false, "c"},
    {"{{ base \"\" }}", false, "."},
    {"{{ base \"///\" }}", false, "/"},
    {"{{ base \"c\" }}", false, "c"},
    {"{{ dir \"/a/b/c\" }}", false, "/a/b"},
    {"{{ dir \"a/b\" }}", false, "a"},
    {"{{ dir \"a\" }}", false, "."},
    {"{{ dir \"\" }}", false, "."},
    {"{{ dir \"/\" }}", false, "/"},
    {"{{ dir \"//a//b//\" }}", false, "/a/b"},
    {"{{ clean \"a/../../b/./c//\" }}", false, "../b/c"},
    {"{{ clean \"/../a/..\" }}", false, "/"},
    {"{{ clean \"\" }}", false, "."},
    {"{{ clean \"./\" }}", false, "."},
    {"{{ clean \"a/b/../../..\" }}", false, ".."},
    {"{{ clean \"../../x\" }}", false, "../../x"},
    {"{{ clean \"/a/b/..\" }}", false, "/a"},
    {"{{ ext \"a/b.tar.gz\" }}", false, ".gz"},
    {"{{ ext \"a.b/c\" }}", false, ""},
    {"{{ ext \"noext\" }}", false, ""},
    {"{{ ext \"a/.\" }}", false, "."},
    {"{{ isAbs \"/x\" }}", false, "true"},
    {"{{ isAbs \"x\" }}", false, "false"},
    {"{{ isAbs \"\" }}", false, "false"},
    {"{{ osBase \"/a/b\" }}", false, "b"},
    {"{{ osDir \"/a/b\" }}", false, "/a"},
    {"{{ osClean \"a//b\" }}", false, "a/b"},
    {"{{ osExt \"x.y\" }}", false, ".y"},
    {"{{ osIsAbs \"/\" }}", false, "true"},
  });
}

TEST_CASE("sprig abbrev, abbrevboth, initials, wrap, wrapWith, plural, splitn, hello: as Go renders them", "[funcs][sprig]") {
  check_cases({
    {"{{ abbrev 5 \"hello world\" }}", false, "he..."},
    {"{{ abbrev 3 \"hello world\" }}", false, "hello world"},
    {"{{ abbrev 20 \"hello world\" }}", false, "hello world"},
    {"{{ abbrev 4 \"hello\" }}", false, "h..."},
    {"{{ abbrev 4 \"h\xc3\xa9llo\" }}", false, "h..."},
    {"{{ abbrevboth 5 10 \"1234 5678 9123\" }}", false, "...5678..."},
    {"{{ abbrevboth 0 4 \"abcdefghij\" }}", false, "a..."},
    {"{{ abbrevboth 10 7 \"abcdefghijklmno\" }}", false, "...k..."},
    {"{{ abbrevboth 4 10 \"abcdefghijklmno\" }}", false, "abcdefg..."},
    {"{{ abbrevboth 5 10 \"abcdefghijklmno\" }}", false, "...fghi..."},
    {"{{ abbrevboth 20 10 \"abcdefghijklmno\" }}", false, "...ijklmno"},
    {"{{ abbrevboth 1 6 \"abcdefghijklmno\" }}", false, "abcdefghijklmno"},
    {"{{ abbrevboth -5 10 \"abcdefghijklmno\" }}", false, "abcdefg..."},
    {"{{ abbrevboth 10 8 \"abcdefghijklmnopqrstuvwxyz\" }}", false, "...kl..."},
    {"{{ initials \"First Try\" }}", false, "FT"},
    {"{{ initials \"  hello   big world \" }}", false, "hbw"},
    {"{{ initials \"\xc3\xa9lan vital\" }}", false, "\xc3\x83v"},
    {"{{ initials \"\" }}", false, ""},
    {"{{ initials \"a\\tb\\nc\" }}", false, "abc"},
    {"{{ wrap 5 \"Hello World\" }}", false, "Hello\nWorld"},
    {"{{ wrap 5 \"Hello   World  there\" }}", false, "Hello\nWorld\nthere"},
    {"{{ wrap 3 \"abcdefgh ij\" }}", false, "abcdefgh\nij"},
    {"{{ wrap 0 \"a b c\" }}", false, "a\nb\nc"},
    {"{{ wrap 10 \"\" }}", false, ""},
    {"{{ wrap 100 \"short\" }}", false, "short"},
    {"{{ wrapWith 5 \"\\t\" \"Hello World\" }}", false, "Hello\tWorld"},
    {"{{ wrapWith 3 \"|\" \"abcdefgh ij\" }}", false, "abc|def|gh|ij"},
    {"{{ wrapWith -1 \"\" \"ab\" }}", false, "a\nb"},
    {"{{ plural \"one\" \"many\" 1 }}", false, "one"},
    {"{{ plural \"one\" \"many\" 2 }}", false, "many"},
    {"{{ plural \"one\" \"many\" 0 }}", false, "many"},
    {"{{ splitn \"$\" 2 \"foo$bar$baz\" }}", false, "map[_0:foo _1:bar$baz]"},
    {"{{ splitn \"$\" -1 \"foo$bar$baz\" }}", false, "map[_0:foo _1:bar _2:baz]"},
    {"{{ splitn \"$\" 0 \"foo$bar$baz\" }}", false, "map[]"},
    {"{{ splitn \"\" 2 \"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\" }}", false, "map[_0:\xe6\x97\xa5 _1:\xe6\x9c\xac\xe8\xaa\x9e]"},
    {"{{ splitn \"\" 10 \"ab\" }}", false, "map[_0:a _1:b]"},
    {"{{ splitn \",\" 5 \"\" }}", false, "map[_0:]"},
    {"{{ hello }}", false, "Hello!"},
  });
}

TEST_CASE("sprig tuple, slice, chunk, dig, deepEqual, deepCopy, typeIsLike: as Go renders them", "[funcs][sprig]") {
  check_cases({
    {"{{ tuple 1 \"a\" nil }}", false, "[1 a <nil>]"},
    {"{{ slice (list 1 2 3) 1 }}", false, "[2 3]"},
    {"{{ slice (list 1 2 3) 1 2 }}", false, "[2]"},
    {"{{ slice (list 1 2 3) }}", false, "[1 2 3]"},
    {"{{ slice (list) }}", false, "<no value>"},
    {"{{ slice \"abc\" 1 }}", true, "list should be type of slice or array but string"},
    {"{{ slice (list 1 2 3) 2 1 }}", true, "reflect.Value.Slice: slice index out of bounds"},
    {"{{ slice (list 1 2 3) 0 4 }}", true, "reflect.Value.Slice: slice index out of bounds"},
    {"{{ slice (list 1 2 3) -1 }}", true, "reflect.Value.Slice: slice index out of bounds"},
    {"{{ mustSlice (list 1 2 3) 1 }}", false, "[2 3]"},
    {"{{ slice (splitList \",\" \"a,b,c\") 1 | typeOf }}", false, "[]string"},
    {"{{ slice nil }}", true, "runtime error: invalid memory address or nil pointer dereference"},
    {"{{ chunk 2 (list 1 2 3 4 5) }}", false, "[[1 2] [3 4] [5]]"},
    {"{{ chunk 2 (list 1 2 3 4) }}", false, "[[1 2] [3 4]]"},
    {"{{ chunk 2 (list) }}", false, "[]"},
    {"{{ chunk 10 (list 1 2) }}", false, "[[1 2]]"},
    {"{{ chunk 0 (list 1 2) }}", true, "runtime error: makeslice: len out of range"},
    {"{{ chunk -1 (list 1 2) }}", false, "[]"},
    {"{{ chunk -1 (list) }}", true, "runtime error: makeslice: len out of range"},
    {"{{ chunk 0 (list) }}", true, "runtime error: makeslice: len out of range"},
    {"{{ chunk 2 \"abc\" }}", true, "Cannot chunk type string"},
    {"{{ mustChunk 2 (list 1 2 3) }}", false, "[[1 2] [3]]"},
    {"{{ dig \"a\" \"b\" \"def\" (dict \"a\" (dict \"b\" 1)) }}", false, "1"},
    {"{{ dig \"a\" \"x\" \"def\" (dict \"a\" (dict \"b\" 1)) }}", false, "def"},
    {"{{ dig \"a\" \"b\" \"def\" (dict \"a\" 1) }}", true, "interface conversion: interface {} is int, not map[string]interface {}"},
    {"{{ dig \"a\" \"def\" (dict) }}", false, "def"},
    {"{{ dig \"a\" \"def\" }}", true, "dig needs at least three arguments"},
    {"{{ dig \"a\" \"def\" \"notamap\" }}", true, "interface conversion: interface {} is string, not map[string]interface {}"},
    {"{{ dig 1 \"def\" (dict) }}", true, "interface conversion: interface {} is int, not string"},
    {"{{ dig \"a\" \"def\" nil }}", true, "interface conversion: interface {} is nil, not map[string]interface {}"},
    {"{{ deepEqual (list 1 2) (list 1 2) }}", false, "true"},
    {"{{ deepEqual (list 1 2) (list 1 \"2\") }}", false, "false"},
    {"{{ deepEqual 1 1.0 }}", false, "false"},
    {"{{ deepEqual (dict \"a\" 1) (dict \"a\" 1) }}", false, "true"},
    {"{{ deepEqual nil nil }}", false, "true"},
    {"{{ deepCopy (dict \"a\" (list 1 2)) }}", false, "map[a:[1 2]]"},
    {"{{ deepCopy nil }}", true, "reflect: call of reflect.Value.Type on zero Value"},
    {"{{ mustDeepCopy nil }}", true, "reflect: call of reflect.Value.Type on zero Value"},
    {"{{ $d := dict \"a\" 1 }}{{ $c := deepCopy $d }}{{ $_ := set $c \"b\" 2 }}{{ $d }} {{ $c }}", false, "map[a:1] map[a:1 b:2]"},
    {"{{ typeIsLike \"string\" \"x\" }}", false, "true"},
    {"{{ typeIsLike \"int\" 1 }}", false, "true"},
    {"{{ typeIsLike \"map[string]interface {}\" (dict) }}", false, "true"},
    {"{{ typeIsLike \"float64\" 1 }}", false, "false"},
    {"{{ chunk -2 (list 1) }}", false, "[[1]]"},
    {"{{ chunk -5 (list 1) }}", false, "[[1]]"},
    {"{{ chunk -2 (list 1 2 3) }}", false, "[]"},
    {"{{ chunk -3 (list 1 2) }}", false, "[]"},
    {"{{ chunk 0 (list 1) }}", true, "runtime error: makeslice: len out of range"},
    {"{{ chunk 3 (list 1 2 3 4 5 6 7) }}", false, "[[1 2 3] [4 5 6] [7]]"},
  });
}

TEST_CASE("sprig maxf, minf, ceil, floor, round, toDecimal, untilStep, seq, duration, biggest: as Go renders them", "[funcs][sprig]") {
  check_cases({
    {"{{ maxf 1 2.5 \"3\" }}", false, "3"},
    {"{{ minf 1 2.5 -3 }}", false, "-3"},
    {"{{ maxf 1 }}", false, "1"},
    {"{{ ceil 1.2 }}", false, "2"},
    {"{{ ceil -1.2 }}", false, "-1"},
    {"{{ floor 1.8 }}", false, "1"},
    {"{{ floor \"-1.2\" }}", false, "-2"},
    {"{{ round 123.555555 3 }}", false, "123.556"},
    {"{{ round 123.5 0 }}", false, "124"},
    {"{{ round -2.5 0 }}", false, "-3"},
    {"{{ round 2.4 0 0.3 }}", false, "3"},
    {"{{ round 1.005 2 }}", false, "1"},
    {"{{ round \"3.14159\" 2 }}", false, "3.14"},
    {"{{ toDecimal \"0777\" }}", false, "511"},
    {"{{ toDecimal \"777\" }}", false, "511"},
    {"{{ toDecimal 777 }}", false, "511"},
    {"{{ toDecimal \"8\" }}", false, "0"},
    {"{{ toDecimal \"-17\" }}", false, "-15"},
    {"{{ toDecimal \"+17\" }}", false, "15"},
    {"{{ toDecimal \"\" }}", false, "0"},
    {"{{ toDecimal \"1_0\" }}", false, "0"},
    {"{{ toDecimal \"1000000000000000000000\" }}", false, "0"},
    {"{{ toDecimal \"777777777777777777777\" }}", false, "9223372036854775807"},
    {"{{ toDecimal \"1777777777777777777777\" }}", false, "0"},
    {"{{ toDecimal \"-1000000000000000000000\" }}", false, "-9223372036854775808"},
    {"{{ toDecimal 1.5 }}", false, "0"},
    {"{{ untilStep 0 10 3 }}", false, "[0 3 6 9]"},
    {"{{ untilStep 10 0 -3 }}", false, "[10 7 4 1]"},
    {"{{ untilStep 0 10 -1 }}", false, "[]"},
    {"{{ untilStep 0 0 1 }}", false, "[]"},
    {"{{ untilStep 10 0 0 }}", false, "[]"},
    {"{{ seq 5 }}", false, "1 2 3 4 5"},
    {"{{ seq -3 }}", false, "1 0 -1 -2 -3"},
    {"{{ seq 0 }}", false, "1 0"},
    {"{{ seq 1 }}", false, "1"},
    {"{{ seq 2 5 }}", false, "2 3 4 5"},
    {"{{ seq 5 2 }}", false, "5 4 3 2"},
    {"{{ seq 0 2 10 }}", false, "0 2 4 6 8 10"},
    {"{{ seq 10 -2 0 }}", false, "10 8 6 4 2 0"},
    {"{{ seq 10 2 0 }}", false, ""},
    {"{{ seq 0 -2 10 }}", false, ""},
    {"{{ seq }}", false, ""},
    {"{{ seq 1 2 3 4 }}", false, ""},
    {"{{ duration \"90\" }}", false, "1m30s"},
    {"{{ duration 90 }}", false, "0s"},
    {"{{ duration \"abc\" }}", false, "0s"},
    {"{{ duration \"-3600\" }}", false, "-1h0m0s"},
    {"{{ duration \"9223372036854775807\" }}", false, "-1s"},
    {"{{ biggest 1 5 3 }}", false, "5"},
  });
}

TEST_CASE("sprig the must* forms of list, dict and JSON functions: as Go renders them", "[funcs][sprig]") {
  check_cases({
    {"{{ mustFirst (list 1 2) }}", false, "1"},
    {"{{ mustFirst \"x\" }}", true, "Cannot find first on type string"},
    {"{{ first \"x\" }}", true, "Cannot find first on type string"},
    {"{{ mustToJson (dict \"a\" 1) }}", false, "{\"a\":1}"},
    {"{{ mustToPrettyJson (dict \"a\" 1) }}", false, "{\n  \"a\": 1\n}"},
    {"{{ mustToRawJson (dict \"a\" \"<b>\") }}", false, "{\"a\":\"<b>\"}"},
    {"{{ mustFromJson \"{\\\"a\\\": 1}\" }}", false, "map[a:1]"},
    {"{{ mustFromJson \"{bad\" }}", true, "invalid character 'b' looking for beginning of object key string"},
    {"{{ mustFromJson \"[1,2]\" }}", false, "[1 2]"},
    {"{{ mustToJson (maxf 1 \"NaN\") }}", true, "json: unsupported value: NaN"},
    {"{{ mustMerge (dict \"a\" 1) (dict \"b\" 2) }}", false, "map[a:1 b:2]"},
    {"{{ mustPush (list 1) 2 }}", false, "[1 2]"},
    {"{{ mustCompact (list 0 1 \"\" 2) }}", false, "[1 2]"},
  });
}

TEST_CASE("sprig addf, add1f, subf, mulf, divf: exact decimals as shopspring/decimal, as Go renders them", "[funcs][sprig]") {
  check_cases({
    {"{{ addf 0.1 0.2 }}", false, "0.3"},
    {"{{ addf 1 2 3 }}", false, "6"},
    {"{{ addf }}", false, "0"},
    {"{{ addf 1.5 \"2.25\" }}", false, "3.75"},
    {"{{ addf 1e300 1e-300 }}", false, "1e+300"},
    {"{{ addf -0.1 0.1 }}", false, "0"},
    {"{{ add1f 0.1 }}", false, "1.1"},
    {"{{ add1f \"x\" }}", false, "1"},
    {"{{ subf 1 0.9 }}", false, "0.1"},
    {"{{ subf 10 1 2 3 }}", false, "4"},
    {"{{ subf 5 }}", false, "5"},
    {"{{ mulf 0.1 3 }}", false, "0.3"},
    {"{{ mulf 1.1 1.1 1.1 }}", false, "1.331"},
    {"{{ mulf -2 0.5 }}", false, "-1"},
    {"{{ mulf 1e200 1e200 }}", false, "+Inf"},
    {"{{ mulf 1e-200 1e-200 }}", false, "0"},
    {"{{ divf 1 3 }}", false, "0.3333333333333333"},
    {"{{ divf 2 3 }}", false, "0.6666666666666667"},
    {"{{ divf -2 3 }}", false, "-0.6666666666666667"},
    {"{{ divf 10 4 }}", false, "2.5"},
    {"{{ divf 1 0 }}", true, "decimal division by 0"},
    {"{{ divf 0 5 }}", false, "0"},
    {"{{ divf 1e300 1e-300 }}", false, "+Inf"},
    {"{{ divf 1e-300 1e300 }}", false, "0"},
    {"{{ divf 1 3 3 }}", false, "0.1111111111111111"},
    {"{{ divf 100 7 2 }}", false, "7.142857142857143"},
    {"{{ divf 5e-17 1 }}", false, "1e-16"},
    {"{{ divf 1.5e-16 3 }}", false, "1e-16"},
    {"{{ addf (maxf 1 \"NaN\") 1 }}", true, "Cannot create a Decimal from NaN"},
    {"{{ mulf 123456789.123 987654321.987 }}", false, "1.219326313559686e+17"},
    {"{{ subf 0.3 0.1 0.1 0.1 }}", false, "0"},
    {"{{ addf 9007199254740993 1 }}", false, "9.007199254740992e+15"},
    {"{{ divf 22 7 }}", false, "3.142857142857143"},
    {"{{ addf 5e-324 5e-324 }}", false, "1e-323"},
    {"{{ mulf 1.7976931348623157e308 10 }}", false, "+Inf"},
  });
}

// Sprig 3.3.0's TxtFuncMap, every key (211, "hello" included), as the Go
// program above printed them: what Istio gives every injection template.
const std::vector<std::string_view> kSprigNames = {
      "abbrev", "abbrevboth", "add", "add1", "add1f", "addf", "adler32sum", "ago", "all", "any", "append", "atoi",
      "b32dec", "b32enc", "b64dec", "b64enc", "base", "bcrypt", "biggest", "buildCustomCert", "camelcase", "cat",
      "ceil", "chunk", "clean", "coalesce", "compact", "concat", "contains", "date", "dateInZone", "dateModify",
      "date_in_zone", "date_modify", "decryptAES", "deepCopy", "deepEqual", "default", "derivePassword", "dict",
      "dig", "dir", "div", "divf", "duration", "durationRound", "empty", "encryptAES", "env", "expandenv", "ext",
      "fail", "first", "float64", "floor", "fromJson", "genCA", "genCAWithKey", "genPrivateKey", "genSelfSignedCert",
      "genSelfSignedCertWithKey", "genSignedCert", "genSignedCertWithKey", "get", "getHostByName", "has", "hasKey",
      "hasPrefix", "hasSuffix", "hello", "htmlDate", "htmlDateInZone", "htpasswd", "indent", "initial", "initials",
      "int", "int64", "isAbs", "join", "kebabcase", "keys", "kindIs", "kindOf", "last", "list", "lower", "max",
      "maxf", "merge", "mergeOverwrite", "min", "minf", "mod", "mul", "mulf", "mustAppend", "mustChunk",
      "mustCompact", "mustDateModify", "mustDeepCopy", "mustFirst", "mustFromJson", "mustHas", "mustInitial",
      "mustLast", "mustMerge", "mustMergeOverwrite", "mustPrepend", "mustPush", "mustRegexFind", "mustRegexFindAll",
      "mustRegexMatch", "mustRegexReplaceAll", "mustRegexReplaceAllLiteral", "mustRegexSplit", "mustRest",
      "mustReverse", "mustSlice", "mustToDate", "mustToJson", "mustToPrettyJson", "mustToRawJson", "mustUniq",
      "mustWithout", "must_date_modify", "nindent", "nospace", "now", "omit", "osBase", "osClean", "osDir", "osExt",
      "osIsAbs", "pick", "pluck", "plural", "prepend", "push", "quote", "randAlpha", "randAlphaNum", "randAscii",
      "randBytes", "randInt", "randNumeric", "regexFind", "regexFindAll", "regexMatch", "regexQuoteMeta",
      "regexReplaceAll", "regexReplaceAllLiteral", "regexSplit", "repeat", "replace", "rest", "reverse", "round",
      "semver", "semverCompare", "seq", "set", "sha1sum", "sha256sum", "sha512sum", "shuffle", "slice", "snakecase",
      "sortAlpha", "split", "splitList", "splitn", "squote", "sub", "subf", "substr", "swapcase", "ternary", "title",
      "toDate", "toDecimal", "toJson", "toPrettyJson", "toRawJson", "toString", "toStrings", "trim", "trimAll",
      "trimPrefix", "trimSuffix", "trimall", "trunc", "tuple", "typeIs", "typeIsLike", "typeOf", "uniq", "unixEpoch",
      "unset", "until", "untilStep", "untitle", "upper", "urlJoin", "urlParse", "uuidv4", "values", "without", "wrap",
      "wrapWith",
};

TEST_CASE("a template calling any Sprig function parses: each name is a function or refused with a reason (issue 27: 122 were 'not defined')",
          "[funcs][sprig]") {
  const FuncMap funcs = sprig_funcs();
  std::size_t present = 0, refused = 0;
  for (auto name : kSprigNames) {
    INFO(name);
    bool is_function = funcs.contains(name);
    const std::string* why = funcs.refusal(name);
    CHECK(is_function != (why != nullptr));
    if (why) CHECK(why->size() > 40);  // a reason and what to do instead, not just a name
    present += is_function ? 1 : 0;
    refused += why ? 1 : 0;
  }
  CHECK(kSprigNames.size() == 211);
  CHECK(present + refused == kSprigNames.size());
}

TEST_CASE("refused functions fail at parse time, with line:column and what to do instead", "[funcs][sprig]") {
  const FuncMap funcs = sprig_funcs();
  auto parse_error = [&](std::string_view text) -> std::string {
    try {
      Template::parse("sidecar", text, funcs);
    } catch (const TemplateError& e) {
      return e.what();
    }
    return "<no error>";
  };
  // In a branch that never runs: refused all the same, before rendering.
  CHECK(parse_error("a: 1\n{{ if false }}\n  b: {{ now | date \"2006\" }}{{ end }}") ==
        "template: sidecar:3:8: function \"now\" is refused: it reads the clock, so two runs would render different "
        "manifests; put the time the manifest should carry in a value (--set, values file) and use it as a string");
  CHECK_THAT(parse_error("{{ randAlphaNum 8 }}"), Catch::Matchers::StartsWith("template: sidecar:1:3: function \"randAlphaNum\" is refused: its result is random"));
  CHECK_THAT(parse_error("{{ genCA \"x\" 365 }}"), Catch::Matchers::Contains("is refused: it generates keys"));
  CHECK_THAT(parse_error("{{ getHostByName \"example.com\" }}"), Catch::Matchers::Contains("asks DNS"));
  CHECK_THAT(parse_error("{{ expandenv \"$HOME\" }}"), Catch::Matchers::Contains("process environment"));
  CHECK_THAT(parse_error("{{ \"x\" | toDate \"2006\" }}"), Catch::Matchers::Contains("local time zone"));
  // A name no table has is still Go's error.
  CHECK(parse_error("{{ nosuch }}") == "template: sidecar:1: function \"nosuch\" not defined");
  // A function defined later (Istio's own env over Sprig's) replaces the refusal.
  FuncMap f = sprig_funcs();
  f.set("env", {{}, std::nullopt, [](std::span<const Value>) { return Value::string("istio's env"); }});
  CHECK(f.refusal("env") == nullptr);
  CHECK(Template::parse("t", "{{ env }}", f).execute("t", Value()) == "istio's env");
}

TEST_CASE("regexReplaceAll: a named group (?P<name>...) and ${name} expand as in Go (std::regex refused the pattern)",
          "[funcs][sprig]") {
  // Go: "Smith, John".
  CHECK(Template::parse("t", R"x({{ regexReplaceAll "(?P<first>\\w+) (?P<last>\\w+)" "John Smith" "${last}, $first" }})x",
                        sprig_funcs())
            .execute("t", Value()) == "Smith, John");
}

TEST_CASE("regexFindAll: \\pL matches non-ASCII letters as Go's RE2 does (std::regex has no Unicode classes)", "[funcs][sprig]") {
  // Go: "[héllo wörld]".
  CHECK(Template::parse("t", R"x({{ regexFindAll "\\pL+" "héllo wörld 123" -1 }})x", sprig_funcs()).execute("t", Value()) ==
        "[héllo wörld]");
}

// Sprig's add, add1, sub, mul, div and mod are Go's int64 operators, which
// wrap around; kinject's sub, add1, div and mod overflowed C++'s int64
// (undefined behaviour, caught by UBSan when the Sprig oracle's generated
// cases ran the sanitized suite). Expected values rendered by Go 1.26 with
// sprig v3.3.0.
TEST_CASE("regression: sub, add1, div and mod wrap around on int64 overflow as Go's do (undefined in C++ before)", "[funcs][sprig]") {
  check_cases({
      {"{{ sub -9223372036854775808 1 }}", false, "9223372036854775807"},
      {"{{ add1 9223372036854775807 }}", false, "-9223372036854775808"},
      {"{{ div -9223372036854775808 -1 }}", false, "-9223372036854775808"},
      {"{{ mod -9223372036854775808 -1 }}", false, "0"},
      {"{{ add 9223372036854775807 1 }}", false, "-9223372036854775808"},
      {"{{ mul 9223372036854775807 2 }}", false, "-2"},
      {"{{ sub 5 7 }}", false, "-2"},
      {"{{ div -7 2 }}", false, "-3"},
      {"{{ mod -7 2 }}", false, "-1"},
  });
}
