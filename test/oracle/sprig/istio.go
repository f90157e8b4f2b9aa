// Istio's injection functions, written again from pkg/kube/inject/template.go
// of Istio 1.30.3 (InjectionFuncmap), for the oracle only. The functions
// whose parameters are Istio's or Kubernetes' Go types (annotation:
// metav1.ObjectMeta; formatDuration: *durationpb.Duration; protoToJSON:
// proto.Message; includeInboundPorts, applicationPorts: []corev1.Container;
// otelResourceAttributes: *meshconfig.MeshConfig) are left out: without
// those types Go would refuse the JSON values the test can give, and they are
// covered by test/template_funcs_test.cpp. Istio's log.Warnf calls are
// dropped (they only log).
package main

import (
	"encoding/json"
	"fmt"
	"path"
	"strings"
	"text/template"

	"sigs.k8s.io/yaml"
)

func istioFuncs() template.FuncMap {
	return template.FuncMap{
		"isset":               isset,
		"excludeInboundPort":  excludeInboundPort,
		"kubevirtInterfaces":  func(s string) string { return s },
		"excludeInterfaces":   func(s string) string { return s },
		"valueOrDefault":      valueOrDefault,
		"toJSON":              toJSON,
		"fromJSON":            fromJSON,
		"structToJSON":        structToJSON,
		"toYaml":              toYaml,
		"indent":              indent,
		"directory":           directory,
		"contains":            flippedContains,
		"toLower":             strings.ToLower,
		"appendMultusNetwork": appendMultusNetwork,
		"env":                 env,
		"omit":                omit,
		"strdict":             strdict,
		"toJsonMap":           toJSONMap,
		"mergeMaps":           mergeMaps,
		"omitNil":             omitNil,
	}
}

// Istio reads os.Getenv; the oracle reads the case's environment.
func env(key string, def string) string {
	val := currentEnv[key]
	if val == "" {
		return def
	}
	return val
}

func isset(m map[string]string, key string) bool {
	_, ok := m[key]
	return ok
}

func directory(filepath string) string {
	dir, _ := path.Split(filepath)
	return dir
}

func flippedContains(needle, haystack string) bool {
	return strings.Contains(haystack, needle)
}

func splitPorts(portsString string) []string {
	return strings.Split(portsString, ",")
}

func excludeInboundPort(port any, excludedInboundPorts string) string {
	portStr := strings.TrimSpace(fmt.Sprint(port))
	if len(portStr) == 0 || portStr == "0" {
		return excludedInboundPorts
	}
	ports := splitPorts(excludedInboundPorts)
	outPorts := make([]string, 0, len(ports))
	for _, port := range ports {
		if port == portStr {
			return excludedInboundPorts
		}
		port = strings.TrimSpace(port)
		if len(port) > 0 {
			outPorts = append(outPorts, port)
		}
	}
	outPorts = append(outPorts, portStr)
	return strings.Join(outPorts, ",")
}

func valueOrDefault(value any, defaultValue any) any {
	if value == "" || value == nil {
		return defaultValue
	}
	return value
}

func toJSON(m map[string]string) string {
	if m == nil {
		return "{}"
	}
	ba, err := json.Marshal(m)
	if err != nil {
		return "{}"
	}
	return string(ba)
}

func fromJSON(j string) any {
	var m any
	if err := json.Unmarshal([]byte(j), &m); err != nil {
		return "{}"
	}
	return m
}

func indent(spaces int, source string) string {
	res := strings.Split(source, "\n")
	for i, line := range res {
		if i > 0 {
			res[i] = fmt.Sprintf(fmt.Sprintf("%% %ds%%s", spaces), "", line)
		}
	}
	return strings.Join(res, "\n")
}

func toYaml(value any) string {
	y, err := yaml.Marshal(value)
	if err != nil {
		return ""
	}
	return string(y)
}

// k8s.io/utils/strings.SplitQualifiedName.
func splitQualifiedName(str string) (string, string) {
	parts := strings.Split(str, "/")
	if len(parts) < 2 {
		return "", str
	}
	return parts[0], parts[1]
}

func appendMultusNetwork(existingValue, istioCniNetwork string) string {
	if existingValue == "" {
		return istioCniNetwork
	}
	i := strings.LastIndex(existingValue, "]")
	isJSON := i != -1
	if isJSON {
		networks := []map[string]any{}
		if err := json.Unmarshal([]byte(existingValue), &networks); err != nil {
			return existingValue
		}
		istioCniNetworkNs, istioCniNetworkName := splitQualifiedName(istioCniNetwork)
		for _, net := range networks {
			if net["name"] == istioCniNetworkName {
				ns := net["namespace"]
				if ns == nil {
					ns = ""
				}
				if ns == istioCniNetworkNs {
					return existingValue
				}
			}
		}
		var istioCniNetworkJSON string
		if istioCniNetworkNs == "" {
			istioCniNetworkJSON = fmt.Sprintf(`, {"name": "%s"}`, istioCniNetworkName)
		} else {
			istioCniNetworkJSON = fmt.Sprintf(`, {"name": "%s", "namespace": "%s"}`, istioCniNetworkName, istioCniNetworkNs)
		}
		return existingValue[0:i] + istioCniNetworkJSON + existingValue[i:]
	}
	for _, net := range strings.Split(existingValue, ",") {
		if strings.TrimSpace(net) == istioCniNetwork {
			return existingValue
		}
	}
	return existingValue + ", " + istioCniNetwork
}

func structToJSON(v any) string {
	if v == nil {
		return "{}"
	}
	ba, err := json.Marshal(v)
	if err != nil {
		return "{}"
	}
	return string(ba)
}

func toJSONMap(mps ...map[string]string) string {
	data, err := json.Marshal(mergeMaps(mps...))
	if err != nil {
		return ""
	}
	return string(data)
}

func omit(dict map[string]string, keys ...string) map[string]string {
	res := map[string]string{}
	omit := make(map[string]bool, len(keys))
	for _, k := range keys {
		omit[k] = true
	}
	for k, v := range dict {
		if _, ok := omit[k]; !ok {
			res[k] = v
		}
	}
	return res
}

func strdict(v ...string) map[string]string {
	dict := map[string]string{}
	lenv := len(v)
	for i := 0; i < lenv; i += 2 {
		key := v[i]
		if i+1 >= lenv {
			dict[key] = ""
			continue
		}
		dict[key] = v[i+1]
	}
	return dict
}

func mergeMaps(maps ...map[string]string) map[string]string {
	if len(maps) == 0 {
		return nil
	}
	res := make(map[string]string, len(maps[0]))
	for _, m := range maps {
		for k, v := range m {
			res[k] = v
		}
	}
	return res
}

func omitNil(v any) any {
	res, _ := omitNilInternal(v)
	return res
}

func omitNilInternal(v any) (any, bool) {
	if v == nil {
		return nil, true
	}
	switch v := v.(type) {
	case map[string]any:
		for _, val := range v {
			if _, changed := omitNilInternal(val); changed {
				out := make(map[string]any, len(v))
				for k2, v2 := range v {
					if f := omitNil(v2); f != nil {
						out[k2] = f
					}
				}
				if len(out) == 0 {
					return nil, true
				}
				return out, true
			}
		}
		return v, false
	case []any:
		for i, val := range v {
			if _, changed := omitNilInternal(val); changed {
				out := make([]any, 0, len(v))
				for j := 0; j < i; j++ {
					out = append(out, v[j])
				}
				for j := i; j < len(v); j++ {
					if f := omitNil(v[j]); f != nil {
						out = append(out, f)
					}
				}
				if len(out) == 0 {
					return nil, true
				}
				return out, true
			}
		}
		return v, false
	default:
		return v, false
	}
}
