// k8sdecode answers, as Kubernetes would, whether manifests decode into
// their Go types: kubectl turns YAML into JSON with sigs.k8s.io/yaml
// (go-yaml v2: YAML 1.1 resolution, no target type) and the API server
// decodes that JSON into the kind's Go struct with sigs.k8s.io/json
// (encoding/json with case-sensitive field names: a field spelt `Replicas`
// is unknown and ignored, not an error). It is a test-only oracle for
// kinject's own typed decode (src/k8s/go_decode.cpp); kinject never runs it.
//
//	k8sdecode decode [--workload KIND[.GROUP]=PATH]...   documents on stdin, each as "<bytes>\n<text>"
//	k8sdecode fields                                      a wrongly typed value at every field of every workload kind
//	k8sdecode tables                                      the Go types as C++ tables (src/k8s/k8s_type_tables.cpp)
//
// Answers are JSON lines.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"strconv"
	"strings"

	kjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: k8sdecode decode|fields|tables")
		os.Exit(2)
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var err error
	switch os.Args[1] {
	case "decode":
		err = decodeAll(os.Stdin, out, os.Args[2:])
	case "fields":
		err = fields(out)
	case "tables":
		err = tables(out)
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		out.Flush()
		fmt.Fprintln(os.Stderr, "k8sdecode:", err)
		os.Exit(1)
	}
}

// One object's verdict.
type verdict struct {
	Document   int    `json:"document"`          // 1-based, in input order
	Item       string `json:"item"`              // "items[2]" in a List, else ""
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Typed      bool   `json:"typed"`             // a workload: decoded into its Go type
	OK         bool   `json:"ok"`
	Error      string `json:"error,omitempty"`   // Go's error text
	Stage      string `json:"stage,omitempty"`   // "yaml" (YAMLToJSON) or "decode"
}

func parseWorkloads(args []string) ([]catalogKind, error) {
	var extra []catalogKind
	for i := 0; i < len(args); i++ {
		if args[i] != "--workload" || i+1 >= len(args) {
			return nil, fmt.Errorf("unexpected argument %q", args[i])
		}
		spec := args[i+1]
		i++
		eq := strings.IndexByte(spec, '=')
		if eq <= 0 {
			return nil, fmt.Errorf("--workload %s: want KIND=PATH", spec)
		}
		k := catalogKind{kind: spec[:eq], groups: []string{"*"}}
		if dot := strings.IndexByte(k.kind, '.'); dot >= 0 {
			k.groups = []string{k.kind[dot+1:]}
			k.kind = k.kind[:dot]
		}
		if p := spec[eq+1:]; p != "." && p != "" {
			k.path = strings.Split(p, ".")
		}
		extra = append(extra, k)
	}
	return extra, nil
}

func decodeAll(in io.Reader, out io.Writer, args []string) error {
	extra, err := parseWorkloads(args)
	if err != nil {
		return err
	}
	r := bufio.NewReader(in)
	enc := json.NewEncoder(out)
	for doc := 1; ; doc++ {
		header, err := r.ReadString('\n')
		if err == io.EOF && header == "" {
			return nil
		}
		if err != nil {
			return err
		}
		n, err := strconv.Atoi(strings.TrimSpace(header))
		if err != nil {
			return fmt.Errorf("document %d: bad length %q", doc, header)
		}
		text := make([]byte, n)
		if _, err := io.ReadFull(r, text); err != nil {
			return err
		}
		for _, v := range decodeDocument(text, extra) {
			v.Document = doc
			if err := enc.Encode(v); err != nil {
				return err
			}
		}
	}
}

// The verdicts of one document: one per workload object in it (a List's
// items one by one, as kubectl sends them), none for other objects.
func decodeDocument(text []byte, extra []catalogKind) []verdict {
	j, err := yaml.YAMLToJSON(text)
	if err != nil {
		return []verdict{{Typed: true, Stage: "yaml", Error: err.Error()}}
	}
	var head struct {
		APIVersion any               `json:"apiVersion"`
		Kind       any               `json:"kind"`
		Items      []json.RawMessage `json:"items"`
	}
	if json.Unmarshal(j, &head) != nil {
		return nil // not an object (a scalar or list document): no workload
	}
	if k, ok := head.Kind.(string); ok && strings.HasSuffix(k, "List") && head.Items != nil {
		var out []verdict
		for i, item := range head.Items {
			for _, v := range decodeObject(item, extra) {
				v.Item = fmt.Sprintf("items[%d]", i)
				out = append(out, v)
			}
		}
		return out
	}
	return decodeObject(j, extra)
}

func decodeObject(j []byte, extra []catalogKind) []verdict {
	var head struct {
		APIVersion any `json:"apiVersion"`
		Kind       any `json:"kind"`
	}
	if json.Unmarshal(j, &head) != nil {
		return nil
	}
	apiVersion, _ := head.APIVersion.(string)
	kind, ok := head.Kind.(string)
	if !ok {
		return nil
	}
	t := workloadType(apiVersion, kind, extra)
	if t == nil {
		return nil
	}
	v := verdict{APIVersion: apiVersion, Kind: kind, Typed: true, OK: true}
	if err := typedDecode(j, t); err != nil {
		v.OK, v.Stage, v.Error = false, "decode", err.Error()
	}
	return []verdict{v}
}

// The API server's decode (k8s.io/apimachinery runtime/serializer/json:
// sigs.k8s.io/json's UnmarshalCaseSensitivePreserveInts), field validation
// apart.
func typedDecode(j []byte, t reflect.Type) error {
	return kjson.UnmarshalCaseSensitivePreserveInts(j, reflect.New(t).Interface())
}

// YAML text (JSON included) through kubectl's conversion and the typed decode.
func yamlDecode(text []byte, t reflect.Type) error {
	j, err := yaml.YAMLToJSON(text)
	if err != nil {
		return err
	}
	return typedDecode(j, t)
}
