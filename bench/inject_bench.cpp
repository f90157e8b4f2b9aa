// Cost of one injection with a real injector configuration, after the
// templates are parsed once (the per-run cost is reported separately).
//
//   build/kinject_inject_bench [INJECT_CONFIG VALUES MESH [WORKLOADS]]
//
// Defaults to Istio 1.24's default configuration from ../shared/conformance
// (its 78 KB `sidecar` template) and 2,000 Deployments.
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "kinject/istio/config.h"
#include "kinject/istio/injector.h"
#include "kinject/yaml/reader.h"
#include "kinject/k8s/strategic_merge.h"
#include "kinject/yaml/writer.h"

using namespace kinject;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-{}
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {{app: web-{}}}
  template:
    metadata:
      labels:
        app: web-{}
        version: v1
    spec:
      containers:
      - name: web
        image: example/web:1.0
        ports:
        - name: http
          containerPort: 8080
        readinessProbe:
          httpGet:
            path: /ready
            port: http
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
)";

}  // namespace

int main(int argc, char** argv) {
  // Istio's own configuration files, from the reference data (not part of
  // the repository: KINJECT_REFERENCE_DATA, else ../shared), unless given.
  const char* ref = std::getenv("KINJECT_REFERENCE_DATA");
  std::string dir = std::string(ref && *ref ? ref : KINJECT_SOURCE_DIR "/../shared") + "/conformance/istio-1.24/inputs/";
  ConfigSources src;
  src.inject_config_file = argc > 3 ? argv[1] : dir + "default.template.gen.yaml";
  src.values_file = argc > 3 ? argv[2] : dir + "default.values.gen.yaml";
  src.mesh_config_file = argc > 3 ? argv[3] : dir + "default.mesh.gen.yaml";
  int n = argc > 4 ? std::atoi(argv[4]) : 2000;
  RealDisk disk;
  EnvLookup env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };

  auto t0 = Clock::now();
  IstioConfig cfg = load_config(src, disk);
  Injector injector(cfg, env);
  double setup = ms_since(t0);

  std::vector<Document> docs;
  for (int i = 0; i < n; ++i) {
    RawDocument raw;
    raw.text = fmt::format(fmt::runtime(kDeployment), i, i, i);
    raw.index = i + 1;
    docs.push_back(parse_document(raw, "bench"));
  }
  WorkloadCatalog catalog;
  // Inject only (template render, merge, post-processing).
  auto t1 = Clock::now();
  std::vector<Node> roots;
  roots.reserve(docs.size());
  for (const auto& d : docs) {
    Node root = d.root;
    for (const auto& w : find_workloads(root, catalog)) injector.inject(root, w);
    roots.push_back(std::move(root));
  }
  double inject = ms_since(t1);
  // And writing the documents back.
  auto t2 = Clock::now();
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < docs.size(); ++i) bytes += write_document(docs[i], roots[i], list_item_keys()).text.size();
  double write = ms_since(t2);

  std::printf("config: %s (templates parsed once: %.2f ms)\n", cfg.description.c_str(), setup);
  std::printf("%d workloads: inject %.1f ms = %.3f ms per workload; write %.1f ms = %.3f ms per workload (%zu bytes out)\n", n,
              inject, inject / n, write, write / n, bytes);
  return 0;
}
