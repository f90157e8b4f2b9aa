// Fuzz target: the reader and the writer together.
//
// Properties, for any input the reader accepts:
//  1. Writing every document back with its own tree gives its bytes, and the
//     documents one after another give the input (the reader loses nothing).
//  2. Writing a document after a small edit (chosen from the input's last
//     bytes, so it is deterministic for a given input) gives text that reads
//     back as exactly the edited tree: the writer's promise to the pipeline.
// kinject::Error from the reader is the expected way to reject an input; any
// other exception, a crash, a hang or a broken property is a finding. The
// writer throws Error only when its own output does not read back, which is
// a finding too.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kinject/base/error.h"
#include "kinject/yaml/node.h"
#include "kinject/yaml/reader.h"
#include "kinject/yaml/strict_yaml.h"
#include "kinject/k8s/strategic_merge.h"
#include "kinject/yaml/writer.h"

namespace {

[[noreturn]] void finding(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "reader_writer_fuzz: %s\n%.*s\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

// Smaller than the CLI's limits so that one input cannot take seconds (alias
// bombs stop at max_nodes); the code paths are the same.
kinject::Limits fuzz_limits() {
  kinject::Limits l;
  l.max_document_bytes = 1u << 20;
  l.max_nodes = 100000;
  return l;
}

// Every collection of the tree, in document order, with the path of
// pointers kept valid because nothing is added while collecting.
void collect(kinject::Node& n, std::vector<kinject::Node*>& maps, std::vector<kinject::Node*>& seqs,
             std::vector<kinject::Node*>& scalars) {
  if (n.is_map()) {
    maps.push_back(&n);
    for (auto& e : n.entries) collect(e.value, maps, seqs, scalars);
  } else if (n.is_seq()) {
    seqs.push_back(&n);
    for (auto& it : n.items) collect(it, maps, seqs, scalars);
  } else {
    scalars.push_back(&n);
  }
}

// New content of the kinds the injector adds: plain strings, strings that
// need quoting, numbers, booleans, nested maps and lists.
kinject::Node new_value(unsigned pick) {
  using kinject::Node;
  switch (pick % 7) {
    case 0: return Node::string("injected");
    case 1: return Node::string("needs: quoting # and \"escapes\"\n");
    case 2: return Node::integer(15090);
    case 3: return Node::boolean(true);
    case 4: {
      Node m = Node::map();
      m.set("name", Node::string("istio-proxy"));
      Node ports = Node::seq();
      Node p = Node::map();
      p.set("containerPort", Node::integer(15090));
      p.set("protocol", Node::string("TCP"));
      ports.items.push_back(p);
      m.set("ports", ports);
      return m;
    }
    case 5: {
      Node s = Node::seq();
      s.items.push_back(Node::string("a"));
      s.items.push_back(Node::string(""));
      s.items.push_back(Node::null());
      return s;
    }
    default: return Node::string("");
  }
}

// The edit: the last bytes of the input choose what and where, so the
// fuzzer can steer it while the document text stays whatever it is.
bool edit(kinject::Node& root, const std::uint8_t* data, std::size_t size) {
  unsigned a = size > 0 ? data[size - 1] : 0;
  unsigned b = size > 1 ? data[size - 2] : 0;
  unsigned c = size > 2 ? data[size - 3] : 0;
  std::vector<kinject::Node*> maps, seqs, scalars;
  collect(root, maps, seqs, scalars);
  switch (a % 6) {
    case 0: {  // the case the injector always has: a label on the root map
      if (!root.is_map()) return false;
      // child_map refuses to put a map over a value of another kind (issue
      // 22: `labels: [app, web]` was replaced): a document whose metadata or
      // labels is a scalar or a list gets no label, as the injector gives
      // none (it refuses the workload).
      for (const kinject::Node* m = &root; const char* key : {"metadata", "labels"}) {
        const kinject::Node* v = m->get(key);
        if (!v || v->is_null()) break;
        if (!v->is_map()) return false;
        m = v;
      }
      root.child_map("metadata").child_map("labels").set("kinject.io/fuzz", new_value(b));
      return true;
    }
    case 1: {  // a new entry in some map
      if (maps.empty()) return false;
      kinject::Node& m = *maps[b % maps.size()];
      m.set("kinject-fuzz-" + std::to_string(c), new_value(c));
      return true;
    }
    case 2: {  // a new item in some list, at the end or the front
      if (seqs.empty()) return false;
      kinject::Node& s = *seqs[b % seqs.size()];
      if (c & 1) s.items.insert(s.items.begin(), new_value(c >> 1));
      else s.items.push_back(new_value(c >> 1));
      return true;
    }
    case 3: {  // a scalar replaced by a new node, as the injector sets values
      if (scalars.empty()) return false;
      kinject::Node v = new_value(c);
      if (!v.is_scalar()) v = kinject::Node::string("replaced");
      *scalars[b % scalars.size()] = v;
      return true;
    }
    case 4: {  // two list items swapped (strategic merge reorders containers)
      if (seqs.empty()) return false;
      kinject::Node& s = *seqs[b % seqs.size()];
      if (s.items.size() < 2) return false;
      std::size_t i = c % s.items.size(), j = (c / 7 + 1) % s.items.size();
      if (i == j) j = (i + 1) % s.items.size();
      std::swap(s.items[i], s.items[j]);
      return true;
    }
    default: {  // an entry removed (uninject removes what was added)
      if (maps.empty()) return false;
      kinject::Node& m = *maps[b % maps.size()];
      if (m.entries.empty()) return false;
      m.entries.erase(m.entries.begin() + static_cast<long>(c % m.entries.size()));
      return true;
    }
  }
}

// Whether some key of the tree is a list or a map.
bool has_collection_key(const kinject::Node& n) {
  for (const auto& e : n.entries)
    if (e.key.is_map() || e.key.is_seq() || has_collection_key(e.value)) return true;
  for (const auto& it : n.items)
    if (has_collection_key(it)) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  static const kinject::Limits limits = fuzz_limits();
  std::vector<kinject::Document> docs;
  try {
    docs = kinject::read_all(text, "fuzz", limits);
  } catch (const kinject::Error&) {
    return 0;
  }

  std::string all;
  for (const auto& doc : docs) {
    kinject::WriteResult same;
    try {
      same = kinject::write_document(doc, doc.root, kinject::list_item_keys());
    } catch (const kinject::Error& e) {
      finding("writing an unchanged document threw", e.what());
    }
    if (same.text != doc.raw.text || same.changed) finding("an unchanged document was not written back as it was", doc.raw.text);
    all += same.text;
  }
  if (all != text) finding("the documents do not add up to the input");

  for (const auto& doc : docs) {
    if (doc.empty) continue;
    kinject::Node edited = doc.root;
    if (!edit(edited, data, size)) continue;
    kinject::WriteResult w;
    try {
      w = kinject::write_document(doc, edited, kinject::list_item_keys());
    } catch (const kinject::Error& e) {
      // A document kubectl's parser (libyaml) cannot read is one kinject
      // does not rewrite: valid YAML to yaml-cpp, but nothing the cluster's
      // tools would take. That refusal is the writer's contract, not a bug.
      // Nor one with a list or a map as a key, which kubectl refuses too
      // ("invalid map key"); libyaml's own tree is the witness.
      bool unreadable = false, collection_key = false;
      try {
        collection_key = has_collection_key(kinject::read_strict_yaml(doc.raw.text, "input"));
      } catch (const kinject::Error&) {
        unreadable = true;
      }
      std::string_view why = e.what();
      const bool refused_key = why.find("a list or a map is used as a mapping key") != std::string_view::npos;
      if (unreadable && (refused_key || why.find("kubectl's YAML parser would not read") != std::string_view::npos)) continue;
      if (collection_key && refused_key) continue;
      finding("writing an edited document threw", e.what());
    }
    // An edit that changes nothing writes the document as it was read,
    // checked by its bytes (write.h), even where libyaml cannot read the
    // input (an anchor name of `&`s): nothing to read back.
    if (!w.changed) {
      if (w.text != doc.raw.text) finding("an unchanged document was written differently", w.text);
      continue;
    }
    // The writer checked its text with libyaml's events against the tree
    // (verify_yaml.h); libyaml's tree reader, which shares none of that
    // comparison, must agree.
    try {
      if (!kinject::read_strict_yaml(w.text, "fuzz-edited").same_value(edited))
        finding("the edited document reads back (libyaml) as another tree", w.text);
    } catch (const kinject::Error& e) {
      finding("the edited document does not read back (libyaml)", std::string(e.what()) + "\n--- text:\n" + w.text);
    }
    // kinject's own reader reads what kinject wrote as the tree it meant (a
    // second injection, uninject): the writer no longer reads its text back
    // with it on every run, so this harness and the corpus round trips
    // (test/corpus_test.cpp) hold that guarantee (docs/robustness.md).
    std::vector<kinject::Document> back;
    try {
      back = kinject::read_all(w.text, "fuzz-edited");
    } catch (const kinject::Error& e) {
      finding("the edited document does not read back", std::string(e.what()) + "\n--- text:\n" + w.text);
    }
    const kinject::Document* content = nullptr;
    for (const auto& d : back) {
      if (d.empty) continue;
      if (content) finding("the edited document reads back as more than one document", w.text);
      content = &d;
    }
    if (!content) finding("the edited document reads back as no document", w.text);
    if (!content->root.same_value(edited)) finding("the edited document reads back as another tree", w.text);
  }
  return 0;
}
