// The parse-only floor of SPEC section 9: yaml-cpp parsing every document of a
// stream and doing nothing else. kinject's injection+write time is compared
// with this program's time on the same stream.
//
//   build-bench/kinject_parse_floor [--mode events|load] [FILE]   (no FILE or "-": stdin)
//
// Prints the number of documents. Two ways of parsing:
//   events (default)  YAML::Parser::HandleNextDocument with an event handler
//                     that ignores every event: yaml-cpp's scanner and parser,
//                     no node tree. This is the faster of the two (bench/run
//                     times both once and reports the ratio) and the same
//                     parser kinject's reader drives, so it is the floor.
//   load              YAML::LoadAll: the same parse plus building YAML::Node
//                     trees for every document, as most yaml-cpp programs do.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

namespace {

class NullHandler : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

long parse_events(std::istream& in) {
  YAML::Parser parser(in);
  NullHandler handler;
  long n = 0;
  while (parser.HandleNextDocument(handler)) ++n;
  return n;
}

long parse_load(std::istream& in) {
  long n = 0;
  for (const YAML::Node& doc : YAML::LoadAll(in)) {
    (void)doc;
    ++n;
  }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  bool load = false;
  const char* path = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--mode") == 0 && i + 1 < argc) {
      load = std::strcmp(argv[++i], "load") == 0;
    } else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::puts("usage: kinject_parse_floor [--mode events|load] [FILE]");
      return 0;
    } else {
      path = argv[i];
    }
  }
  try {
    long n;
    if (path && std::strcmp(path, "-") != 0) {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        std::fprintf(stderr, "kinject_parse_floor: cannot open %s\n", path);
        return 1;
      }
      n = load ? parse_load(in) : parse_events(in);
    } else {
      n = load ? parse_load(std::cin) : parse_events(std::cin);
    }
    std::printf("%ld documents\n", n);
  } catch (const YAML::Exception& e) {
    std::fprintf(stderr, "kinject_parse_floor: %s\n", e.what());
    return 1;
  }
  return 0;
}
