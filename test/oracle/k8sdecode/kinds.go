package main

import (
	"reflect"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	appsv1beta1 "k8s.io/api/apps/v1beta1"
	appsv1beta2 "k8s.io/api/apps/v1beta2"
	batchv1 "k8s.io/api/batch/v1"
	batchv1beta1 "k8s.io/api/batch/v1beta1"
	corev1 "k8s.io/api/core/v1"
	extv1beta1 "k8s.io/api/extensions/v1beta1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	ocappsv1 "kinject.test/oracle/k8sdecode/openshift/apps/v1"
)

// A workload kind at one API version and the Go type the API server decodes
// it into.
type root struct {
	apiVersion, kind string
	typ              reflect.Type
}

func typeOf[T any]() reflect.Type { return reflect.TypeOf((*T)(nil)).Elem() }

// Every built-in workload kind of kinject's WorkloadCatalog
// (src/k8s/workloads.cpp) at every version k8s.io/api v0.37 still holds.
var roots = []root{
	{"v1", "Pod", typeOf[corev1.Pod]()},
	{"v1", "ReplicationController", typeOf[corev1.ReplicationController]()},
	{"apps/v1", "Deployment", typeOf[appsv1.Deployment]()},
	{"apps/v1", "StatefulSet", typeOf[appsv1.StatefulSet]()},
	{"apps/v1", "DaemonSet", typeOf[appsv1.DaemonSet]()},
	{"apps/v1", "ReplicaSet", typeOf[appsv1.ReplicaSet]()},
	{"apps/v1beta1", "Deployment", typeOf[appsv1beta1.Deployment]()},
	{"apps/v1beta1", "StatefulSet", typeOf[appsv1beta1.StatefulSet]()},
	{"apps/v1beta2", "Deployment", typeOf[appsv1beta2.Deployment]()},
	{"apps/v1beta2", "StatefulSet", typeOf[appsv1beta2.StatefulSet]()},
	{"apps/v1beta2", "DaemonSet", typeOf[appsv1beta2.DaemonSet]()},
	{"apps/v1beta2", "ReplicaSet", typeOf[appsv1beta2.ReplicaSet]()},
	{"extensions/v1beta1", "Deployment", typeOf[extv1beta1.Deployment]()},
	{"extensions/v1beta1", "DaemonSet", typeOf[extv1beta1.DaemonSet]()},
	{"extensions/v1beta1", "ReplicaSet", typeOf[extv1beta1.ReplicaSet]()},
	{"batch/v1", "Job", typeOf[batchv1.Job]()},
	{"batch/v1", "CronJob", typeOf[batchv1.CronJob]()},
	{"batch/v1beta1", "CronJob", typeOf[batchv1beta1.CronJob]()},
	{"apps.openshift.io/v1", "DeploymentConfig", typeOf[ocappsv1.DeploymentConfig]()},
	{"v1", "DeploymentConfig", typeOf[ocappsv1.DeploymentConfig]()},
}

// kinject's catalog: kind, API groups ("" = core), path to the pod template.
type catalogKind struct {
	kind   string
	groups []string
	path   []string
}

var catalog = []catalogKind{
	{"Pod", []string{""}, nil},
	{"Deployment", []string{"apps", "extensions"}, []string{"spec", "template"}},
	{"StatefulSet", []string{"apps"}, []string{"spec", "template"}},
	{"DaemonSet", []string{"apps", "extensions"}, []string{"spec", "template"}},
	{"ReplicaSet", []string{"apps", "extensions"}, []string{"spec", "template"}},
	{"ReplicationController", []string{""}, []string{"spec", "template"}},
	{"Job", []string{"batch"}, []string{"spec", "template"}},
	{"CronJob", []string{"batch"}, []string{"spec", "jobTemplate", "spec", "template"}},
	{"DeploymentConfig", []string{"apps.openshift.io", ""}, []string{"spec", "template"}},
	{"Rollout", []string{"argoproj.io"}, []string{"spec", "template"}},
}

func group(apiVersion string) string {
	if i := strings.IndexByte(apiVersion, '/'); i >= 0 {
		return apiVersion[:i]
	}
	return ""
}

// The Go type an object decodes into, as kinject chooses it: the kind's own
// type at a version Kubernetes has; for a custom resource (Rollout, a
// --workload kind) or a version k8s.io/api does not hold, only what kinject
// knows of it: TypeMeta, ObjectMeta and the pod template at its path.
// nil when the object is no workload.
func workloadType(apiVersion, kind string, extra []catalogKind) reflect.Type {
	for _, r := range roots {
		if r.apiVersion == apiVersion && r.kind == kind {
			return r.typ
		}
	}
	for _, list := range [][]catalogKind{extra, catalog} {
		for _, k := range list {
			if k.kind != kind {
				continue
			}
			for _, g := range k.groups {
				if g == "*" || g == group(apiVersion) {
					return customType(k.path)
				}
			}
		}
	}
	return nil
}

// struct{ TypeMeta; metadata ObjectMeta; <path> PodTemplateSpec }, built at
// run time: a custom resource's schema is the CRD's business beyond these.
func customType(path []string) reflect.Type {
	meta := reflect.StructField{Name: "TypeMeta", Type: typeOf[metav1.TypeMeta](), Anonymous: true, Tag: `json:",inline"`}
	objectMeta := reflect.StructField{Name: "ObjectMeta", Type: typeOf[metav1.ObjectMeta](), Tag: `json:"metadata,omitempty"`}
	if len(path) == 0 {
		// The object is the pod template itself.
		spec := reflect.StructField{Name: "Spec", Type: typeOf[corev1.PodSpec](), Tag: `json:"spec,omitempty"`}
		return reflect.StructOf([]reflect.StructField{meta, objectMeta, spec})
	}
	t := typeOf[corev1.PodTemplateSpec]()
	for i := len(path) - 1; i >= 0; i-- {
		f := reflect.StructField{Name: "F", Type: t, Tag: reflect.StructTag(`json:"` + path[i] + `,omitempty"`)}
		if i == 0 {
			return reflect.StructOf([]reflect.StructField{meta, objectMeta, f})
		}
		t = reflect.StructOf([]reflect.StructField{f})
	}
	return nil
}
