// The limit of an injection run (issue 26): libyaml's event parser reading the
// input once and kinject's output once, and nothing else. kinject must read
// every input byte and verify every byte it writes with a full YAML parser
// (libyaml, the check of what is written: docs/design.md), so no run that
// keeps those guarantees can take less than this; bench/run gives kinject's
// time as a multiple of it.
//
//   build-bench/kinject_libyaml_floor FILE...   ("-": stdin)
//
// Parses each file in turn with yaml_parser_parse, counting events and
// documents, builds nothing, and prints "N documents, M events" per file.
// A file libyaml refuses is an error (exit 1): the output of kinject must
// never be one.
#include <cstdio>
#include <cstring>
#include <string>

#include <yaml.h>

namespace {

struct Counts {
  long documents = 0;
  long events = 0;
};

// Reads the whole file first, as kinject reads a document before parsing it,
// so that the time is the parser's, not stdio's.
bool read_all(const char* path, std::string& out) {
  std::FILE* f = std::strcmp(path, "-") == 0 ? stdin : std::fopen(path, "rb");
  if (!f) return false;
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  bool ok = !std::ferror(f);
  if (f != stdin) std::fclose(f);
  return ok;
}

bool parse(const std::string& text, Counts& c, std::string& error) {
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) {
    error = "cannot initialise libyaml";
    return false;
  }
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  bool ok = true;
  for (;;) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&parser, &ev)) {
      error = std::string(parser.problem ? parser.problem : "parse error") + " at line " +
              std::to_string(parser.problem_mark.line + 1) + ", column " +
              std::to_string(parser.problem_mark.column + 1);
      ok = false;
      break;
    }
    ++c.events;
    if (ev.type == YAML_DOCUMENT_START_EVENT) ++c.documents;
    bool end = ev.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&ev);
    if (end) break;
  }
  yaml_parser_delete(&parser);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::puts("usage: kinject_libyaml_floor FILE...   (\"-\": stdin)");
    return argc < 2 ? 2 : 0;
  }
  for (int i = 1; i < argc; ++i) {
    std::string text;
    if (!read_all(argv[i], text)) {
      std::fprintf(stderr, "kinject_libyaml_floor: cannot read %s\n", argv[i]);
      return 1;
    }
    Counts c;
    std::string error;
    if (!parse(text, c, error)) {
      std::fprintf(stderr, "kinject_libyaml_floor: %s: %s\n", argv[i], error.c_str());
      return 1;
    }
    std::printf("%s: %ld documents, %ld events\n", argv[i], c.documents, c.events);
  }
  return 0;
}
