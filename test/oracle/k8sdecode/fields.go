package main

import (
	"encoding/json"
	"io"
	"reflect"
	"strings"
)

// Field coverage: for every field of every Go struct a workload kind
// reaches, a document with a value of each JSON shape at that field, and
// Go's verdict on it. Each (struct, field) pair is visited once, at the
// first path that reaches it; kinject keeps its types per struct too, so
// one path per field covers its tables.

type fieldCase struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Path       string `json:"path"`
	Value      string `json:"value"`
	Doc        string `json:"doc"`
	OK         bool   `json:"ok"`
	Error      string `json:"error,omitempty"`
}

// Values of every JSON shape, and the edges of numbers.
var shapes = []string{
	`"x"`, `"1"`, `"true"`, `""`, `1`, `-1`, `0`, `1.5`, `1e3`, `3000000000`, `10000000000000000000`,
	`true`, `false`, `null`, `[]`, `["x"]`, `[1]`, `[{}]`, `[null]`, `{}`, `{"k":"v"}`, `{"k":1}`, `{"k":null}`,
}

// Values that only some kinds tell apart.
var specialValues = map[string][]string{
	"Quantity":    {`"1Gi"`, `" 1Gi "`, `"1GB"`, `"+"`, `"."`, `".Ei"`, `"1.5.5"`, `"1e"`, `"1e+3"`, `"0.5m"`, `"-1"`},
	"Time":        {`"2020-01-01T00:00:00Z"`, `"2020-01-01"`, `"2020-02-30T00:00:00Z"`, `"2020-01-01T1:02:03+24:00"`, `"2020-01-01T00:00:00,5Z"`, `"2020-01-01t00:00:00z"`},
	"IntOrString": {`"50%"`, `50.0`, `2147483648`},
}

type step struct {
	key   string // a field's or map's key
	index bool   // a list's first item
}

func wrap(path []step, v any) any {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i].index {
			v = []any{v}
		} else {
			v = map[string]any{path[i].key: v}
		}
	}
	return v
}

func pathString(path []step) string {
	var b strings.Builder
	for _, s := range path {
		if s.index {
			b.WriteString("[0]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	return b.String()
}

func fields(out io.Writer) error {
	enc := json.NewEncoder(out)
	seen := map[reflect.Type]map[string]bool{}
	for _, r := range roots {
		var walk func(t reflect.Type, path []step) error
		walk = func(t reflect.Type, path []step) error {
			fs, err := structFields(t)
			if err != nil {
				return err
			}
			if seen[t] == nil {
				seen[t] = map[string]bool{}
			}
			for _, f := range fs {
				if f.inline {
					if err := walk(f.sub, path); err != nil {
						return err
					}
					continue
				}
				if len(path) == 0 && (f.jsonName == "apiVersion" || f.jsonName == "kind") {
					continue // they say which object it is
				}
				if seen[t][f.jsonName] {
					continue
				}
				seen[t][f.jsonName] = true
				here := append(append([]step{}, path...), step{key: f.jsonName})
				values := append(append([]string{}, shapes...), specialValues[f.kind]...)
				for _, v := range values {
					var raw any = json.RawMessage(v)
					doc := wrap(here, raw).(map[string]any)
					doc["apiVersion"], doc["kind"] = r.apiVersion, r.kind
					text, err := json.Marshal(doc)
					if err != nil {
						return err
					}
					c := fieldCase{APIVersion: r.apiVersion, Kind: r.kind, Path: pathString(here), Value: v, Doc: string(text), OK: true}
					if err := yamlDecode(text, r.typ); err != nil {
						c.OK, c.Error = false, err.Error()
					}
					if err := enc.Encode(c); err != nil {
						return err
					}
				}
				switch {
				case f.kind == "Struct":
					if err := walk(f.sub, here); err != nil {
						return err
					}
				case f.kind == "StructList":
					if err := walk(f.sub, append(here, step{index: true})); err != nil {
						return err
					}
				}
			}
			return nil
		}
		if err := walk(r.typ, nil); err != nil {
			return err
		}
	}
	return nil
}
