// k8s/names.h: the API server's name rules (apimachinery's IsDNS1123Label
// and IsDNS1123Subdomain), each case checked against the regular
// expressions of k8s.io/apimachinery/pkg/util/validation.
#include "kinject/k8s/names.h"

#include <string>

#include <catch2/catch.hpp>

using namespace kinject;

TEST_CASE("names: a DNS-1123 label is 1 to 63 of [a-z0-9-], alphanumeric at both ends", "[names]") {
  for (const char* ok : {"a", "0", "default", "istio-system", "123-abc", "a-b-c", "x1"}) {
    INFO(ok);
    CHECK_FALSE(invalid_dns1123_label(ok));
  }
  CHECK_FALSE(invalid_dns1123_label(std::string(63, 'z')));
  for (const char* bad : {"", "Bad_NS", "Shop", "-f", "--recursive", "shop-", "a.b", "a_b", "a b", "ü"}) {
    INFO(bad);
    auto why = invalid_dns1123_label(bad);
    REQUIRE(why);
    CHECK_THAT(*why, Catch::Contains("lowercase RFC 1123 label"));
    CHECK_THAT(*why, Catch::Contains("(e.g. my-namespace or 123-abc)"));
  }
  auto long_one = invalid_dns1123_label(std::string(64, 'a'));
  REQUIRE(long_one);
  CHECK(*long_one == "must be no more than 63 characters (it has 64)");
}

TEST_CASE("names: a DNS-1123 subdomain is dot-separated labels, at most 253 characters", "[names]") {
  for (const char* ok : {"example.com", "a", "istio.io", "a-1.b-2.c"}) {
    INFO(ok);
    CHECK(is_dns1123_subdomain(ok));
  }
  for (const char* bad : {"", "Example.com", "a..b", ".a", "a.", "-a.b", "a_b.c"}) {
    INFO(bad);
    CHECK_FALSE(is_dns1123_subdomain(bad));
  }
  std::string long_one = std::string(63, 'a') + "." + std::string(63, 'b') + "." + std::string(63, 'c') + "." +
                         std::string(61, 'd');
  CHECK(long_one.size() == 253);
  CHECK(is_dns1123_subdomain(long_one));
  CHECK_FALSE(is_dns1123_subdomain(long_one + "d"));
}
