package main

import (
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
)

// The Go types, as kinject keeps them (include/kinject/k8s/k8s_types.h):
// per struct its fields in Go's order with their JSON names, kinds,
// omitempty, pointer and inline flags, and the Go type names Go's errors
// show. Printed as C++ (src/k8s/k8s_type_tables.cpp), committed, and
// compared with this output by the test "oracle: the C++ type tables are
// k8s.io/api's".

type fieldInfo struct {
	goName, jsonName, kind string
	sub                    reflect.Type // Struct, StructList
	omitempty, pointer     bool
	inline                 bool
	goType, elemType       string
}

func implementsUnmarshaler(t reflect.Type) bool {
	_, ok := reflect.PointerTo(t).MethodByName("UnmarshalJSON")
	return ok
}

// A type that decodes itself (UnmarshalJSON): what kinject calls it.
func special(t reflect.Type) (string, bool) {
	switch t.PkgPath() + "." + t.Name() {
	case "k8s.io/apimachinery/pkg/api/resource.Quantity":
		return "Quantity", true
	case "k8s.io/apimachinery/pkg/util/intstr.IntOrString":
		return "IntOrString", true
	case "k8s.io/apimachinery/pkg/apis/meta/v1.Time":
		return "Time", true
	case "k8s.io/apimachinery/pkg/apis/meta/v1.FieldsV1", "k8s.io/apimachinery/pkg/runtime.RawExtension":
		return "Raw", true
	}
	return "", false
}

func classify(ft reflect.Type) (fieldInfo, error) {
	var f fieldInfo
	if ft.Kind() == reflect.Pointer {
		f.pointer = true
		ft = ft.Elem()
	}
	f.goType = ft.String()
	if implementsUnmarshaler(ft) {
		k, ok := special(ft)
		if !ok {
			return f, fmt.Errorf("%s decodes itself and kinject has no kind for it", ft)
		}
		f.kind = k
		return f, nil
	}
	switch ft.Kind() {
	case reflect.String:
		f.kind = "String"
	case reflect.Bool:
		f.kind = "Bool"
	case reflect.Int32:
		f.kind = "Int32"
	case reflect.Int64, reflect.Int:
		f.kind = "Int64"
	case reflect.Float64:
		f.kind = "Float"
	case reflect.Interface:
		f.kind = "Raw"
	case reflect.Struct:
		f.kind, f.sub = "Struct", ft
	case reflect.Slice:
		e := ft.Elem()
		f.elemType = e.String()
		switch {
		case e.Kind() == reflect.String:
			f.kind = "StringList"
		case e.Kind() == reflect.Int32:
			f.kind = "Int32List"
		case e.Kind() == reflect.Int64:
			f.kind = "Int64List"
		case e.Kind() == reflect.Struct && !implementsUnmarshaler(e):
			f.kind, f.sub = "StructList", e
		default:
			return f, fmt.Errorf("no kind for %s", ft)
		}
	case reflect.Map:
		e := ft.Elem()
		f.elemType = e.String()
		if ft.Key().Kind() != reflect.String {
			return f, fmt.Errorf("no kind for %s", ft)
		}
		if k, _ := special(e); k == "Quantity" {
			f.kind = "QuantityMap"
		} else if e.Kind() == reflect.String {
			f.kind = "StringMap"
		} else {
			return f, fmt.Errorf("no kind for %s", ft)
		}
	default:
		return f, fmt.Errorf("no kind for %s", ft)
	}
	return f, nil
}

// The fields encoding/json sees on a struct, embedded ones without a JSON
// name inlined where they stand.
func structFields(t reflect.Type) ([]fieldInfo, error) {
	var out []fieldInfo
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" || (!sf.IsExported() && !sf.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		f, err := classify(sf.Type)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", t, sf.Name, err)
		}
		f.goName = sf.Name
		f.jsonName = name
		f.omitempty = strings.Contains(","+opts+",", ",omitempty,")
		if sf.Anonymous && name == "" {
			if f.kind != "Struct" {
				return nil, fmt.Errorf("%s.%s: embedded %s", t, sf.Name, sf.Type)
			}
			f.inline = true
		} else if name == "" {
			f.jsonName = sf.Name
		}
		out = append(out, f)
	}
	return out, nil
}

func cppName(t reflect.Type) string {
	p := t.PkgPath()
	for _, prefix := range []string{"k8s.io/api/", "k8s.io/apimachinery/pkg/apis/", "k8s.io/apimachinery/pkg/", "kinject.test/oracle/k8sdecode/"} {
		p = strings.TrimPrefix(p, prefix)
	}
	return strings.NewReplacer("/", "_", ".", "_").Replace(p) + "_" + t.Name()
}

func qualified(t reflect.Type) string {
	p := strings.Replace(t.PkgPath(), "kinject.test/oracle/k8sdecode/openshift", "github.com/openshift/api", 1)
	return p + "." + t.Name()
}

func tables(out io.Writer) error {
	var order []reflect.Type
	fieldsOf := map[reflect.Type][]fieldInfo{}
	var visit func(t reflect.Type) error
	visit = func(t reflect.Type) error {
		if _, ok := fieldsOf[t]; ok {
			return nil
		}
		fs, err := structFields(t)
		if err != nil {
			return err
		}
		fieldsOf[t] = fs
		order = append(order, t)
		for _, f := range fs {
			if f.sub != nil {
				if err := visit(f.sub); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for _, r := range roots {
		if err := visit(r.typ); err != nil {
			return err
		}
	}
	sort.Slice(order, func(i, j int) bool { return cppName(order[i]) < cppName(order[j]) })

	fmt.Fprint(out, `// The Go types of every workload kind kinject knows, field for field, as
// k8s.io/api v0.37.2 and k8s.io/apimachinery v0.37.2 declare them (and
// github.com/openshift/api's apps/v1 for DeploymentConfig): Go's field
// order, JSON names, kinds, omitempty, pointers, inlined embedded structs,
// and the Go type names Go's errors show.
//
// Written by the test oracle (test/oracle/k8sdecode: `+"`k8sdecode tables`"+`), not
// by hand, and checked against it by the test "oracle: the C++ type tables
// are k8s.io/api's"; to follow a new k8s.io/api, raise its version in
// test/oracle/k8sdecode/go.mod and write this file again (docs/testing.md).
// clang-format off
#include "type_tables.h"

#include <map>
#include <string>

namespace kinject::k8s::tables {

namespace {

struct Tables {
`)
	for _, t := range order {
		fmt.Fprintf(out, "  Type %s{%q, {}};\n", cppName(t), t.String())
	}
	fmt.Fprint(out, "  std::vector<Root> roots;\n  std::map<std::string, const Type*, std::less<>> by_name;\n\n  Tables() {\n")
	for _, t := range order {
		fmt.Fprintf(out, "    %s.fields = {\n", cppName(t))
		for _, f := range fieldsOf[t] {
			sub := "nullptr"
			if f.sub != nil {
				sub = "&" + cppName(f.sub)
			}
			elem := "nullptr"
			if f.elemType != "" {
				elem = fmt.Sprintf("%q", f.elemType)
			}
			fmt.Fprintf(out, "        {%q, %q, T::%s, %s, %t, %t, %t, %q, %s},\n", f.goName, f.jsonName, f.kind, sub,
				f.omitempty, f.pointer, f.inline, f.goType, elem)
		}
		fmt.Fprint(out, "    };\n")
	}
	fmt.Fprint(out, "    roots = {\n")
	for _, r := range roots {
		fmt.Fprintf(out, "        {%q, %q, &%s},\n", r.apiVersion, r.kind, cppName(r.typ))
	}
	fmt.Fprint(out, "    };\n")
	for _, t := range order {
		fmt.Fprintf(out, "    by_name.emplace(%q, &%s);\n", qualified(t), cppName(t))
	}
	fmt.Fprint(out, `  }
};

const Tables& all() {
  static const Tables t;
  return t;
}

}  // namespace

const Type* find(std::string_view qualified_name) {
  const auto& m = all().by_name;
  auto it = m.find(qualified_name);
  return it == m.end() ? nullptr : it->second;
}

const std::vector<Root>& roots() { return all().roots; }

}  // namespace kinject::k8s::tables
`)
	return nil
}
