// Sprig's urlParse and urlJoin (src/gofuncs/sprig_url.cpp): Go 1.26's
// net/url.Parse taken apart into Sprig's dict, and URL.String of a dict:
// userinfo, ports, IPv6 literals and zones, opaque URLs, escapes, the
// errors of each.
//
// Every expected value is Go's (Go 1.26, text/template + Sprig v3.3.0; see
// sprig_go_cases.h), none kinject's.
#include <catch2/catch.hpp>

#include "sprig_go_cases.h"

using kinject::test::sprig::check_cases;

TEST_CASE("sprig urlParse: Go's net/url.Parse as Sprig's dict, and its errors, as Go renders them", "[funcs][sprig][url]") {
  check_cases({
    {"{{ urlParse \"https://user:p%40ss@example.com:8443/a%20b/c?x=1&y=%2F#frag%20x\" }}", false, "map[fragment:frag x host:example.com:8443 hostname:example.com opaque: path:/a b/c query:x=1&y=%2F scheme:https userinfo:user:p%40ss]"},
    {"{{ (urlParse \"https://user:p%40ss@example.com:8443/a%20b/c?x=1#f\").userinfo }}", false, "user:p%40ss"},
    {"{{ (urlParse \"https://user:p%40ss@example.com:8443/a/c\").hostname }}", false, "example.com"},
    {"{{ urlParse \"http://[fe80::1%25en0]:8080/\" }}", false, "map[fragment: host:[fe80::1%en0]:8080 hostname:fe80::1%en0 opaque: path:/ query: scheme:http userinfo:]"},
    {"{{ urlParse \"http://[::1]/x\" }}", false, "map[fragment: host:[::1] hostname:::1 opaque: path:/x query: scheme:http userinfo:]"},
    {"{{ urlParse \"http://[1.2.3.4]/x\" }}", true, "unable to parse url: parse \"http://[1.2.3.4]/x\": invalid IP-literal"},
    {"{{ urlParse \"http://[::ffff:1.2.3.4]/x\" }}", false, "map[fragment: host:[::ffff:1.2.3.4] hostname:::ffff:1.2.3.4 opaque: path:/x query: scheme:http userinfo:]"},
    {"{{ urlParse \"http://[fe80::1%en0]/\" }}", true, "unable to parse url: parse \"http://[fe80::1%en0]/\": invalid URL escape \"%en\""},
    {"{{ urlParse \"http://[::1/x\" }}", true, "unable to parse url: parse \"http://[::1/x\": missing ']' in host"},
    {"{{ urlParse \"http://a[::1]/x\" }}", true, "unable to parse url: parse \"http://a[::1]/x\": invalid IP-literal"},
    {"{{ urlParse \"http://[::1]:80a/\" }}", true, "unable to parse url: parse \"http://[::1]:80a/\": invalid port \":80a\" after host"},
    {"{{ urlParse \"http://[1::2::3]/\" }}", true, "unable to parse url: parse \"http://[1::2::3]/\": invalid host: ParseAddr(\"1::2::3\"): multiple :: in address (at \":3\")"},
    {"{{ urlParse \"http://[12345::]/\" }}", true, "unable to parse url: parse \"http://[12345::]/\": invalid host: ParseAddr(\"12345::\"): each group must have 4 or less digits (at \"12345::\")"},
    {"{{ urlParse \"http://[1:2:3:4:5:6:7:8:9]/\" }}", true, "unable to parse url: parse \"http://[1:2:3:4:5:6:7:8:9]/\": invalid host: ParseAddr(\"1:2:3:4:5:6:7:8:9\"): trailing garbage after address (at \"9\")"},
    {"{{ urlParse \"http://[1:2:3:4:5:6:7:8::]/\" }}", true, "unable to parse url: parse \"http://[1:2:3:4:5:6:7:8::]/\": invalid host: ParseAddr(\"1:2:3:4:5:6:7:8::\"): the :: must expand to at least one field of zeros"},
    {"{{ urlParse \"http://[::1.2.3.4.5]/\" }}", true, "unable to parse url: parse \"http://[::1.2.3.4.5]/\": invalid host: ParseAddr(\"::1.2.3.4.5\"): IPv4 address too long"},
    {"{{ urlParse \"http://[1:2]/\" }}", true, "unable to parse url: parse \"http://[1:2]/\": invalid host: ParseAddr(\"1:2\"): address string too short"},
    {"{{ urlParse \"http://[fe80::1%25]/\" }}", true, "unable to parse url: parse \"http://[fe80::1%25]/\": invalid host: ParseAddr(\"fe80::1%\"): zone must be a non-empty string"},
    {"{{ urlParse \"http://[%25x]/\" }}", true, "unable to parse url: parse \"http://[%25x]/\": invalid host: ParseAddr(\"%x\"): missing IPv6 address"},
    {"{{ urlParse \"http://[abc]/\" }}", true, "unable to parse url: parse \"http://[abc]/\": invalid host: ParseAddr(\"abc\"): unable to parse IP"},
    {"{{ urlParse \"http://[1:2:3:4:5:6:1.2.3.4]/\" }}", false, "map[fragment: host:[1:2:3:4:5:6:1.2.3.4] hostname:1:2:3:4:5:6:1.2.3.4 opaque: path:/ query: scheme:http userinfo:]"},
    {"{{ urlParse \"http://[1:2:3:4:5:6:7:1.2.3.4]/\" }}", true, "unable to parse url: parse \"http://[1:2:3:4:5:6:7:1.2.3.4]/\": invalid host: ParseAddr(\"1:2:3:4:5:6:7:1.2.3.4\"): embedded IPv4 address must replace the final 2 fields of the address (at \"1.2.3.4\")"},
    {"{{ urlParse \"http://[::01.2.3.4]/\" }}", true, "unable to parse url: parse \"http://[::01.2.3.4]/\": invalid host: ParseAddr(\"::01.2.3.4\"): IPv4 field has octet with leading zero"},
    {"{{ urlParse \"http://[::1.2.3.256]/\" }}", true, "unable to parse url: parse \"http://[::1.2.3.256]/\": invalid host: ParseAddr(\"::1.2.3.256\"): IPv4 field has value >255"},
    {"{{ urlParse \"http://[1::g]/\" }}", true, "unable to parse url: parse \"http://[1::g]/\": invalid host: ParseAddr(\"1::g\"): each colon-separated field must have at least one digit (at \"g\")"},
    {"{{ urlParse \"http://[1:]/\" }}", true, "unable to parse url: parse \"http://[1:]/\": invalid host: ParseAddr(\"1:\"): colon must be followed by more characters (at \":\")"},
    {"{{ urlParse \"http://[1:2:3:4:5:6:7:8]:99/\" }}", false, "map[fragment: host:[1:2:3:4:5:6:7:8]:99 hostname:1:2:3:4:5:6:7:8 opaque: path:/ query: scheme:http userinfo:]"},
    {"{{ urlParse \"http://[fe80::1%25%31]/\" }}", false, "map[fragment: host:[fe80::1%1] hostname:fe80::1%1 opaque: path:/ query: scheme:http userinfo:]"},
    {"{{ urlParse \"http://[fe80::1%25a%2Fb]/\" }}", true, "unable to parse url: parse \"http://[fe80::1%25a%2Fb]/\": invalid URL escape \"%2F\""},
    {"{{ urlParse \"mailto:joe@example.com\" }}", false, "map[fragment: host: hostname: opaque:joe@example.com path: query: scheme:mailto userinfo:]"},
    {"{{ urlParse \"urn:isbn:0451450523\" }}", false, "map[fragment: host: hostname: opaque:isbn:0451450523 path: query: scheme:urn userinfo:]"},
    {"{{ urlParse \"/just/a/path?q\" }}", false, "map[fragment: host: hostname: opaque: path:/just/a/path query:q scheme: userinfo:]"},
    {"{{ urlParse \"a:b/c\" }}", false, "map[fragment: host: hostname: opaque:b/c path: query: scheme:a userinfo:]"},
    {"{{ urlParse \"1a:b/c\" }}", true, "unable to parse url: parse \"1a:b/c\": first path segment in URL cannot contain colon"},
    {"{{ urlParse \"./a:b\" }}", false, "map[fragment: host: hostname: opaque: path:./a:b query: scheme: userinfo:]"},
    {"{{ urlParse \":foo\" }}", true, "unable to parse url: parse \":foo\": missing protocol scheme"},
    {"{{ urlParse \"\" }}", false, "map[fragment: host: hostname: opaque: path: query: scheme: userinfo:]"},
    {"{{ urlParse \"*\" }}", false, "map[fragment: host: hostname: opaque: path:* query: scheme: userinfo:]"},
    {"{{ urlParse \"http://host:a:80/\" }}", true, "unable to parse url: parse \"http://host:a:80/\": invalid port \":a:80\" after host"},
    {"{{ urlParse \"ftp://host:a:80/\" }}", false, "map[fragment: host:host:a:80 hostname:host:a opaque: path:/ query: scheme:ftp userinfo:]"},
    {"{{ urlParse \"http://ho st/\" }}", true, "unable to parse url: parse \"http://ho st/\": invalid character \" \" in host name"},
    {"{{ urlParse \"http://h%41st/\" }}", true, "unable to parse url: parse \"http://h%41st/\": invalid URL escape \"%41\""},
    {"{{ urlParse \"http://h%c3%a9st/\" }}", false, "map[fragment: host:hést hostname:hést opaque: path:/ query: scheme:http userinfo:]"},
    {"{{ urlParse \"http://x/%zz\" }}", true, "unable to parse url: parse \"http://x/%zz\": invalid URL escape \"%zz\""},
    {"{{ urlParse \"http://x/a#%zz\" }}", true, "unable to parse url: parse \"http://x/a#%zz\": invalid URL escape \"%zz\""},
    {"{{ urlParse \"http://u@s@er@x/\" }}", false, "map[fragment: host:x hostname:x opaque: path:/ query: scheme:http userinfo:u%40s%40er]"},
    {"{{ urlParse \"http://us er@x/\" }}", true, "unable to parse url: parse \"http://us er@x/\": net/url: invalid userinfo"},
    {"{{ urlParse \"http://x/?\" }}", false, "map[fragment: host:x hostname:x opaque: path:/ query: scheme:http userinfo:]"},
    {"{{ urlParse \"HTTP://X/Y\" }}", false, "map[fragment: host:X hostname:X opaque: path:/Y query: scheme:http userinfo:]"},
    {"{{ urlParse \"http:///x\" }}", false, "map[fragment: host: hostname: opaque: path:/x query: scheme:http userinfo:]"},
    {"{{ urlParse \"///x\" }}", false, "map[fragment: host: hostname: opaque: path:///x query: scheme: userinfo:]"},
    {"{{ urlParse \"//x/y\" }}", false, "map[fragment: host:x hostname:x opaque: path:/y query: scheme: userinfo:]"},
    {"{{ urlParse \"http://x/a\\tb\" }}", true, "unable to parse url: parse \"http://x/a\\tb\": net/url: invalid control character in URL"},
    {"{{ urlParse \"http://x/a+b%2Bc?a+b\" }}", false, "map[fragment: host:x hostname:x opaque: path:/a+b+c query:a+b scheme:http userinfo:]"},
    {"{{ urlParse \"http://x:/\" }}", false, "map[fragment: host:x: hostname:x opaque: path:/ query: scheme:http userinfo:]"},
    {"{{ urlParse \"http://:80/\" }}", false, "map[fragment: host::80 hostname: opaque: path:/ query: scheme:http userinfo:]"},
    {"{{ urlParse \"http://x/ä\" }}", false, "map[fragment: host:x hostname:x opaque: path:/ä query: scheme:http userinfo:]"},
  });
}

TEST_CASE("sprig urlJoin: url.URL.String of Sprig's dict, its escaping and its errors, as Go renders them", "[funcs][sprig][url]") {
  check_cases({
    {"{{ urlJoin (dict \"scheme\" \"https\" \"host\" \"example.com:8443\" \"path\" \"/a b/ä\" \"query\" \"x=1&y=2\" \"fragment\" \"f g\" \"userinfo\" \"us er:p@ss\") }}", true, "unable to parse userinfo in dict: parse \"proto://us er:p@ss@host\": net/url: invalid userinfo"},
    {"{{ urlJoin (dict \"scheme\" \"mailto\" \"opaque\" \"joe@example.com\") }}", false, "mailto:joe@example.com"},
    {"{{ urlJoin (dict \"path\" \"a:b/c\") }}", false, "./a:b/c"},
    {"{{ urlJoin (dict \"host\" \"x\" \"path\" \"rel\") }}", false, "//x/rel"},
    {"{{ urlJoin (dict \"scheme\" \"http\" \"path\" \"/p\") }}", false, "http:///p"},
    {"{{ urlJoin (dict) }}", false, ""},
    {"{{ urlJoin (dict \"path\" \"*\") }}", false, "*"},
    {"{{ urlJoin (dict \"host\" \"[fe80::1%en0]:80\" \"scheme\" \"http\") }}", false, "http://[fe80::1%25en0]:80"},
    {"{{ urlJoin (dict \"host\" \"a b\") }}", false, "//a%20b"},
    {"{{ urlJoin (dict \"scheme\" 1) }}", true, "unable to parse scheme key, must be of type string, but int found"},
    {"{{ urlJoin (dict \"scheme\" nil) }}", true, "runtime error: invalid memory address or nil pointer dereference"},
    {"{{ urlJoin (dict \"userinfo\" \"a/b\" \"host\" \"x\") }}", false, "//x"},
    {"{{ urlJoin (dict \"userinfo\" \"%zz\" \"host\" \"x\") }}", true, "unable to parse userinfo in dict: parse \"proto://%zz@host\": invalid URL escape \"%zz\""},
    {"{{ urlJoin (dict \"userinfo\" \"a%40b:c%3Ad\" \"host\" \"x\") }}", false, "//a%40b:c%3Ad@x"},
    {"{{ urlJoin (dict \"fragment\" \"a#b!(c)\") }}", false, "#a%23b!(c)"},
    {"{{ urlJoin (dict \"query\" \"a b\" \"scheme\" \"s\") }}", false, "s:?a b"},
    {"{{ urlJoin (dict \"host\" \"h\" \"path\" \"/a?b\") }}", false, "//h/a%3Fb"},
    {"{{ urlJoin (urlParse \"https://u:p@h:1/a%2Fb?q=1#x%20y\") }}", false, "https://u:p@h:1/a/b?q=1#x%20y"},
    {"{{ urlJoin (urlParse \"http://x/a%2fb\") }}", false, "http://x/a/b"},
    {"{{ urlJoin \"x\" }}", true, ""},  // an error of the engine's, worded its own way
  });
}
