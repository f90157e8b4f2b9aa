// A test-only oracle: Go's own text/template with the function map Istio's
// injector gives its templates (pkg/kube/inject/inject.go:
// template.New("inject").Funcs(sprig.TxtFuncMap()).Funcs(InjectionFuncmap)),
// Sprig v3.3.0 exactly as go.mod pins it, and Istio's functions written
// again here from pkg/kube/inject/template.go of Istio 1.30.3 (istio.go; Istio
// itself is not imported). test/sprig_oracle_test.cpp drives the same
// templates through kinject's engine and compares. Not part of kinject.
//
// `sprig-oracle render` reads cases from stdin, each framed as
//   <template bytes> <data bytes> <env bytes>\n<template><data><env>
// where data is JSON (decoded with encoding/json into interface{}, as the
// C++ side decodes it) and env is a JSON object of strings (what Istio's
// `env` sees as istiod's environment). For each it writes
//   ok <bytes>\n<output>\n   or   err <bytes>\n<error text>\n
// so that any bytes, invalid UTF-8 included, come back unchanged.
//
// `sprig-oracle names` prints every function name of the map, one a line.
// `sprig-oracle casetables` prints the C++ source of Go's Unicode case
// mapping tables (unicode.ToUpper/ToLower), src/base/unicode_tables.cpp.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig/v3"
)

// The environment Istio's `env` reads; set per case.
var currentEnv map[string]string

func funcMap() template.FuncMap {
	return istioFuncs()
}

func render(text string, data any) (out string, err error) {
	defer func() {
		// text/template recovers a function's panic itself; this is for the
		// engine's own (none known), so a case never kills the batch.
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	t, err := template.New("inject").Funcs(sprig.TxtFuncMap()).Funcs(funcMap()).Parse(text)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	err = t.Execute(&b, data)
	return b.String(), err
}

func readFrame(in *bufio.Reader) (parts [3][]byte, ok bool, err error) {
	header, err := in.ReadString('\n')
	if err == io.EOF && header == "" {
		return parts, false, nil
	}
	if err != nil {
		return parts, false, err
	}
	var n [3]int
	if _, err := fmt.Sscanf(header, "%d %d %d\n", &n[0], &n[1], &n[2]); err != nil {
		return parts, false, fmt.Errorf("bad frame header %q: %v", header, err)
	}
	for i := range parts {
		parts[i] = make([]byte, n[i])
		if _, err := io.ReadFull(in, parts[i]); err != nil {
			return parts, false, err
		}
	}
	return parts, true, nil
}

func renderAll() error {
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for {
		parts, ok, err := readFrame(in)
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		var data any
		if len(parts[1]) > 0 {
			if err := json.Unmarshal(parts[1], &data); err != nil {
				return fmt.Errorf("case data %q: %v", parts[1], err)
			}
		}
		currentEnv = map[string]string{}
		if len(parts[2]) > 0 {
			if err := json.Unmarshal(parts[2], &currentEnv); err != nil {
				return fmt.Errorf("case env %q: %v", parts[2], err)
			}
		}
		res, rerr := render(string(parts[0]), data)
		if rerr != nil {
			fmt.Fprintf(out, "err %d\n%s\n", len(rerr.Error()), rerr.Error())
		} else {
			fmt.Fprintf(out, "ok %d\n%s\n", len(res), res)
		}
	}
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: sprig-oracle render|names|casetables")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "render":
		err = renderAll()
	case "names":
		var names []string
		for n := range sprig.TxtFuncMap() {
			names = append(names, n)
		}
		for n := range funcMap() {
			if _, ok := sprig.TxtFuncMap()[n]; !ok {
				names = append(names, n)
			}
		}
		sort.Strings(names)
		fmt.Println(strings.Join(names, "\n"))
	case "casetables":
		err = caseTables(os.Stdout)
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sprig-oracle:", err)
		os.Exit(2)
	}
}
