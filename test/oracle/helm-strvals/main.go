// A test-only oracle: Helm's own --set parser (helm.sh/helm/v3 pkg/strvals,
// ParseInto) on the texts kinject's test gives it, so that test/helm_set_test.cpp
// can compare kinject's reading with Helm's. Not part of kinject.
//
// Input: one JSON array of --set texts a line, parsed in turn into one map.
// Output: a line of JSON for each, {"values": {...}} or {"error": "..."}.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"helm.sh/helm/v3/pkg/strvals"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		var sets []string
		if err := json.Unmarshal(in.Bytes(), &sets); err != nil {
			fmt.Fprintln(os.Stderr, "helm-strvals oracle:", err)
			os.Exit(2)
		}
		vals := map[string]any{}
		var perr error
		for _, s := range sets {
			if perr = strvals.ParseInto(s, vals); perr != nil {
				break
			}
		}
		res := map[string]any{}
		if perr != nil {
			res["error"] = perr.Error()
		} else {
			res["values"] = vals
		}
		b, err := json.Marshal(res)
		if err != nil {
			fmt.Fprintln(os.Stderr, "helm-strvals oracle:", err)
			os.Exit(2)
		}
		out.Write(b)
		out.WriteByte('\n')
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "helm-strvals oracle:", err)
		os.Exit(2)
	}
}
