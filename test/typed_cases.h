// Adversarial cases of the typed decode: each a workload document, whether
// kubectl's typed decode takes it, and where kinject says it fails. The
// verdicts were worked out by hand from the Go sources cited beside them
// (sigs.k8s.io/yaml YAMLToJSON over go-yaml v2's resolve.go; encoding/json's
// decode.go literalStore; apimachinery's Quantity.UnmarshalJSON and
// ParseQuantity, IntOrString.UnmarshalJSON, metav1.Time.UnmarshalJSON;
// time.Parse) and are checked against Go itself by the test "oracle: kinject's
// typed decode agrees with Go's on the adversarial cases" (oracle_test.cpp).
// Tests only.
#pragma once

#include <string>
#include <vector>

namespace kinject::test {

struct TypedCase {
  const char* name;
  std::string doc;
  bool ok;
  const char* path;  // where kinject places the problem ("" when it decodes)
};

inline const std::string kTypedDeploy =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers:\n"
    "      - name: app\n";  // pod spec fields follow at 6 spaces, the container's at 8

inline std::vector<TypedCase> typed_cases() {
  const std::string d = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n";
  const std::string c = kTypedDeploy;
  return {
      // The bugs of issue 22.
      {"replicas: \"three\"", d + "spec: {replicas: \"three\"}\n", false, "spec.replicas"},
      {"ports: \"80\"", c + "        ports: \"80\"\n", false, "spec.template.spec.containers[0].ports"},
      {"containerPort: \"8080\"", c + "        ports: [{containerPort: \"8080\"}]\n", false,
       "spec.template.spec.containers[0].ports[0].containerPort"},
      {"hostNetwork: \"true\"", c + "      hostNetwork: \"true\"\n", false, "spec.template.spec.hostNetwork"},
      {"name: 42", d + "spec: {template: {spec: {containers: [{name: 42}]}}}\n", false, "spec.template.spec.containers[0].name"},
      {"label value 1", d + "spec: {template: {metadata: {labels: {a: 1}}}}\n", false, "spec.template.metadata.labels.a"},
      {"labels: [app, web]", d + "spec: {template: {metadata: {labels: [app, web]}}}\n", false, "spec.template.metadata.labels"},
      {"volumes: {}", c + "      volumes: {}\n", false, "spec.template.spec.volumes"},
      {"initContainers: {}", c + "      initContainers: {}\n", false, "spec.template.spec.initContainers"},
      {"containers: {}", d + "spec: {template: {spec: {containers: {}}}}\n", false, "spec.template.spec.containers"},
      {"containers: app", d + "spec: {template: {spec: {containers: app}}}\n", false, "spec.template.spec.containers"},
      {"template: []", d + "spec: {template: []}\n", false, "spec.template"},
      {"spec: x", d + "spec: x\n", false, "spec"},
      // YAML 1.1 resolution (go-yaml v2 resolve.go): booleans in any of their
      // cases, octal, hex, underscores; timestamps stay strings.
      {"hostNetwork: yes", c + "      hostNetwork: yes\n", true, ""},
      {"hostNetwork: On", c + "      hostNetwork: On\n", true, ""},
      {"hostNetwork: Y", c + "      hostNetwork: Y\n", true, ""},
      {"env value: yes is a boolean", c + "        env: [{name: A, value: yes}]\n", false,
       "spec.template.spec.containers[0].env[0].value"},
      {"env value: 1.5 is a number", c + "        env: [{name: A, value: 1.5}]\n", false,
       "spec.template.spec.containers[0].env[0].value"},
      {"env value: \"1.5\"", c + "        env: [{name: A, value: \"1.5\"}]\n", true, ""},
      {"env value: 2024-01-02 stays a string", c + "        env: [{name: A, value: 2024-01-02}]\n", true, ""},
      {"runAsUser: 0x10", c + "        securityContext: {runAsUser: 0x10}\n", true, ""},
      {"runAsUser: 017", c + "        securityContext: {runAsUser: 017}\n", true, ""},
      {"runAsUser: 1_000", c + "        securityContext: {runAsUser: 1_000}\n", true, ""},
      {"label value ~ (null)", d + "spec: {template: {metadata: {labels: {a: ~}}}}\n", true, ""},
      {"label value yes", d + "spec: {template: {metadata: {labels: {a: yes}}}}\n", false, "spec.template.metadata.labels.a"},
      {"label key 1 (a number key becomes a string)", d + "spec: {template: {metadata: {labels: {1: a}}}}\n", true, ""},
      // encoding/json's ints: go-yaml gives float64 for 1.0 and 1e3 and
      // json.Marshal writes them as 1 and 1000.
      {"replicas: 1.0", d + "spec: {replicas: 1.0}\n", true, ""},
      {"replicas: 1e3", d + "spec: {replicas: 1e3}\n", true, ""},
      {"replicas: 1.5", d + "spec: {replicas: 1.5}\n", false, "spec.replicas"},
      {"replicas: 3e9 (past int32)", d + "spec: {replicas: 3e9}\n", false, "spec.replicas"},
      {"replicas: 2147483648", d + "spec: {replicas: 2147483648}\n", false, "spec.replicas"},
      {"activeDeadlineSeconds: 3e9 (an int64)", c + "      activeDeadlineSeconds: 3e9\n", true, ""},
      {"replicas: -0.0", d + "spec: {replicas: -0.0}\n", true, ""},
      {"replicas: null", d + "spec: {replicas: null}\n", true, ""},
      {"spec: null", d + "spec: null\n", true, ""},
      {"replicas: .inf (no JSON form)", d + "spec: {replicas: .inf}\n", false, "spec.replicas"},
      {"an unknown field's .nan (no JSON form)", d + "spec: {x: .nan}\n", false, "spec.x"},
      {"Replicas: x (field names match case-sensitively)", d + "spec: {Replicas: x}\n", true, ""},
      {"a null key", d + "spec: {template: {metadata: {labels: {~: a}}}}\n", false, "spec.template.metadata.labels"},
      // resource.Quantity: UnmarshalJSON trims spaces and calls ParseQuantity.
      {"cpu: 0.5", c + "        resources: {limits: {cpu: 0.5}}\n", true, ""},
      {"cpu: 1e3", c + "        resources: {limits: {cpu: 1e3}}\n", true, ""},
      {"cpu: ' 500m '", c + "        resources: {limits: {cpu: ' 500m '}}\n", true, ""},
      {"memory: 1GB", c + "        resources: {limits: {memory: 1GB}}\n", false,
       "spec.template.spec.containers[0].resources.limits.memory"},
      {"cpu: true", c + "        resources: {limits: {cpu: true}}\n", false, "spec.template.spec.containers[0].resources.limits.cpu"},
      {"cpu: ''", c + "        resources: {limits: {cpu: ''}}\n", false, "spec.template.spec.containers[0].resources.limits.cpu"},
      {"cpu: '+' (ParseQuantity reads zero)", c + "        resources: {limits: {cpu: '+'}}\n", true, ""},
      {"cpu: '.'", c + "        resources: {limits: {cpu: '.'}}\n", true, ""},
      {"memory: .Ei (no digits on the slow path)", c + "        resources: {limits: {memory: .Ei}}\n", false,
       "spec.template.spec.containers[0].resources.limits.memory"},
      {"cpu: 1e (no exponent)", c + "        resources: {limits: {cpu: 1e}}\n", false,
       "spec.template.spec.containers[0].resources.limits.cpu"},
      {"limits: 3000m", c + "        resources: {limits: 3000m}\n", false, "spec.template.spec.containers[0].resources.limits"},
      // intstr.IntOrString: a JSON string, or json.Unmarshal into int32.
      {"maxSurge: 25%", d + "spec: {strategy: {rollingUpdate: {maxSurge: 25%}}}\n", true, ""},
      {"maxSurge: 1.0", d + "spec: {strategy: {rollingUpdate: {maxSurge: 1.0}}}\n", true, ""},
      {"maxSurge: 1.5", d + "spec: {strategy: {rollingUpdate: {maxSurge: 1.5}}}\n", false, "spec.strategy.rollingUpdate.maxSurge"},
      {"maxSurge: true", d + "spec: {strategy: {rollingUpdate: {maxSurge: true}}}\n", false, "spec.strategy.rollingUpdate.maxSurge"},
      {"maxSurge: 3e9", d + "spec: {strategy: {rollingUpdate: {maxSurge: 3e9}}}\n", false, "spec.strategy.rollingUpdate.maxSurge"},
      {"httpGet port: http", c + "        livenessProbe: {httpGet: {port: http}}\n", true, ""},
      // metav1.Time: null or time.Parse(time.RFC3339, ...).
      {"creationTimestamp: null", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, creationTimestamp: null}\n", true, ""},
      {"creationTimestamp: an RFC 3339 time", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, creationTimestamp: 2020-01-01T00:00:00Z}\n", true, ""},
      {"creationTimestamp: a date", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, creationTimestamp: 2020-01-01}\n", false, "metadata.creationTimestamp"},
      {"creationTimestamp: February 30th", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, creationTimestamp: '2020-02-30T00:00:00Z'}\n", false, "metadata.creationTimestamp"},
      {"creationTimestamp: a one-digit hour (time.Parse's general path)", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, creationTimestamp: '2020-01-01T1:02:03Z'}\n", true, ""},
      {"creationTimestamp: 1", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, creationTimestamp: 1}\n", false, "metadata.creationTimestamp"},
      // Lists, maps, structs.
      {"tolerationSeconds: \"30\"", c + "      tolerations: [{key: k, tolerationSeconds: \"30\"}]\n", false,
       "spec.template.spec.tolerations[0].tolerationSeconds"},
      {"a null list item", c + "      tolerations: [null]\n", true, ""},
      {"ownerReferences: {}", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, ownerReferences: {}}\n", false, "metadata.ownerReferences"},
      {"finalizers: a", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, finalizers: a}\n", false, "metadata.finalizers"},
      {"managedFields fieldsV1: anything", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, managedFields: [{fieldsV1: {f:a: {}}}]}\n", true, ""},
      {"sysctls: {}", c + "      securityContext: {sysctls: {}}\n", false, "spec.template.spec.securityContext.sysctls"},
      {"supplementalGroups: [a]", c + "      securityContext: {supplementalGroups: [a]}\n", false,
       "spec.template.spec.securityContext.supplementalGroups[0]"},
      {"status is decoded too", d + "status: {replicas: \"1\"}\n", false, "status.replicas"},
      // Other kinds and versions.
      {"StatefulSet claim storage: 1GB", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec:\n  volumeClaimTemplates:\n  - spec: {resources: {requests: {storage: 1GB}}}\n", false,
       "spec.volumeClaimTemplates[0].spec.resources.requests.storage"},
      {"CronJob schedule: 5", "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec: {schedule: 5}\n", false, "spec.schedule"},
      {"CronJob jobTemplate: []", "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec: {jobTemplate: []}\n", false, "spec.jobTemplate"},
      {"CronJob suspend: \"false\"", "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}\nspec: {suspend: \"false\"}\n", false, "spec.suspend"},
      {"Job backoffLimit: x", "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec: {backoffLimit: x}\n", false, "spec.backoffLimit"},
      {"extensions/v1beta1 rollbackTo.revision: \"1\"", "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\nspec: {rollbackTo: {revision: \"1\"}}\n", false, "spec.rollbackTo.revision"},
      {"apps/v1 has no rollbackTo", d + "spec: {rollbackTo: {revision: \"1\"}}\n", true, ""},
      {"DeploymentConfig triggers: {}", "apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata: {name: dc}\nspec: {triggers: {}}\n", false, "spec.triggers"},
      {"DeploymentConfig test: \"false\"", "apiVersion: v1\nkind: DeploymentConfig\nmetadata: {name: dc}\nspec: {test: \"false\"}\n", false, "spec.test"},
      {"DeploymentConfig selector: [a]", "apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata: {name: dc}\nspec: {selector: [a]}\n", false, "spec.selector"},
      {"ReplicationController selector: {a: 1}", "apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc}\nspec: {selector: {a: 1}}\n", false, "spec.selector.a"},
      {"Pod priority: high", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {priority: high, containers: [{name: a}]}\n", false, "spec.priority"},
      // Custom resources: metadata and the pod template are typed, the rest
      // is the CRD's.
      {"Rollout spec.replicas: x", "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec: {replicas: x}\n", true, ""},
      {"Rollout containers: {}", "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec: {template: {spec: {containers: {}}}}\n", false, "spec.template.spec.containers"},
      {"Rollout labels: [a]", "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r, labels: [a]}\n", false, "metadata.labels"},
      {"Rollout spec: x", "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec: x\n", false, "spec"},
      {"apps/v9 Deployment: typed as a custom resource", "apiVersion: apps/v9\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: x, template: {spec: {hostNetwork: x}}}\n", false, "spec.template.spec.hostNetwork"},
      // A List: each item on its own.
      {"a List item", "apiVersion: v1\nkind: List\nitems:\n- " + std::string("apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n  spec: {priority: x}\n"), false, "spec.priority"},
  };
}

}  // namespace kinject::test
