#include "kinject/k8s/quantity.h"

#include <catch2/catch.hpp>

using namespace kinject;

TEST_CASE("quantities canonicalise as resource.Quantity does", "[quantity]") {
  CHECK(k8s::canonical_quantity("2000m") == "2");
  CHECK(k8s::canonical_quantity("100m") == "100m");
  CHECK(k8s::canonical_quantity("1500m") == "1500m");
  CHECK(k8s::canonical_quantity("0.5") == "500m");
  CHECK(k8s::canonical_quantity("1024Mi") == "1Gi");
  CHECK(k8s::canonical_quantity("1536Mi") == "1536Mi");
  CHECK(k8s::canonical_quantity("128Mi") == "128Mi");
  CHECK(k8s::canonical_quantity("3000") == "3k");
  CHECK(k8s::canonical_quantity("0") == "0");
  CHECK(k8s::canonical_quantity("abc") == "abc");
  CHECK(k8s::is_quantity("1Gi"));
  CHECK(k8s::is_quantity("1e3"));
  CHECK_FALSE(k8s::is_quantity("1GB"));
  CHECK_FALSE(k8s::is_quantity(""));
}

TEST_CASE("a quantity's own spelling is kept where the value did not change", "[quantity]") {
  // resource.Quantity compares values: 3000m and 3 are one quantity, and the
  // manifest wrote 3000m; 200m and 0.3 differ, so the new value stays.
  Node was = Node::map();
  was.child_map("limits").set("cpu", Node::string("3000m"));
  was.child_map("requests").set("cpu", Node::string("200m"));
  Node now = Node::map();
  now.child_map("limits").set("cpu", Node::string("3"));
  now.child_map("requests").set("cpu", Node::string("300m"));
  k8s::keep_quantity_spelling(now, was);
  CHECK(now.at_path("limits.cpu")->scalar_text() == "3000m");
  CHECK(now.at_path("requests.cpu")->scalar_text() == "300m");
}
