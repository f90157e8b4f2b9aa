// The Go types of every workload kind kinject knows, field for field, as
// k8s.io/api v0.37.2 and k8s.io/apimachinery v0.37.2 declare them (and
// github.com/openshift/api's apps/v1 for DeploymentConfig): Go's field
// order, JSON names, kinds, omitempty, pointers, inlined embedded structs,
// and the Go type names Go's errors show.
//
// Written by the test oracle (test/oracle/k8sdecode: `k8sdecode tables`), not
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
  Type apps_v1_DaemonSet{"v1.DaemonSet", {}};
  Type apps_v1_DaemonSetCondition{"v1.DaemonSetCondition", {}};
  Type apps_v1_DaemonSetSpec{"v1.DaemonSetSpec", {}};
  Type apps_v1_DaemonSetStatus{"v1.DaemonSetStatus", {}};
  Type apps_v1_DaemonSetUpdateStrategy{"v1.DaemonSetUpdateStrategy", {}};
  Type apps_v1_Deployment{"v1.Deployment", {}};
  Type apps_v1_DeploymentCondition{"v1.DeploymentCondition", {}};
  Type apps_v1_DeploymentSpec{"v1.DeploymentSpec", {}};
  Type apps_v1_DeploymentStatus{"v1.DeploymentStatus", {}};
  Type apps_v1_DeploymentStrategy{"v1.DeploymentStrategy", {}};
  Type apps_v1_ReplicaSet{"v1.ReplicaSet", {}};
  Type apps_v1_ReplicaSetCondition{"v1.ReplicaSetCondition", {}};
  Type apps_v1_ReplicaSetSpec{"v1.ReplicaSetSpec", {}};
  Type apps_v1_ReplicaSetStatus{"v1.ReplicaSetStatus", {}};
  Type apps_v1_RollingUpdateDaemonSet{"v1.RollingUpdateDaemonSet", {}};
  Type apps_v1_RollingUpdateDeployment{"v1.RollingUpdateDeployment", {}};
  Type apps_v1_RollingUpdateStatefulSetStrategy{"v1.RollingUpdateStatefulSetStrategy", {}};
  Type apps_v1_StatefulSet{"v1.StatefulSet", {}};
  Type apps_v1_StatefulSetCondition{"v1.StatefulSetCondition", {}};
  Type apps_v1_StatefulSetOrdinals{"v1.StatefulSetOrdinals", {}};
  Type apps_v1_StatefulSetPersistentVolumeClaimRetentionPolicy{"v1.StatefulSetPersistentVolumeClaimRetentionPolicy", {}};
  Type apps_v1_StatefulSetSpec{"v1.StatefulSetSpec", {}};
  Type apps_v1_StatefulSetStatus{"v1.StatefulSetStatus", {}};
  Type apps_v1_StatefulSetUpdateStrategy{"v1.StatefulSetUpdateStrategy", {}};
  Type apps_v1beta1_Deployment{"v1beta1.Deployment", {}};
  Type apps_v1beta1_DeploymentCondition{"v1beta1.DeploymentCondition", {}};
  Type apps_v1beta1_DeploymentSpec{"v1beta1.DeploymentSpec", {}};
  Type apps_v1beta1_DeploymentStatus{"v1beta1.DeploymentStatus", {}};
  Type apps_v1beta1_DeploymentStrategy{"v1beta1.DeploymentStrategy", {}};
  Type apps_v1beta1_RollbackConfig{"v1beta1.RollbackConfig", {}};
  Type apps_v1beta1_RollingUpdateDeployment{"v1beta1.RollingUpdateDeployment", {}};
  Type apps_v1beta1_RollingUpdateStatefulSetStrategy{"v1beta1.RollingUpdateStatefulSetStrategy", {}};
  Type apps_v1beta1_StatefulSet{"v1beta1.StatefulSet", {}};
  Type apps_v1beta1_StatefulSetCondition{"v1beta1.StatefulSetCondition", {}};
  Type apps_v1beta1_StatefulSetOrdinals{"v1beta1.StatefulSetOrdinals", {}};
  Type apps_v1beta1_StatefulSetPersistentVolumeClaimRetentionPolicy{"v1beta1.StatefulSetPersistentVolumeClaimRetentionPolicy", {}};
  Type apps_v1beta1_StatefulSetSpec{"v1beta1.StatefulSetSpec", {}};
  Type apps_v1beta1_StatefulSetStatus{"v1beta1.StatefulSetStatus", {}};
  Type apps_v1beta1_StatefulSetUpdateStrategy{"v1beta1.StatefulSetUpdateStrategy", {}};
  Type apps_v1beta2_DaemonSet{"v1beta2.DaemonSet", {}};
  Type apps_v1beta2_DaemonSetCondition{"v1beta2.DaemonSetCondition", {}};
  Type apps_v1beta2_DaemonSetSpec{"v1beta2.DaemonSetSpec", {}};
  Type apps_v1beta2_DaemonSetStatus{"v1beta2.DaemonSetStatus", {}};
  Type apps_v1beta2_DaemonSetUpdateStrategy{"v1beta2.DaemonSetUpdateStrategy", {}};
  Type apps_v1beta2_Deployment{"v1beta2.Deployment", {}};
  Type apps_v1beta2_DeploymentCondition{"v1beta2.DeploymentCondition", {}};
  Type apps_v1beta2_DeploymentSpec{"v1beta2.DeploymentSpec", {}};
  Type apps_v1beta2_DeploymentStatus{"v1beta2.DeploymentStatus", {}};
  Type apps_v1beta2_DeploymentStrategy{"v1beta2.DeploymentStrategy", {}};
  Type apps_v1beta2_ReplicaSet{"v1beta2.ReplicaSet", {}};
  Type apps_v1beta2_ReplicaSetCondition{"v1beta2.ReplicaSetCondition", {}};
  Type apps_v1beta2_ReplicaSetSpec{"v1beta2.ReplicaSetSpec", {}};
  Type apps_v1beta2_ReplicaSetStatus{"v1beta2.ReplicaSetStatus", {}};
  Type apps_v1beta2_RollingUpdateDaemonSet{"v1beta2.RollingUpdateDaemonSet", {}};
  Type apps_v1beta2_RollingUpdateDeployment{"v1beta2.RollingUpdateDeployment", {}};
  Type apps_v1beta2_RollingUpdateStatefulSetStrategy{"v1beta2.RollingUpdateStatefulSetStrategy", {}};
  Type apps_v1beta2_StatefulSet{"v1beta2.StatefulSet", {}};
  Type apps_v1beta2_StatefulSetCondition{"v1beta2.StatefulSetCondition", {}};
  Type apps_v1beta2_StatefulSetOrdinals{"v1beta2.StatefulSetOrdinals", {}};
  Type apps_v1beta2_StatefulSetPersistentVolumeClaimRetentionPolicy{"v1beta2.StatefulSetPersistentVolumeClaimRetentionPolicy", {}};
  Type apps_v1beta2_StatefulSetSpec{"v1beta2.StatefulSetSpec", {}};
  Type apps_v1beta2_StatefulSetStatus{"v1beta2.StatefulSetStatus", {}};
  Type apps_v1beta2_StatefulSetUpdateStrategy{"v1beta2.StatefulSetUpdateStrategy", {}};
  Type batch_v1_CronJob{"v1.CronJob", {}};
  Type batch_v1_CronJobSpec{"v1.CronJobSpec", {}};
  Type batch_v1_CronJobStatus{"v1.CronJobStatus", {}};
  Type batch_v1_Job{"v1.Job", {}};
  Type batch_v1_JobCondition{"v1.JobCondition", {}};
  Type batch_v1_JobSchedulingConfiguration{"v1.JobSchedulingConfiguration", {}};
  Type batch_v1_JobSpec{"v1.JobSpec", {}};
  Type batch_v1_JobStatus{"v1.JobStatus", {}};
  Type batch_v1_JobTemplateSpec{"v1.JobTemplateSpec", {}};
  Type batch_v1_PodFailurePolicy{"v1.PodFailurePolicy", {}};
  Type batch_v1_PodFailurePolicyOnExitCodesRequirement{"v1.PodFailurePolicyOnExitCodesRequirement", {}};
  Type batch_v1_PodFailurePolicyOnPodConditionsPattern{"v1.PodFailurePolicyOnPodConditionsPattern", {}};
  Type batch_v1_PodFailurePolicyRule{"v1.PodFailurePolicyRule", {}};
  Type batch_v1_SuccessPolicy{"v1.SuccessPolicy", {}};
  Type batch_v1_SuccessPolicyRule{"v1.SuccessPolicyRule", {}};
  Type batch_v1_UncountedTerminatedPods{"v1.UncountedTerminatedPods", {}};
  Type batch_v1beta1_CronJob{"v1beta1.CronJob", {}};
  Type batch_v1beta1_CronJobSpec{"v1beta1.CronJobSpec", {}};
  Type batch_v1beta1_CronJobStatus{"v1beta1.CronJobStatus", {}};
  Type batch_v1beta1_JobTemplateSpec{"v1beta1.JobTemplateSpec", {}};
  Type core_v1_AWSElasticBlockStoreVolumeSource{"v1.AWSElasticBlockStoreVolumeSource", {}};
  Type core_v1_Affinity{"v1.Affinity", {}};
  Type core_v1_AppArmorProfile{"v1.AppArmorProfile", {}};
  Type core_v1_AzureDiskVolumeSource{"v1.AzureDiskVolumeSource", {}};
  Type core_v1_AzureFileVolumeSource{"v1.AzureFileVolumeSource", {}};
  Type core_v1_CSIVolumeSource{"v1.CSIVolumeSource", {}};
  Type core_v1_Capabilities{"v1.Capabilities", {}};
  Type core_v1_CephFSVolumeSource{"v1.CephFSVolumeSource", {}};
  Type core_v1_CinderVolumeSource{"v1.CinderVolumeSource", {}};
  Type core_v1_ClusterTrustBundleProjection{"v1.ClusterTrustBundleProjection", {}};
  Type core_v1_ConfigMapEnvSource{"v1.ConfigMapEnvSource", {}};
  Type core_v1_ConfigMapKeySelector{"v1.ConfigMapKeySelector", {}};
  Type core_v1_ConfigMapProjection{"v1.ConfigMapProjection", {}};
  Type core_v1_ConfigMapVolumeSource{"v1.ConfigMapVolumeSource", {}};
  Type core_v1_Container{"v1.Container", {}};
  Type core_v1_ContainerExtendedResourceRequest{"v1.ContainerExtendedResourceRequest", {}};
  Type core_v1_ContainerPort{"v1.ContainerPort", {}};
  Type core_v1_ContainerResizePolicy{"v1.ContainerResizePolicy", {}};
  Type core_v1_ContainerRestartRule{"v1.ContainerRestartRule", {}};
  Type core_v1_ContainerRestartRuleOnExitCodes{"v1.ContainerRestartRuleOnExitCodes", {}};
  Type core_v1_ContainerState{"v1.ContainerState", {}};
  Type core_v1_ContainerStateRunning{"v1.ContainerStateRunning", {}};
  Type core_v1_ContainerStateTerminated{"v1.ContainerStateTerminated", {}};
  Type core_v1_ContainerStateWaiting{"v1.ContainerStateWaiting", {}};
  Type core_v1_ContainerStatus{"v1.ContainerStatus", {}};
  Type core_v1_ContainerUser{"v1.ContainerUser", {}};
  Type core_v1_DownwardAPIProjection{"v1.DownwardAPIProjection", {}};
  Type core_v1_DownwardAPIVolumeFile{"v1.DownwardAPIVolumeFile", {}};
  Type core_v1_DownwardAPIVolumeSource{"v1.DownwardAPIVolumeSource", {}};
  Type core_v1_EmptyDirVolumeSource{"v1.EmptyDirVolumeSource", {}};
  Type core_v1_EnvFromSource{"v1.EnvFromSource", {}};
  Type core_v1_EnvVar{"v1.EnvVar", {}};
  Type core_v1_EnvVarSource{"v1.EnvVarSource", {}};
  Type core_v1_EphemeralContainer{"v1.EphemeralContainer", {}};
  Type core_v1_EphemeralContainerCommon{"v1.EphemeralContainerCommon", {}};
  Type core_v1_EphemeralVolumeSource{"v1.EphemeralVolumeSource", {}};
  Type core_v1_EvictionResponder{"v1.EvictionResponder", {}};
  Type core_v1_ExecAction{"v1.ExecAction", {}};
  Type core_v1_FCVolumeSource{"v1.FCVolumeSource", {}};
  Type core_v1_FileKeySelector{"v1.FileKeySelector", {}};
  Type core_v1_FlexVolumeSource{"v1.FlexVolumeSource", {}};
  Type core_v1_FlockerVolumeSource{"v1.FlockerVolumeSource", {}};
  Type core_v1_GCEPersistentDiskVolumeSource{"v1.GCEPersistentDiskVolumeSource", {}};
  Type core_v1_GRPCAction{"v1.GRPCAction", {}};
  Type core_v1_GitRepoVolumeSource{"v1.GitRepoVolumeSource", {}};
  Type core_v1_GlusterfsVolumeSource{"v1.GlusterfsVolumeSource", {}};
  Type core_v1_HTTPGetAction{"v1.HTTPGetAction", {}};
  Type core_v1_HTTPHeader{"v1.HTTPHeader", {}};
  Type core_v1_HostAlias{"v1.HostAlias", {}};
  Type core_v1_HostIP{"v1.HostIP", {}};
  Type core_v1_HostPathVolumeSource{"v1.HostPathVolumeSource", {}};
  Type core_v1_ISCSIVolumeSource{"v1.ISCSIVolumeSource", {}};
  Type core_v1_ImageVolumeSource{"v1.ImageVolumeSource", {}};
  Type core_v1_ImageVolumeStatus{"v1.ImageVolumeStatus", {}};
  Type core_v1_KeyToPath{"v1.KeyToPath", {}};
  Type core_v1_Lifecycle{"v1.Lifecycle", {}};
  Type core_v1_LifecycleHandler{"v1.LifecycleHandler", {}};
  Type core_v1_LinuxContainerUser{"v1.LinuxContainerUser", {}};
  Type core_v1_LocalObjectReference{"v1.LocalObjectReference", {}};
  Type core_v1_ModifyVolumeStatus{"v1.ModifyVolumeStatus", {}};
  Type core_v1_NFSVolumeSource{"v1.NFSVolumeSource", {}};
  Type core_v1_NodeAffinity{"v1.NodeAffinity", {}};
  Type core_v1_NodeAllocatableMappedResources{"v1.NodeAllocatableMappedResources", {}};
  Type core_v1_NodeAllocatableOverheadResources{"v1.NodeAllocatableOverheadResources", {}};
  Type core_v1_NodeAllocatableResourceClaimStatus{"v1.NodeAllocatableResourceClaimStatus", {}};
  Type core_v1_NodeSelector{"v1.NodeSelector", {}};
  Type core_v1_NodeSelectorRequirement{"v1.NodeSelectorRequirement", {}};
  Type core_v1_NodeSelectorTerm{"v1.NodeSelectorTerm", {}};
  Type core_v1_ObjectFieldSelector{"v1.ObjectFieldSelector", {}};
  Type core_v1_ObjectReference{"v1.ObjectReference", {}};
  Type core_v1_PersistentVolumeClaim{"v1.PersistentVolumeClaim", {}};
  Type core_v1_PersistentVolumeClaimCondition{"v1.PersistentVolumeClaimCondition", {}};
  Type core_v1_PersistentVolumeClaimSpec{"v1.PersistentVolumeClaimSpec", {}};
  Type core_v1_PersistentVolumeClaimStatus{"v1.PersistentVolumeClaimStatus", {}};
  Type core_v1_PersistentVolumeClaimTemplate{"v1.PersistentVolumeClaimTemplate", {}};
  Type core_v1_PersistentVolumeClaimVolumeSource{"v1.PersistentVolumeClaimVolumeSource", {}};
  Type core_v1_PhotonPersistentDiskVolumeSource{"v1.PhotonPersistentDiskVolumeSource", {}};
  Type core_v1_Pod{"v1.Pod", {}};
  Type core_v1_PodAffinity{"v1.PodAffinity", {}};
  Type core_v1_PodAffinityTerm{"v1.PodAffinityTerm", {}};
  Type core_v1_PodAntiAffinity{"v1.PodAntiAffinity", {}};
  Type core_v1_PodCertificateProjection{"v1.PodCertificateProjection", {}};
  Type core_v1_PodCondition{"v1.PodCondition", {}};
  Type core_v1_PodDNSConfig{"v1.PodDNSConfig", {}};
  Type core_v1_PodDNSConfigOption{"v1.PodDNSConfigOption", {}};
  Type core_v1_PodExtendedResourceClaimStatus{"v1.PodExtendedResourceClaimStatus", {}};
  Type core_v1_PodIP{"v1.PodIP", {}};
  Type core_v1_PodOS{"v1.PodOS", {}};
  Type core_v1_PodReadinessGate{"v1.PodReadinessGate", {}};
  Type core_v1_PodResourceClaim{"v1.PodResourceClaim", {}};
  Type core_v1_PodResourceClaimStatus{"v1.PodResourceClaimStatus", {}};
  Type core_v1_PodSchedulingGate{"v1.PodSchedulingGate", {}};
  Type core_v1_PodSchedulingGroup{"v1.PodSchedulingGroup", {}};
  Type core_v1_PodSecurityContext{"v1.PodSecurityContext", {}};
  Type core_v1_PodSpec{"v1.PodSpec", {}};
  Type core_v1_PodStatus{"v1.PodStatus", {}};
  Type core_v1_PodTemplateSpec{"v1.PodTemplateSpec", {}};
  Type core_v1_PodVolumeHealth{"v1.PodVolumeHealth", {}};
  Type core_v1_PortworxVolumeSource{"v1.PortworxVolumeSource", {}};
  Type core_v1_PreferredSchedulingTerm{"v1.PreferredSchedulingTerm", {}};
  Type core_v1_Probe{"v1.Probe", {}};
  Type core_v1_ProbeHandler{"v1.ProbeHandler", {}};
  Type core_v1_ProjectedVolumeSource{"v1.ProjectedVolumeSource", {}};
  Type core_v1_QuobyteVolumeSource{"v1.QuobyteVolumeSource", {}};
  Type core_v1_RBDVolumeSource{"v1.RBDVolumeSource", {}};
  Type core_v1_ReplicationController{"v1.ReplicationController", {}};
  Type core_v1_ReplicationControllerCondition{"v1.ReplicationControllerCondition", {}};
  Type core_v1_ReplicationControllerSpec{"v1.ReplicationControllerSpec", {}};
  Type core_v1_ReplicationControllerStatus{"v1.ReplicationControllerStatus", {}};
  Type core_v1_ResourceClaim{"v1.ResourceClaim", {}};
  Type core_v1_ResourceFieldSelector{"v1.ResourceFieldSelector", {}};
  Type core_v1_ResourceHealth{"v1.ResourceHealth", {}};
  Type core_v1_ResourceRequirements{"v1.ResourceRequirements", {}};
  Type core_v1_ResourceStatus{"v1.ResourceStatus", {}};
  Type core_v1_SELinuxOptions{"v1.SELinuxOptions", {}};
  Type core_v1_ScaleIOVolumeSource{"v1.ScaleIOVolumeSource", {}};
  Type core_v1_SeccompProfile{"v1.SeccompProfile", {}};
  Type core_v1_SecretEnvSource{"v1.SecretEnvSource", {}};
  Type core_v1_SecretKeySelector{"v1.SecretKeySelector", {}};
  Type core_v1_SecretProjection{"v1.SecretProjection", {}};
  Type core_v1_SecretVolumeSource{"v1.SecretVolumeSource", {}};
  Type core_v1_SecurityContext{"v1.SecurityContext", {}};
  Type core_v1_ServiceAccountTokenProjection{"v1.ServiceAccountTokenProjection", {}};
  Type core_v1_SleepAction{"v1.SleepAction", {}};
  Type core_v1_StorageOSVolumeSource{"v1.StorageOSVolumeSource", {}};
  Type core_v1_Sysctl{"v1.Sysctl", {}};
  Type core_v1_TCPSocketAction{"v1.TCPSocketAction", {}};
  Type core_v1_Toleration{"v1.Toleration", {}};
  Type core_v1_TopologySpreadConstraint{"v1.TopologySpreadConstraint", {}};
  Type core_v1_TypedLocalObjectReference{"v1.TypedLocalObjectReference", {}};
  Type core_v1_TypedObjectReference{"v1.TypedObjectReference", {}};
  Type core_v1_Volume{"v1.Volume", {}};
  Type core_v1_VolumeDevice{"v1.VolumeDevice", {}};
  Type core_v1_VolumeHealthCondition{"v1.VolumeHealthCondition", {}};
  Type core_v1_VolumeHealthStatus{"v1.VolumeHealthStatus", {}};
  Type core_v1_VolumeMount{"v1.VolumeMount", {}};
  Type core_v1_VolumeMountStatus{"v1.VolumeMountStatus", {}};
  Type core_v1_VolumeProjection{"v1.VolumeProjection", {}};
  Type core_v1_VolumeResourceRequirements{"v1.VolumeResourceRequirements", {}};
  Type core_v1_VolumeSource{"v1.VolumeSource", {}};
  Type core_v1_VolumeStatus{"v1.VolumeStatus", {}};
  Type core_v1_VsphereVirtualDiskVolumeSource{"v1.VsphereVirtualDiskVolumeSource", {}};
  Type core_v1_WeightedPodAffinityTerm{"v1.WeightedPodAffinityTerm", {}};
  Type core_v1_WindowsSecurityContextOptions{"v1.WindowsSecurityContextOptions", {}};
  Type extensions_v1beta1_DaemonSet{"v1beta1.DaemonSet", {}};
  Type extensions_v1beta1_DaemonSetCondition{"v1beta1.DaemonSetCondition", {}};
  Type extensions_v1beta1_DaemonSetSpec{"v1beta1.DaemonSetSpec", {}};
  Type extensions_v1beta1_DaemonSetStatus{"v1beta1.DaemonSetStatus", {}};
  Type extensions_v1beta1_DaemonSetUpdateStrategy{"v1beta1.DaemonSetUpdateStrategy", {}};
  Type extensions_v1beta1_Deployment{"v1beta1.Deployment", {}};
  Type extensions_v1beta1_DeploymentCondition{"v1beta1.DeploymentCondition", {}};
  Type extensions_v1beta1_DeploymentSpec{"v1beta1.DeploymentSpec", {}};
  Type extensions_v1beta1_DeploymentStatus{"v1beta1.DeploymentStatus", {}};
  Type extensions_v1beta1_DeploymentStrategy{"v1beta1.DeploymentStrategy", {}};
  Type extensions_v1beta1_ReplicaSet{"v1beta1.ReplicaSet", {}};
  Type extensions_v1beta1_ReplicaSetCondition{"v1beta1.ReplicaSetCondition", {}};
  Type extensions_v1beta1_ReplicaSetSpec{"v1beta1.ReplicaSetSpec", {}};
  Type extensions_v1beta1_ReplicaSetStatus{"v1beta1.ReplicaSetStatus", {}};
  Type extensions_v1beta1_RollbackConfig{"v1beta1.RollbackConfig", {}};
  Type extensions_v1beta1_RollingUpdateDaemonSet{"v1beta1.RollingUpdateDaemonSet", {}};
  Type extensions_v1beta1_RollingUpdateDeployment{"v1beta1.RollingUpdateDeployment", {}};
  Type meta_v1_LabelSelector{"v1.LabelSelector", {}};
  Type meta_v1_LabelSelectorRequirement{"v1.LabelSelectorRequirement", {}};
  Type meta_v1_ManagedFieldsEntry{"v1.ManagedFieldsEntry", {}};
  Type meta_v1_ObjectMeta{"v1.ObjectMeta", {}};
  Type meta_v1_OwnerReference{"v1.OwnerReference", {}};
  Type meta_v1_TypeMeta{"v1.TypeMeta", {}};
  Type openshift_apps_v1_CustomDeploymentStrategyParams{"v1.CustomDeploymentStrategyParams", {}};
  Type openshift_apps_v1_DeploymentCause{"v1.DeploymentCause", {}};
  Type openshift_apps_v1_DeploymentCauseImageTrigger{"v1.DeploymentCauseImageTrigger", {}};
  Type openshift_apps_v1_DeploymentCondition{"v1.DeploymentCondition", {}};
  Type openshift_apps_v1_DeploymentConfig{"v1.DeploymentConfig", {}};
  Type openshift_apps_v1_DeploymentConfigSpec{"v1.DeploymentConfigSpec", {}};
  Type openshift_apps_v1_DeploymentConfigStatus{"v1.DeploymentConfigStatus", {}};
  Type openshift_apps_v1_DeploymentDetails{"v1.DeploymentDetails", {}};
  Type openshift_apps_v1_DeploymentStrategy{"v1.DeploymentStrategy", {}};
  Type openshift_apps_v1_DeploymentTriggerImageChangeParams{"v1.DeploymentTriggerImageChangeParams", {}};
  Type openshift_apps_v1_DeploymentTriggerPolicy{"v1.DeploymentTriggerPolicy", {}};
  Type openshift_apps_v1_ExecNewPodHook{"v1.ExecNewPodHook", {}};
  Type openshift_apps_v1_LifecycleHook{"v1.LifecycleHook", {}};
  Type openshift_apps_v1_RecreateDeploymentStrategyParams{"v1.RecreateDeploymentStrategyParams", {}};
  Type openshift_apps_v1_RollingDeploymentStrategyParams{"v1.RollingDeploymentStrategyParams", {}};
  Type openshift_apps_v1_TagImageHook{"v1.TagImageHook", {}};
  Type scheduling_v1alpha3_TopologyConstraint{"v1alpha3.TopologyConstraint", {}};
  Type scheduling_v1alpha3_WorkloadPodGroupAllDisruptionMode{"v1alpha3.WorkloadPodGroupAllDisruptionMode", {}};
  Type scheduling_v1alpha3_WorkloadPodGroupBasicSchedulingPolicy{"v1alpha3.WorkloadPodGroupBasicSchedulingPolicy", {}};
  Type scheduling_v1alpha3_WorkloadPodGroupDisruptionMode{"v1alpha3.WorkloadPodGroupDisruptionMode", {}};
  Type scheduling_v1alpha3_WorkloadPodGroupGangSchedulingPolicy{"v1alpha3.WorkloadPodGroupGangSchedulingPolicy", {}};
  Type scheduling_v1alpha3_WorkloadPodGroupResourceClaim{"v1alpha3.WorkloadPodGroupResourceClaim", {}};
  Type scheduling_v1alpha3_WorkloadPodGroupSchedulingConstraints{"v1alpha3.WorkloadPodGroupSchedulingConstraints", {}};
  Type scheduling_v1alpha3_WorkloadPodGroupSchedulingPolicy{"v1alpha3.WorkloadPodGroupSchedulingPolicy", {}};
  Type scheduling_v1alpha3_WorkloadPodGroupSingleDisruptionMode{"v1alpha3.WorkloadPodGroupSingleDisruptionMode", {}};
  std::vector<Root> roots;
  std::map<std::string, const Type*, std::less<>> by_name;

  Tables() {
    apps_v1_DaemonSet.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &apps_v1_DaemonSetSpec, true, false, false, "v1.DaemonSetSpec", nullptr},
        {"Status", "status", T::Struct, &apps_v1_DaemonSetStatus, true, false, false, "v1.DaemonSetStatus", nullptr},
    };
    apps_v1_DaemonSetCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1.DaemonSetConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    apps_v1_DaemonSetSpec.fields = {
        {"Selector", "selector", T::Struct, &meta_v1_LabelSelector, false, true, false, "v1.LabelSelector", nullptr},
        {"Template", "template", T::Struct, &core_v1_PodTemplateSpec, false, false, false, "v1.PodTemplateSpec", nullptr},
        {"UpdateStrategy", "updateStrategy", T::Struct, &apps_v1_DaemonSetUpdateStrategy, true, false, false, "v1.DaemonSetUpdateStrategy", nullptr},
        {"MinReadySeconds", "minReadySeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"RevisionHistoryLimit", "revisionHistoryLimit", T::Int32, nullptr, true, true, false, "int32", nullptr},
    };
    apps_v1_DaemonSetStatus.fields = {
        {"CurrentNumberScheduled", "currentNumberScheduled", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"NumberMisscheduled", "numberMisscheduled", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"DesiredNumberScheduled", "desiredNumberScheduled", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"NumberReady", "numberReady", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"ObservedGeneration", "observedGeneration", T::Int64, nullptr, true, false, false, "int64", nullptr},
        {"UpdatedNumberScheduled", "updatedNumberScheduled", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"NumberAvailable", "numberAvailable", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"NumberUnavailable", "numberUnavailable", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"CollisionCount", "collisionCount", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Conditions", "conditions", T::StructList, &apps_v1_DaemonSetCondition, true, false, false, "[]v1.DaemonSetCondition", "v1.DaemonSetCondition"},
    };
    apps_v1_DaemonSetUpdateStrategy.fields = {
        {"Type", "type", T::String, nullptr, true, false, false, "v1.DaemonSetUpdateStrategyType", nullptr},
        {"RollingUpdate", "rollingUpdate", T::Struct, &apps_v1_RollingUpdateDaemonSet, true, true, false, "v1.RollingUpdateDaemonSet", nullptr},
    };
    apps_v1_Deployment.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &apps_v1_DeploymentSpec, true, false, false, "v1.DeploymentSpec", nullptr},
        {"Status", "status", T::Struct, &apps_v1_DeploymentStatus, true, false, false, "v1.DeploymentStatus", nullptr},
    };
    apps_v1_DeploymentCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1.DeploymentConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastUpdateTime", "lastUpdateTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    apps_v1_DeploymentSpec.fields = {
        {"Replicas", "replicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Selector", "selector", T::Struct, &meta_v1_LabelSelector, false, true, false, "v1.LabelSelector", nullptr},
        {"Template", "template", T::Struct, &core_v1_PodTemplateSpec, false, false, false, "v1.PodTemplateSpec", nullptr},
        {"Strategy", "strategy", T::Struct, &apps_v1_DeploymentStrategy, true, false, false, "v1.DeploymentStrategy", nullptr},
        {"MinReadySeconds", "minReadySeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"RevisionHistoryLimit", "revisionHistoryLimit", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Paused", "paused", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"ProgressDeadlineSeconds", "progressDeadlineSeconds", T::Int32, nullptr, true, true, false, "int32", nullptr},
    };
    apps_v1_DeploymentStatus.fields = {
        {"ObservedGeneration", "observedGeneration", T::Int64, nullptr, true, false, false, "int64", nullptr},
        {"Replicas", "replicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"UpdatedReplicas", "updatedReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"ReadyReplicas", "readyReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"AvailableReplicas", "availableReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"UnavailableReplicas", "unavailableReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"TerminatingReplicas", "terminatingReplicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Conditions", "conditions", T::StructList, &apps_v1_DeploymentCondition, true, false, false, "[]v1.DeploymentCondition", "v1.DeploymentCondition"},
        {"CollisionCount", "collisionCount", T::Int32, nullptr, true, true, false, "int32", nullptr},
    };
    apps_v1_DeploymentStrategy.fields = {
        {"Type", "type", T::String, nullptr, true, false, false, "v1.DeploymentStrategyType", nullptr},
        {"RollingUpdate", "rollingUpdate", T::Struct, &apps_v1_RollingUpdateDeployment, true, true, false, "v1.RollingUpdateDeployment", nullptr},
    };
    apps_v1_ReplicaSet.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &apps_v1_ReplicaSetSpec, true, false, false, "v1.ReplicaSetSpec", nullptr},
        {"Status", "status", T::Struct, &apps_v1_ReplicaSetStatus, true, false, false, "v1.ReplicaSetStatus", nullptr},
    };
    apps_v1_ReplicaSetCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1.ReplicaSetConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    apps_v1_ReplicaSetSpec.fields = {
        {"Replicas", "replicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"MinReadySeconds", "minReadySeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"Selector", "selector", T::Struct, &meta_v1_LabelSelector, false, true, false, "v1.LabelSelector", nullptr},
        {"Template", "template", T::Struct, &core_v1_PodTemplateSpec, true, false, false, "v1.PodTemplateSpec", nullptr},
    };
    apps_v1_ReplicaSetStatus.fields = {
        {"Replicas", "replicas", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"FullyLabeledReplicas", "fullyLabeledReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"ReadyReplicas", "readyReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"AvailableReplicas", "availableReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"TerminatingReplicas", "terminatingReplicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"ObservedGeneration", "observedGeneration", T::Int64, nullptr, true, false, false, "int64", nullptr},
        {"Conditions", "conditions", T::StructList, &apps_v1_ReplicaSetCondition, true, false, false, "[]v1.ReplicaSetCondition", "v1.ReplicaSetCondition"},
    };
    apps_v1_RollingUpdateDaemonSet.fields = {
        {"MaxUnavailable", "maxUnavailable", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
        {"MaxSurge", "maxSurge", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
    };
    apps_v1_RollingUpdateDeployment.fields = {
        {"MaxUnavailable", "maxUnavailable", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
        {"MaxSurge", "maxSurge", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
    };
    apps_v1_RollingUpdateStatefulSetStrategy.fields = {
        {"Partition", "partition", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"MaxUnavailable", "maxUnavailable", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
    };
    apps_v1_StatefulSet.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &apps_v1_StatefulSetSpec, true, false, false, "v1.StatefulSetSpec", nullptr},
        {"Status", "status", T::Struct, &apps_v1_StatefulSetStatus, true, false, false, "v1.StatefulSetStatus", nullptr},
    };
    apps_v1_StatefulSetCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1.StatefulSetConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    apps_v1_StatefulSetOrdinals.fields = {
        {"Start", "start", T::Int32, nullptr, false, false, false, "int32", nullptr},
    };
    apps_v1_StatefulSetPersistentVolumeClaimRetentionPolicy.fields = {
        {"WhenDeleted", "whenDeleted", T::String, nullptr, true, false, false, "v1.PersistentVolumeClaimRetentionPolicyType", nullptr},
        {"WhenScaled", "whenScaled", T::String, nullptr, true, false, false, "v1.PersistentVolumeClaimRetentionPolicyType", nullptr},
    };
    apps_v1_StatefulSetSpec.fields = {
        {"Replicas", "replicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Selector", "selector", T::Struct, &meta_v1_LabelSelector, false, true, false, "v1.LabelSelector", nullptr},
        {"Template", "template", T::Struct, &core_v1_PodTemplateSpec, false, false, false, "v1.PodTemplateSpec", nullptr},
        {"VolumeClaimTemplates", "volumeClaimTemplates", T::StructList, &core_v1_PersistentVolumeClaim, true, false, false, "[]v1.PersistentVolumeClaim", "v1.PersistentVolumeClaim"},
        {"ServiceName", "serviceName", T::String, nullptr, false, false, false, "string", nullptr},
        {"PodManagementPolicy", "podManagementPolicy", T::String, nullptr, true, false, false, "v1.PodManagementPolicyType", nullptr},
        {"UpdateStrategy", "updateStrategy", T::Struct, &apps_v1_StatefulSetUpdateStrategy, true, false, false, "v1.StatefulSetUpdateStrategy", nullptr},
        {"RevisionHistoryLimit", "revisionHistoryLimit", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"MinReadySeconds", "minReadySeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"PersistentVolumeClaimRetentionPolicy", "persistentVolumeClaimRetentionPolicy", T::Struct, &apps_v1_StatefulSetPersistentVolumeClaimRetentionPolicy, true, true, false, "v1.StatefulSetPersistentVolumeClaimRetentionPolicy", nullptr},
        {"Ordinals", "ordinals", T::Struct, &apps_v1_StatefulSetOrdinals, true, true, false, "v1.StatefulSetOrdinals", nullptr},
    };
    apps_v1_StatefulSetStatus.fields = {
        {"ObservedGeneration", "observedGeneration", T::Int64, nullptr, true, false, false, "int64", nullptr},
        {"Replicas", "replicas", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"ReadyReplicas", "readyReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"CurrentReplicas", "currentReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"UpdatedReplicas", "updatedReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"CurrentRevision", "currentRevision", T::String, nullptr, true, false, false, "string", nullptr},
        {"UpdateRevision", "updateRevision", T::String, nullptr, true, false, false, "string", nullptr},
        {"CollisionCount", "collisionCount", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Conditions", "conditions", T::StructList, &apps_v1_StatefulSetCondition, true, false, false, "[]v1.StatefulSetCondition", "v1.StatefulSetCondition"},
        {"AvailableReplicas", "availableReplicas", T::Int32, nullptr, false, false, false, "int32", nullptr},
    };
    apps_v1_StatefulSetUpdateStrategy.fields = {
        {"Type", "type", T::String, nullptr, true, false, false, "v1.StatefulSetUpdateStrategyType", nullptr},
        {"RollingUpdate", "rollingUpdate", T::Struct, &apps_v1_RollingUpdateStatefulSetStrategy, true, true, false, "v1.RollingUpdateStatefulSetStrategy", nullptr},
    };
    apps_v1beta1_Deployment.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &apps_v1beta1_DeploymentSpec, true, false, false, "v1beta1.DeploymentSpec", nullptr},
        {"Status", "status", T::Struct, &apps_v1beta1_DeploymentStatus, true, false, false, "v1beta1.DeploymentStatus", nullptr},
    };
    apps_v1beta1_DeploymentCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1beta1.DeploymentConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastUpdateTime", "lastUpdateTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    apps_v1beta1_DeploymentSpec.fields = {
        {"Replicas", "replicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Selector", "selector", T::Struct, &meta_v1_LabelSelector, true, true, false, "v1.LabelSelector", nullptr},
        {"Template", "template", T::Struct, &core_v1_PodTemplateSpec, false, false, false, "v1.PodTemplateSpec", nullptr},
        {"Strategy", "strategy", T::Struct, &apps_v1beta1_DeploymentStrategy, true, false, false, "v1beta1.DeploymentStrategy", nullptr},
        {"MinReadySeconds", "minReadySeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"RevisionHistoryLimit", "revisionHistoryLimit", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Paused", "paused", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"RollbackTo", "rollbackTo", T::Struct, &apps_v1beta1_RollbackConfig, true, true, false, "v1beta1.RollbackConfig", nullptr},
        {"ProgressDeadlineSeconds", "progressDeadlineSeconds", T::Int32, nullptr, true, true, false, "int32", nullptr},
    };
    apps_v1beta1_DeploymentStatus.fields = {
        {"ObservedGeneration", "observedGeneration", T::Int64, nullptr, true, false, false, "int64", nullptr},
        {"Replicas", "replicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"UpdatedReplicas", "updatedReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"ReadyReplicas", "readyReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"AvailableReplicas", "availableReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"UnavailableReplicas", "unavailableReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"TerminatingReplicas", "terminatingReplicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Conditions", "conditions", T::StructList, &apps_v1beta1_DeploymentCondition, true, false, false, "[]v1beta1.DeploymentCondition", "v1beta1.DeploymentCondition"},
        {"CollisionCount", "collisionCount", T::Int32, nullptr, true, true, false, "int32", nullptr},
    };
    apps_v1beta1_DeploymentStrategy.fields = {
        {"Type", "type", T::String, nullptr, true, false, false, "v1beta1.DeploymentStrategyType", nullptr},
        {"RollingUpdate", "rollingUpdate", T::Struct, &apps_v1beta1_RollingUpdateDeployment, true, true, false, "v1beta1.RollingUpdateDeployment", nullptr},
    };
    apps_v1beta1_RollbackConfig.fields = {
        {"Revision", "revision", T::Int64, nullptr, true, false, false, "int64", nullptr},
    };
    apps_v1beta1_RollingUpdateDeployment.fields = {
        {"MaxUnavailable", "maxUnavailable", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
        {"MaxSurge", "maxSurge", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
    };
    apps_v1beta1_RollingUpdateStatefulSetStrategy.fields = {
        {"Partition", "partition", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"MaxUnavailable", "maxUnavailable", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
    };
    apps_v1beta1_StatefulSet.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &apps_v1beta1_StatefulSetSpec, true, false, false, "v1beta1.StatefulSetSpec", nullptr},
        {"Status", "status", T::Struct, &apps_v1beta1_StatefulSetStatus, true, false, false, "v1beta1.StatefulSetStatus", nullptr},
    };
    apps_v1beta1_StatefulSetCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1beta1.StatefulSetConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    apps_v1beta1_StatefulSetOrdinals.fields = {
        {"Start", "start", T::Int32, nullptr, false, false, false, "int32", nullptr},
    };
    apps_v1beta1_StatefulSetPersistentVolumeClaimRetentionPolicy.fields = {
        {"WhenDeleted", "whenDeleted", T::String, nullptr, true, false, false, "v1beta1.PersistentVolumeClaimRetentionPolicyType", nullptr},
        {"WhenScaled", "whenScaled", T::String, nullptr, true, false, false, "v1beta1.PersistentVolumeClaimRetentionPolicyType", nullptr},
    };
    apps_v1beta1_StatefulSetSpec.fields = {
        {"Replicas", "replicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Selector", "selector", T::Struct, &meta_v1_LabelSelector, true, true, false, "v1.LabelSelector", nullptr},
        {"Template", "template", T::Struct, &core_v1_PodTemplateSpec, false, false, false, "v1.PodTemplateSpec", nullptr},
        {"VolumeClaimTemplates", "volumeClaimTemplates", T::StructList, &core_v1_PersistentVolumeClaim, true, false, false, "[]v1.PersistentVolumeClaim", "v1.PersistentVolumeClaim"},
        {"ServiceName", "serviceName", T::String, nullptr, false, false, false, "string", nullptr},
        {"PodManagementPolicy", "podManagementPolicy", T::String, nullptr, true, false, false, "v1beta1.PodManagementPolicyType", nullptr},
        {"UpdateStrategy", "updateStrategy", T::Struct, &apps_v1beta1_StatefulSetUpdateStrategy, true, false, false, "v1beta1.StatefulSetUpdateStrategy", nullptr},
        {"RevisionHistoryLimit", "revisionHistoryLimit", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"MinReadySeconds", "minReadySeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"PersistentVolumeClaimRetentionPolicy", "persistentVolumeClaimRetentionPolicy", T::Struct, &apps_v1beta1_StatefulSetPersistentVolumeClaimRetentionPolicy, true, true, false, "v1beta1.StatefulSetPersistentVolumeClaimRetentionPolicy", nullptr},
        {"Ordinals", "ordinals", T::Struct, &apps_v1beta1_StatefulSetOrdinals, true, true, false, "v1beta1.StatefulSetOrdinals", nullptr},
    };
    apps_v1beta1_StatefulSetStatus.fields = {
        {"ObservedGeneration", "observedGeneration", T::Int64, nullptr, true, true, false, "int64", nullptr},
        {"Replicas", "replicas", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"ReadyReplicas", "readyReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"CurrentReplicas", "currentReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"UpdatedReplicas", "updatedReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"CurrentRevision", "currentRevision", T::String, nullptr, true, false, false, "string", nullptr},
        {"UpdateRevision", "updateRevision", T::String, nullptr, true, false, false, "string", nullptr},
        {"CollisionCount", "collisionCount", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Conditions", "conditions", T::StructList, &apps_v1beta1_StatefulSetCondition, true, false, false, "[]v1beta1.StatefulSetCondition", "v1beta1.StatefulSetCondition"},
        {"AvailableReplicas", "availableReplicas", T::Int32, nullptr, false, false, false, "int32", nullptr},
    };
    apps_v1beta1_StatefulSetUpdateStrategy.fields = {
        {"Type", "type", T::String, nullptr, true, false, false, "v1beta1.StatefulSetUpdateStrategyType", nullptr},
        {"RollingUpdate", "rollingUpdate", T::Struct, &apps_v1beta1_RollingUpdateStatefulSetStrategy, true, true, false, "v1beta1.RollingUpdateStatefulSetStrategy", nullptr},
    };
    apps_v1beta2_DaemonSet.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &apps_v1beta2_DaemonSetSpec, true, false, false, "v1beta2.DaemonSetSpec", nullptr},
        {"Status", "status", T::Struct, &apps_v1beta2_DaemonSetStatus, true, false, false, "v1beta2.DaemonSetStatus", nullptr},
    };
    apps_v1beta2_DaemonSetCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1beta2.DaemonSetConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    apps_v1beta2_DaemonSetSpec.fields = {
        {"Selector", "selector", T::Struct, &meta_v1_LabelSelector, false, true, false, "v1.LabelSelector", nullptr},
        {"Template", "template", T::Struct, &core_v1_PodTemplateSpec, false, false, false, "v1.PodTemplateSpec", nullptr},
        {"UpdateStrategy", "updateStrategy", T::Struct, &apps_v1beta2_DaemonSetUpdateStrategy, true, false, false, "v1beta2.DaemonSetUpdateStrategy", nullptr},
        {"MinReadySeconds", "minReadySeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"RevisionHistoryLimit", "revisionHistoryLimit", T::Int32, nullptr, true, true, false, "int32", nullptr},
    };
    apps_v1beta2_DaemonSetStatus.fields = {
        {"CurrentNumberScheduled", "currentNumberScheduled", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"NumberMisscheduled", "numberMisscheduled", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"DesiredNumberScheduled", "desiredNumberScheduled", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"NumberReady", "numberReady", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"ObservedGeneration", "observedGeneration", T::Int64, nullptr, true, false, false, "int64", nullptr},
        {"UpdatedNumberScheduled", "updatedNumberScheduled", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"NumberAvailable", "numberAvailable", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"NumberUnavailable", "numberUnavailable", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"CollisionCount", "collisionCount", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Conditions", "conditions", T::StructList, &apps_v1beta2_DaemonSetCondition, true, false, false, "[]v1beta2.DaemonSetCondition", "v1beta2.DaemonSetCondition"},
    };
    apps_v1beta2_DaemonSetUpdateStrategy.fields = {
        {"Type", "type", T::String, nullptr, true, false, false, "v1beta2.DaemonSetUpdateStrategyType", nullptr},
        {"RollingUpdate", "rollingUpdate", T::Struct, &apps_v1beta2_RollingUpdateDaemonSet, true, true, false, "v1beta2.RollingUpdateDaemonSet", nullptr},
    };
    apps_v1beta2_Deployment.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &apps_v1beta2_DeploymentSpec, true, false, false, "v1beta2.DeploymentSpec", nullptr},
        {"Status", "status", T::Struct, &apps_v1beta2_DeploymentStatus, true, false, false, "v1beta2.DeploymentStatus", nullptr},
    };
    apps_v1beta2_DeploymentCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1beta2.DeploymentConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastUpdateTime", "lastUpdateTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    apps_v1beta2_DeploymentSpec.fields = {
        {"Replicas", "replicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Selector", "selector", T::Struct, &meta_v1_LabelSelector, false, true, false, "v1.LabelSelector", nullptr},
        {"Template", "template", T::Struct, &core_v1_PodTemplateSpec, false, false, false, "v1.PodTemplateSpec", nullptr},
        {"Strategy", "strategy", T::Struct, &apps_v1beta2_DeploymentStrategy, true, false, false, "v1beta2.DeploymentStrategy", nullptr},
        {"MinReadySeconds", "minReadySeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"RevisionHistoryLimit", "revisionHistoryLimit", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Paused", "paused", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"ProgressDeadlineSeconds", "progressDeadlineSeconds", T::Int32, nullptr, true, true, false, "int32", nullptr},
    };
    apps_v1beta2_DeploymentStatus.fields = {
        {"ObservedGeneration", "observedGeneration", T::Int64, nullptr, true, false, false, "int64", nullptr},
        {"Replicas", "replicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"UpdatedReplicas", "updatedReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"ReadyReplicas", "readyReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"AvailableReplicas", "availableReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"UnavailableReplicas", "unavailableReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"TerminatingReplicas", "terminatingReplicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Conditions", "conditions", T::StructList, &apps_v1beta2_DeploymentCondition, true, false, false, "[]v1beta2.DeploymentCondition", "v1beta2.DeploymentCondition"},
        {"CollisionCount", "collisionCount", T::Int32, nullptr, true, true, false, "int32", nullptr},
    };
    apps_v1beta2_DeploymentStrategy.fields = {
        {"Type", "type", T::String, nullptr, true, false, false, "v1beta2.DeploymentStrategyType", nullptr},
        {"RollingUpdate", "rollingUpdate", T::Struct, &apps_v1beta2_RollingUpdateDeployment, true, true, false, "v1beta2.RollingUpdateDeployment", nullptr},
    };
    apps_v1beta2_ReplicaSet.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &apps_v1beta2_ReplicaSetSpec, true, false, false, "v1beta2.ReplicaSetSpec", nullptr},
        {"Status", "status", T::Struct, &apps_v1beta2_ReplicaSetStatus, true, false, false, "v1beta2.ReplicaSetStatus", nullptr},
    };
    apps_v1beta2_ReplicaSetCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1beta2.ReplicaSetConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    apps_v1beta2_ReplicaSetSpec.fields = {
        {"Replicas", "replicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"MinReadySeconds", "minReadySeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"Selector", "selector", T::Struct, &meta_v1_LabelSelector, false, true, false, "v1.LabelSelector", nullptr},
        {"Template", "template", T::Struct, &core_v1_PodTemplateSpec, true, false, false, "v1.PodTemplateSpec", nullptr},
    };
    apps_v1beta2_ReplicaSetStatus.fields = {
        {"Replicas", "replicas", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"FullyLabeledReplicas", "fullyLabeledReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"ReadyReplicas", "readyReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"AvailableReplicas", "availableReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"TerminatingReplicas", "terminatingReplicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"ObservedGeneration", "observedGeneration", T::Int64, nullptr, true, false, false, "int64", nullptr},
        {"Conditions", "conditions", T::StructList, &apps_v1beta2_ReplicaSetCondition, true, false, false, "[]v1beta2.ReplicaSetCondition", "v1beta2.ReplicaSetCondition"},
    };
    apps_v1beta2_RollingUpdateDaemonSet.fields = {
        {"MaxUnavailable", "maxUnavailable", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
        {"MaxSurge", "maxSurge", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
    };
    apps_v1beta2_RollingUpdateDeployment.fields = {
        {"MaxUnavailable", "maxUnavailable", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
        {"MaxSurge", "maxSurge", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
    };
    apps_v1beta2_RollingUpdateStatefulSetStrategy.fields = {
        {"Partition", "partition", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"MaxUnavailable", "maxUnavailable", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
    };
    apps_v1beta2_StatefulSet.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &apps_v1beta2_StatefulSetSpec, true, false, false, "v1beta2.StatefulSetSpec", nullptr},
        {"Status", "status", T::Struct, &apps_v1beta2_StatefulSetStatus, true, false, false, "v1beta2.StatefulSetStatus", nullptr},
    };
    apps_v1beta2_StatefulSetCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1beta2.StatefulSetConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    apps_v1beta2_StatefulSetOrdinals.fields = {
        {"Start", "start", T::Int32, nullptr, false, false, false, "int32", nullptr},
    };
    apps_v1beta2_StatefulSetPersistentVolumeClaimRetentionPolicy.fields = {
        {"WhenDeleted", "whenDeleted", T::String, nullptr, true, false, false, "v1beta2.PersistentVolumeClaimRetentionPolicyType", nullptr},
        {"WhenScaled", "whenScaled", T::String, nullptr, true, false, false, "v1beta2.PersistentVolumeClaimRetentionPolicyType", nullptr},
    };
    apps_v1beta2_StatefulSetSpec.fields = {
        {"Replicas", "replicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Selector", "selector", T::Struct, &meta_v1_LabelSelector, false, true, false, "v1.LabelSelector", nullptr},
        {"Template", "template", T::Struct, &core_v1_PodTemplateSpec, false, false, false, "v1.PodTemplateSpec", nullptr},
        {"VolumeClaimTemplates", "volumeClaimTemplates", T::StructList, &core_v1_PersistentVolumeClaim, true, false, false, "[]v1.PersistentVolumeClaim", "v1.PersistentVolumeClaim"},
        {"ServiceName", "serviceName", T::String, nullptr, false, false, false, "string", nullptr},
        {"PodManagementPolicy", "podManagementPolicy", T::String, nullptr, true, false, false, "v1beta2.PodManagementPolicyType", nullptr},
        {"UpdateStrategy", "updateStrategy", T::Struct, &apps_v1beta2_StatefulSetUpdateStrategy, true, false, false, "v1beta2.StatefulSetUpdateStrategy", nullptr},
        {"RevisionHistoryLimit", "revisionHistoryLimit", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"MinReadySeconds", "minReadySeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"PersistentVolumeClaimRetentionPolicy", "persistentVolumeClaimRetentionPolicy", T::Struct, &apps_v1beta2_StatefulSetPersistentVolumeClaimRetentionPolicy, true, true, false, "v1beta2.StatefulSetPersistentVolumeClaimRetentionPolicy", nullptr},
        {"Ordinals", "ordinals", T::Struct, &apps_v1beta2_StatefulSetOrdinals, true, true, false, "v1beta2.StatefulSetOrdinals", nullptr},
    };
    apps_v1beta2_StatefulSetStatus.fields = {
        {"ObservedGeneration", "observedGeneration", T::Int64, nullptr, true, false, false, "int64", nullptr},
        {"Replicas", "replicas", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"ReadyReplicas", "readyReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"CurrentReplicas", "currentReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"UpdatedReplicas", "updatedReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"CurrentRevision", "currentRevision", T::String, nullptr, true, false, false, "string", nullptr},
        {"UpdateRevision", "updateRevision", T::String, nullptr, true, false, false, "string", nullptr},
        {"CollisionCount", "collisionCount", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Conditions", "conditions", T::StructList, &apps_v1beta2_StatefulSetCondition, true, false, false, "[]v1beta2.StatefulSetCondition", "v1beta2.StatefulSetCondition"},
        {"AvailableReplicas", "availableReplicas", T::Int32, nullptr, false, false, false, "int32", nullptr},
    };
    apps_v1beta2_StatefulSetUpdateStrategy.fields = {
        {"Type", "type", T::String, nullptr, true, false, false, "v1beta2.StatefulSetUpdateStrategyType", nullptr},
        {"RollingUpdate", "rollingUpdate", T::Struct, &apps_v1beta2_RollingUpdateStatefulSetStrategy, true, true, false, "v1beta2.RollingUpdateStatefulSetStrategy", nullptr},
    };
    batch_v1_CronJob.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &batch_v1_CronJobSpec, true, false, false, "v1.CronJobSpec", nullptr},
        {"Status", "status", T::Struct, &batch_v1_CronJobStatus, true, false, false, "v1.CronJobStatus", nullptr},
    };
    batch_v1_CronJobSpec.fields = {
        {"Schedule", "schedule", T::String, nullptr, false, false, false, "string", nullptr},
        {"TimeZone", "timeZone", T::String, nullptr, true, true, false, "string", nullptr},
        {"StartingDeadlineSeconds", "startingDeadlineSeconds", T::Int64, nullptr, true, true, false, "int64", nullptr},
        {"ConcurrencyPolicy", "concurrencyPolicy", T::String, nullptr, true, false, false, "v1.ConcurrencyPolicy", nullptr},
        {"Suspend", "suspend", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"JobTemplate", "jobTemplate", T::Struct, &batch_v1_JobTemplateSpec, false, false, false, "v1.JobTemplateSpec", nullptr},
        {"SuccessfulJobsHistoryLimit", "successfulJobsHistoryLimit", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"FailedJobsHistoryLimit", "failedJobsHistoryLimit", T::Int32, nullptr, true, true, false, "int32", nullptr},
    };
    batch_v1_CronJobStatus.fields = {
        {"Active", "active", T::StructList, &core_v1_ObjectReference, true, false, false, "[]v1.ObjectReference", "v1.ObjectReference"},
        {"LastScheduleTime", "lastScheduleTime", T::Time, nullptr, true, true, false, "v1.Time", nullptr},
        {"LastSuccessfulTime", "lastSuccessfulTime", T::Time, nullptr, true, true, false, "v1.Time", nullptr},
    };
    batch_v1_Job.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &batch_v1_JobSpec, true, false, false, "v1.JobSpec", nullptr},
        {"Status", "status", T::Struct, &batch_v1_JobStatus, true, false, false, "v1.JobStatus", nullptr},
    };
    batch_v1_JobCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1.JobConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastProbeTime", "lastProbeTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    batch_v1_JobSchedulingConfiguration.fields = {
        {"SchedulingPolicy", "schedulingPolicy", T::Struct, &scheduling_v1alpha3_WorkloadPodGroupSchedulingPolicy, true, true, false, "v1alpha3.WorkloadPodGroupSchedulingPolicy", nullptr},
        {"SchedulingConstraints", "schedulingConstraints", T::Struct, &scheduling_v1alpha3_WorkloadPodGroupSchedulingConstraints, true, true, false, "v1alpha3.WorkloadPodGroupSchedulingConstraints", nullptr},
        {"DisruptionMode", "disruptionMode", T::Struct, &scheduling_v1alpha3_WorkloadPodGroupDisruptionMode, true, true, false, "v1alpha3.WorkloadPodGroupDisruptionMode", nullptr},
        {"ResourceClaims", "resourceClaims", T::StructList, &scheduling_v1alpha3_WorkloadPodGroupResourceClaim, true, false, false, "[]v1alpha3.WorkloadPodGroupResourceClaim", "v1alpha3.WorkloadPodGroupResourceClaim"},
    };
    batch_v1_JobSpec.fields = {
        {"Parallelism", "parallelism", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Completions", "completions", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"ActiveDeadlineSeconds", "activeDeadlineSeconds", T::Int64, nullptr, true, true, false, "int64", nullptr},
        {"PodFailurePolicy", "podFailurePolicy", T::Struct, &batch_v1_PodFailurePolicy, true, true, false, "v1.PodFailurePolicy", nullptr},
        {"SuccessPolicy", "successPolicy", T::Struct, &batch_v1_SuccessPolicy, true, true, false, "v1.SuccessPolicy", nullptr},
        {"BackoffLimit", "backoffLimit", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"BackoffLimitPerIndex", "backoffLimitPerIndex", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"MaxFailedIndexes", "maxFailedIndexes", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Selector", "selector", T::Struct, &meta_v1_LabelSelector, true, true, false, "v1.LabelSelector", nullptr},
        {"ManualSelector", "manualSelector", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"Template", "template", T::Struct, &core_v1_PodTemplateSpec, false, false, false, "v1.PodTemplateSpec", nullptr},
        {"TTLSecondsAfterFinished", "ttlSecondsAfterFinished", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"CompletionMode", "completionMode", T::String, nullptr, true, true, false, "v1.CompletionMode", nullptr},
        {"Suspend", "suspend", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"PodReplacementPolicy", "podReplacementPolicy", T::String, nullptr, true, true, false, "v1.PodReplacementPolicy", nullptr},
        {"ManagedBy", "managedBy", T::String, nullptr, true, true, false, "string", nullptr},
        {"Scheduling", "scheduling", T::Struct, &batch_v1_JobSchedulingConfiguration, true, true, false, "v1.JobSchedulingConfiguration", nullptr},
    };
    batch_v1_JobStatus.fields = {
        {"Conditions", "conditions", T::StructList, &batch_v1_JobCondition, true, false, false, "[]v1.JobCondition", "v1.JobCondition"},
        {"StartTime", "startTime", T::Time, nullptr, true, true, false, "v1.Time", nullptr},
        {"CompletionTime", "completionTime", T::Time, nullptr, true, true, false, "v1.Time", nullptr},
        {"Active", "active", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"Succeeded", "succeeded", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"Failed", "failed", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"Terminating", "terminating", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"CompletedIndexes", "completedIndexes", T::String, nullptr, true, false, false, "string", nullptr},
        {"FailedIndexes", "failedIndexes", T::String, nullptr, true, true, false, "string", nullptr},
        {"UncountedTerminatedPods", "uncountedTerminatedPods", T::Struct, &batch_v1_UncountedTerminatedPods, true, true, false, "v1.UncountedTerminatedPods", nullptr},
        {"Ready", "ready", T::Int32, nullptr, true, true, false, "int32", nullptr},
    };
    batch_v1_JobTemplateSpec.fields = {
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &batch_v1_JobSpec, true, false, false, "v1.JobSpec", nullptr},
    };
    batch_v1_PodFailurePolicy.fields = {
        {"Rules", "rules", T::StructList, &batch_v1_PodFailurePolicyRule, false, false, false, "[]v1.PodFailurePolicyRule", "v1.PodFailurePolicyRule"},
    };
    batch_v1_PodFailurePolicyOnExitCodesRequirement.fields = {
        {"ContainerName", "containerName", T::String, nullptr, true, true, false, "string", nullptr},
        {"Operator", "operator", T::String, nullptr, false, false, false, "v1.PodFailurePolicyOnExitCodesOperator", nullptr},
        {"Values", "values", T::Int32List, nullptr, false, false, false, "[]int32", "int32"},
    };
    batch_v1_PodFailurePolicyOnPodConditionsPattern.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1.PodConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
    };
    batch_v1_PodFailurePolicyRule.fields = {
        {"Action", "action", T::String, nullptr, false, false, false, "v1.PodFailurePolicyAction", nullptr},
        {"OnExitCodes", "onExitCodes", T::Struct, &batch_v1_PodFailurePolicyOnExitCodesRequirement, true, true, false, "v1.PodFailurePolicyOnExitCodesRequirement", nullptr},
        {"OnPodConditions", "onPodConditions", T::StructList, &batch_v1_PodFailurePolicyOnPodConditionsPattern, true, false, false, "[]v1.PodFailurePolicyOnPodConditionsPattern", "v1.PodFailurePolicyOnPodConditionsPattern"},
    };
    batch_v1_SuccessPolicy.fields = {
        {"Rules", "rules", T::StructList, &batch_v1_SuccessPolicyRule, false, false, false, "[]v1.SuccessPolicyRule", "v1.SuccessPolicyRule"},
    };
    batch_v1_SuccessPolicyRule.fields = {
        {"SucceededIndexes", "succeededIndexes", T::String, nullptr, true, true, false, "string", nullptr},
        {"SucceededCount", "succeededCount", T::Int32, nullptr, true, true, false, "int32", nullptr},
    };
    batch_v1_UncountedTerminatedPods.fields = {
        {"Succeeded", "succeeded", T::StringList, nullptr, true, false, false, "[]types.UID", "types.UID"},
        {"Failed", "failed", T::StringList, nullptr, true, false, false, "[]types.UID", "types.UID"},
    };
    batch_v1beta1_CronJob.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &batch_v1beta1_CronJobSpec, true, false, false, "v1beta1.CronJobSpec", nullptr},
        {"Status", "status", T::Struct, &batch_v1beta1_CronJobStatus, true, false, false, "v1beta1.CronJobStatus", nullptr},
    };
    batch_v1beta1_CronJobSpec.fields = {
        {"Schedule", "schedule", T::String, nullptr, false, false, false, "string", nullptr},
        {"TimeZone", "timeZone", T::String, nullptr, true, true, false, "string", nullptr},
        {"StartingDeadlineSeconds", "startingDeadlineSeconds", T::Int64, nullptr, true, true, false, "int64", nullptr},
        {"ConcurrencyPolicy", "concurrencyPolicy", T::String, nullptr, true, false, false, "v1beta1.ConcurrencyPolicy", nullptr},
        {"Suspend", "suspend", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"JobTemplate", "jobTemplate", T::Struct, &batch_v1beta1_JobTemplateSpec, false, false, false, "v1beta1.JobTemplateSpec", nullptr},
        {"SuccessfulJobsHistoryLimit", "successfulJobsHistoryLimit", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"FailedJobsHistoryLimit", "failedJobsHistoryLimit", T::Int32, nullptr, true, true, false, "int32", nullptr},
    };
    batch_v1beta1_CronJobStatus.fields = {
        {"Active", "active", T::StructList, &core_v1_ObjectReference, true, false, false, "[]v1.ObjectReference", "v1.ObjectReference"},
        {"LastScheduleTime", "lastScheduleTime", T::Time, nullptr, true, true, false, "v1.Time", nullptr},
        {"LastSuccessfulTime", "lastSuccessfulTime", T::Time, nullptr, true, true, false, "v1.Time", nullptr},
    };
    batch_v1beta1_JobTemplateSpec.fields = {
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &batch_v1_JobSpec, true, false, false, "v1.JobSpec", nullptr},
    };
    core_v1_AWSElasticBlockStoreVolumeSource.fields = {
        {"VolumeID", "volumeID", T::String, nullptr, false, false, false, "string", nullptr},
        {"FSType", "fsType", T::String, nullptr, true, false, false, "string", nullptr},
        {"Partition", "partition", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
    };
    core_v1_Affinity.fields = {
        {"NodeAffinity", "nodeAffinity", T::Struct, &core_v1_NodeAffinity, true, true, false, "v1.NodeAffinity", nullptr},
        {"PodAffinity", "podAffinity", T::Struct, &core_v1_PodAffinity, true, true, false, "v1.PodAffinity", nullptr},
        {"PodAntiAffinity", "podAntiAffinity", T::Struct, &core_v1_PodAntiAffinity, true, true, false, "v1.PodAntiAffinity", nullptr},
    };
    core_v1_AppArmorProfile.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1.AppArmorProfileType", nullptr},
        {"LocalhostProfile", "localhostProfile", T::String, nullptr, true, true, false, "string", nullptr},
    };
    core_v1_AzureDiskVolumeSource.fields = {
        {"DiskName", "diskName", T::String, nullptr, false, false, false, "string", nullptr},
        {"DataDiskURI", "diskURI", T::String, nullptr, false, false, false, "string", nullptr},
        {"CachingMode", "cachingMode", T::String, nullptr, true, true, false, "v1.AzureDataDiskCachingMode", nullptr},
        {"FSType", "fsType", T::String, nullptr, true, true, false, "string", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"Kind", "kind", T::String, nullptr, true, true, false, "v1.AzureDataDiskKind", nullptr},
    };
    core_v1_AzureFileVolumeSource.fields = {
        {"SecretName", "secretName", T::String, nullptr, false, false, false, "string", nullptr},
        {"ShareName", "shareName", T::String, nullptr, false, false, false, "string", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
    };
    core_v1_CSIVolumeSource.fields = {
        {"Driver", "driver", T::String, nullptr, false, false, false, "string", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"FSType", "fsType", T::String, nullptr, true, true, false, "string", nullptr},
        {"VolumeAttributes", "volumeAttributes", T::StringMap, nullptr, true, false, false, "map[string]string", "string"},
        {"NodePublishSecretRef", "nodePublishSecretRef", T::Struct, &core_v1_LocalObjectReference, true, true, false, "v1.LocalObjectReference", nullptr},
    };
    core_v1_Capabilities.fields = {
        {"Add", "add", T::StringList, nullptr, true, false, false, "[]v1.Capability", "v1.Capability"},
        {"Drop", "drop", T::StringList, nullptr, true, false, false, "[]v1.Capability", "v1.Capability"},
    };
    core_v1_CephFSVolumeSource.fields = {
        {"Monitors", "monitors", T::StringList, nullptr, false, false, false, "[]string", "string"},
        {"Path", "path", T::String, nullptr, true, false, false, "string", nullptr},
        {"User", "user", T::String, nullptr, true, false, false, "string", nullptr},
        {"SecretFile", "secretFile", T::String, nullptr, true, false, false, "string", nullptr},
        {"SecretRef", "secretRef", T::Struct, &core_v1_LocalObjectReference, true, true, false, "v1.LocalObjectReference", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
    };
    core_v1_CinderVolumeSource.fields = {
        {"VolumeID", "volumeID", T::String, nullptr, false, false, false, "string", nullptr},
        {"FSType", "fsType", T::String, nullptr, true, false, false, "string", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"SecretRef", "secretRef", T::Struct, &core_v1_LocalObjectReference, true, true, false, "v1.LocalObjectReference", nullptr},
    };
    core_v1_ClusterTrustBundleProjection.fields = {
        {"Name", "name", T::String, nullptr, true, true, false, "string", nullptr},
        {"SignerName", "signerName", T::String, nullptr, true, true, false, "string", nullptr},
        {"LabelSelector", "labelSelector", T::Struct, &meta_v1_LabelSelector, true, true, false, "v1.LabelSelector", nullptr},
        {"Optional", "optional", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"Path", "path", T::String, nullptr, false, false, false, "string", nullptr},
        {"User", "user", T::Int64, nullptr, true, true, false, "int64", nullptr},
    };
    core_v1_ConfigMapEnvSource.fields = {
        {"LocalObjectReference", "", T::Struct, &core_v1_LocalObjectReference, false, false, true, "v1.LocalObjectReference", nullptr},
        {"Optional", "optional", T::Bool, nullptr, true, true, false, "bool", nullptr},
    };
    core_v1_ConfigMapKeySelector.fields = {
        {"LocalObjectReference", "", T::Struct, &core_v1_LocalObjectReference, false, false, true, "v1.LocalObjectReference", nullptr},
        {"Key", "key", T::String, nullptr, false, false, false, "string", nullptr},
        {"Optional", "optional", T::Bool, nullptr, true, true, false, "bool", nullptr},
    };
    core_v1_ConfigMapProjection.fields = {
        {"LocalObjectReference", "", T::Struct, &core_v1_LocalObjectReference, false, false, true, "v1.LocalObjectReference", nullptr},
        {"Items", "items", T::StructList, &core_v1_KeyToPath, true, false, false, "[]v1.KeyToPath", "v1.KeyToPath"},
        {"Optional", "optional", T::Bool, nullptr, true, true, false, "bool", nullptr},
    };
    core_v1_ConfigMapVolumeSource.fields = {
        {"LocalObjectReference", "", T::Struct, &core_v1_LocalObjectReference, false, false, true, "v1.LocalObjectReference", nullptr},
        {"Items", "items", T::StructList, &core_v1_KeyToPath, true, false, false, "[]v1.KeyToPath", "v1.KeyToPath"},
        {"DefaultMode", "defaultMode", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Optional", "optional", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"DefaultUser", "defaultUser", T::Int64, nullptr, true, true, false, "int64", nullptr},
    };
    core_v1_Container.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"Image", "image", T::String, nullptr, true, false, false, "string", nullptr},
        {"Command", "command", T::StringList, nullptr, true, false, false, "[]string", "string"},
        {"Args", "args", T::StringList, nullptr, true, false, false, "[]string", "string"},
        {"WorkingDir", "workingDir", T::String, nullptr, true, false, false, "string", nullptr},
        {"Ports", "ports", T::StructList, &core_v1_ContainerPort, true, false, false, "[]v1.ContainerPort", "v1.ContainerPort"},
        {"EnvFrom", "envFrom", T::StructList, &core_v1_EnvFromSource, true, false, false, "[]v1.EnvFromSource", "v1.EnvFromSource"},
        {"Env", "env", T::StructList, &core_v1_EnvVar, true, false, false, "[]v1.EnvVar", "v1.EnvVar"},
        {"Resources", "resources", T::Struct, &core_v1_ResourceRequirements, true, false, false, "v1.ResourceRequirements", nullptr},
        {"ResizePolicy", "resizePolicy", T::StructList, &core_v1_ContainerResizePolicy, true, false, false, "[]v1.ContainerResizePolicy", "v1.ContainerResizePolicy"},
        {"RestartPolicy", "restartPolicy", T::String, nullptr, true, true, false, "v1.ContainerRestartPolicy", nullptr},
        {"RestartPolicyRules", "restartPolicyRules", T::StructList, &core_v1_ContainerRestartRule, true, false, false, "[]v1.ContainerRestartRule", "v1.ContainerRestartRule"},
        {"VolumeMounts", "volumeMounts", T::StructList, &core_v1_VolumeMount, true, false, false, "[]v1.VolumeMount", "v1.VolumeMount"},
        {"VolumeDevices", "volumeDevices", T::StructList, &core_v1_VolumeDevice, true, false, false, "[]v1.VolumeDevice", "v1.VolumeDevice"},
        {"LivenessProbe", "livenessProbe", T::Struct, &core_v1_Probe, true, true, false, "v1.Probe", nullptr},
        {"ReadinessProbe", "readinessProbe", T::Struct, &core_v1_Probe, true, true, false, "v1.Probe", nullptr},
        {"StartupProbe", "startupProbe", T::Struct, &core_v1_Probe, true, true, false, "v1.Probe", nullptr},
        {"Lifecycle", "lifecycle", T::Struct, &core_v1_Lifecycle, true, true, false, "v1.Lifecycle", nullptr},
        {"TerminationMessagePath", "terminationMessagePath", T::String, nullptr, true, false, false, "string", nullptr},
        {"TerminationMessagePolicy", "terminationMessagePolicy", T::String, nullptr, true, false, false, "v1.TerminationMessagePolicy", nullptr},
        {"ImagePullPolicy", "imagePullPolicy", T::String, nullptr, true, false, false, "v1.PullPolicy", nullptr},
        {"SecurityContext", "securityContext", T::Struct, &core_v1_SecurityContext, true, true, false, "v1.SecurityContext", nullptr},
        {"Stdin", "stdin", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"StdinOnce", "stdinOnce", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"TTY", "tty", T::Bool, nullptr, true, false, false, "bool", nullptr},
    };
    core_v1_ContainerExtendedResourceRequest.fields = {
        {"ContainerName", "containerName", T::String, nullptr, false, false, false, "string", nullptr},
        {"ResourceName", "resourceName", T::String, nullptr, false, false, false, "string", nullptr},
        {"RequestName", "requestName", T::String, nullptr, false, false, false, "string", nullptr},
    };
    core_v1_ContainerPort.fields = {
        {"Name", "name", T::String, nullptr, true, false, false, "string", nullptr},
        {"HostPort", "hostPort", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"ContainerPort", "containerPort", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"Protocol", "protocol", T::String, nullptr, true, false, false, "v1.Protocol", nullptr},
        {"HostIP", "hostIP", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_ContainerResizePolicy.fields = {
        {"ResourceName", "resourceName", T::String, nullptr, false, false, false, "v1.ResourceName", nullptr},
        {"RestartPolicy", "restartPolicy", T::String, nullptr, false, false, false, "v1.ResourceResizeRestartPolicy", nullptr},
    };
    core_v1_ContainerRestartRule.fields = {
        {"Action", "action", T::String, nullptr, true, false, false, "v1.ContainerRestartRuleAction", nullptr},
        {"ExitCodes", "exitCodes", T::Struct, &core_v1_ContainerRestartRuleOnExitCodes, true, true, false, "v1.ContainerRestartRuleOnExitCodes", nullptr},
    };
    core_v1_ContainerRestartRuleOnExitCodes.fields = {
        {"Operator", "operator", T::String, nullptr, true, false, false, "v1.ContainerRestartRuleOnExitCodesOperator", nullptr},
        {"Values", "values", T::Int32List, nullptr, true, false, false, "[]int32", "int32"},
    };
    core_v1_ContainerState.fields = {
        {"Waiting", "waiting", T::Struct, &core_v1_ContainerStateWaiting, true, true, false, "v1.ContainerStateWaiting", nullptr},
        {"Running", "running", T::Struct, &core_v1_ContainerStateRunning, true, true, false, "v1.ContainerStateRunning", nullptr},
        {"Terminated", "terminated", T::Struct, &core_v1_ContainerStateTerminated, true, true, false, "v1.ContainerStateTerminated", nullptr},
    };
    core_v1_ContainerStateRunning.fields = {
        {"StartedAt", "startedAt", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
    };
    core_v1_ContainerStateTerminated.fields = {
        {"ExitCode", "exitCode", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"Signal", "signal", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
        {"StartedAt", "startedAt", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"FinishedAt", "finishedAt", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"ContainerID", "containerID", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_ContainerStateWaiting.fields = {
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_ContainerStatus.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"State", "state", T::Struct, &core_v1_ContainerState, true, false, false, "v1.ContainerState", nullptr},
        {"LastTerminationState", "lastState", T::Struct, &core_v1_ContainerState, true, false, false, "v1.ContainerState", nullptr},
        {"Ready", "ready", T::Bool, nullptr, false, false, false, "bool", nullptr},
        {"RestartCount", "restartCount", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"Image", "image", T::String, nullptr, false, false, false, "string", nullptr},
        {"ImageID", "imageID", T::String, nullptr, false, false, false, "string", nullptr},
        {"ContainerID", "containerID", T::String, nullptr, true, false, false, "string", nullptr},
        {"Started", "started", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"AllocatedResources", "allocatedResources", T::QuantityMap, nullptr, true, false, false, "v1.ResourceList", "resource.Quantity"},
        {"Resources", "resources", T::Struct, &core_v1_ResourceRequirements, true, true, false, "v1.ResourceRequirements", nullptr},
        {"VolumeMounts", "volumeMounts", T::StructList, &core_v1_VolumeMountStatus, true, false, false, "[]v1.VolumeMountStatus", "v1.VolumeMountStatus"},
        {"User", "user", T::Struct, &core_v1_ContainerUser, true, true, false, "v1.ContainerUser", nullptr},
        {"AllocatedResourcesStatus", "allocatedResourcesStatus", T::StructList, &core_v1_ResourceStatus, true, false, false, "[]v1.ResourceStatus", "v1.ResourceStatus"},
        {"StopSignal", "stopSignal", T::String, nullptr, true, true, false, "v1.Signal", nullptr},
    };
    core_v1_ContainerUser.fields = {
        {"Linux", "linux", T::Struct, &core_v1_LinuxContainerUser, true, true, false, "v1.LinuxContainerUser", nullptr},
    };
    core_v1_DownwardAPIProjection.fields = {
        {"Items", "items", T::StructList, &core_v1_DownwardAPIVolumeFile, true, false, false, "[]v1.DownwardAPIVolumeFile", "v1.DownwardAPIVolumeFile"},
    };
    core_v1_DownwardAPIVolumeFile.fields = {
        {"Path", "path", T::String, nullptr, false, false, false, "string", nullptr},
        {"FieldRef", "fieldRef", T::Struct, &core_v1_ObjectFieldSelector, true, true, false, "v1.ObjectFieldSelector", nullptr},
        {"ResourceFieldRef", "resourceFieldRef", T::Struct, &core_v1_ResourceFieldSelector, true, true, false, "v1.ResourceFieldSelector", nullptr},
        {"Mode", "mode", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"User", "user", T::Int64, nullptr, true, true, false, "int64", nullptr},
    };
    core_v1_DownwardAPIVolumeSource.fields = {
        {"Items", "items", T::StructList, &core_v1_DownwardAPIVolumeFile, true, false, false, "[]v1.DownwardAPIVolumeFile", "v1.DownwardAPIVolumeFile"},
        {"DefaultMode", "defaultMode", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"DefaultUser", "defaultUser", T::Int64, nullptr, true, true, false, "int64", nullptr},
    };
    core_v1_EmptyDirVolumeSource.fields = {
        {"Medium", "medium", T::String, nullptr, true, false, false, "v1.StorageMedium", nullptr},
        {"SizeLimit", "sizeLimit", T::Quantity, nullptr, true, true, false, "resource.Quantity", nullptr},
        {"Mode", "mode", T::Int32, nullptr, true, true, false, "int32", nullptr},
    };
    core_v1_EnvFromSource.fields = {
        {"Prefix", "prefix", T::String, nullptr, true, false, false, "string", nullptr},
        {"ConfigMapRef", "configMapRef", T::Struct, &core_v1_ConfigMapEnvSource, true, true, false, "v1.ConfigMapEnvSource", nullptr},
        {"SecretRef", "secretRef", T::Struct, &core_v1_SecretEnvSource, true, true, false, "v1.SecretEnvSource", nullptr},
    };
    core_v1_EnvVar.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"Value", "value", T::String, nullptr, true, false, false, "string", nullptr},
        {"ValueFrom", "valueFrom", T::Struct, &core_v1_EnvVarSource, true, true, false, "v1.EnvVarSource", nullptr},
    };
    core_v1_EnvVarSource.fields = {
        {"FieldRef", "fieldRef", T::Struct, &core_v1_ObjectFieldSelector, true, true, false, "v1.ObjectFieldSelector", nullptr},
        {"ResourceFieldRef", "resourceFieldRef", T::Struct, &core_v1_ResourceFieldSelector, true, true, false, "v1.ResourceFieldSelector", nullptr},
        {"ConfigMapKeyRef", "configMapKeyRef", T::Struct, &core_v1_ConfigMapKeySelector, true, true, false, "v1.ConfigMapKeySelector", nullptr},
        {"SecretKeyRef", "secretKeyRef", T::Struct, &core_v1_SecretKeySelector, true, true, false, "v1.SecretKeySelector", nullptr},
        {"FileKeyRef", "fileKeyRef", T::Struct, &core_v1_FileKeySelector, true, true, false, "v1.FileKeySelector", nullptr},
    };
    core_v1_EphemeralContainer.fields = {
        {"EphemeralContainerCommon", "", T::Struct, &core_v1_EphemeralContainerCommon, false, false, true, "v1.EphemeralContainerCommon", nullptr},
        {"TargetContainerName", "targetContainerName", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_EphemeralContainerCommon.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"Image", "image", T::String, nullptr, true, false, false, "string", nullptr},
        {"Command", "command", T::StringList, nullptr, true, false, false, "[]string", "string"},
        {"Args", "args", T::StringList, nullptr, true, false, false, "[]string", "string"},
        {"WorkingDir", "workingDir", T::String, nullptr, true, false, false, "string", nullptr},
        {"Ports", "ports", T::StructList, &core_v1_ContainerPort, true, false, false, "[]v1.ContainerPort", "v1.ContainerPort"},
        {"EnvFrom", "envFrom", T::StructList, &core_v1_EnvFromSource, true, false, false, "[]v1.EnvFromSource", "v1.EnvFromSource"},
        {"Env", "env", T::StructList, &core_v1_EnvVar, true, false, false, "[]v1.EnvVar", "v1.EnvVar"},
        {"Resources", "resources", T::Struct, &core_v1_ResourceRequirements, true, false, false, "v1.ResourceRequirements", nullptr},
        {"ResizePolicy", "resizePolicy", T::StructList, &core_v1_ContainerResizePolicy, true, false, false, "[]v1.ContainerResizePolicy", "v1.ContainerResizePolicy"},
        {"RestartPolicy", "restartPolicy", T::String, nullptr, true, true, false, "v1.ContainerRestartPolicy", nullptr},
        {"RestartPolicyRules", "restartPolicyRules", T::StructList, &core_v1_ContainerRestartRule, true, false, false, "[]v1.ContainerRestartRule", "v1.ContainerRestartRule"},
        {"VolumeMounts", "volumeMounts", T::StructList, &core_v1_VolumeMount, true, false, false, "[]v1.VolumeMount", "v1.VolumeMount"},
        {"VolumeDevices", "volumeDevices", T::StructList, &core_v1_VolumeDevice, true, false, false, "[]v1.VolumeDevice", "v1.VolumeDevice"},
        {"LivenessProbe", "livenessProbe", T::Struct, &core_v1_Probe, true, true, false, "v1.Probe", nullptr},
        {"ReadinessProbe", "readinessProbe", T::Struct, &core_v1_Probe, true, true, false, "v1.Probe", nullptr},
        {"StartupProbe", "startupProbe", T::Struct, &core_v1_Probe, true, true, false, "v1.Probe", nullptr},
        {"Lifecycle", "lifecycle", T::Struct, &core_v1_Lifecycle, true, true, false, "v1.Lifecycle", nullptr},
        {"TerminationMessagePath", "terminationMessagePath", T::String, nullptr, true, false, false, "string", nullptr},
        {"TerminationMessagePolicy", "terminationMessagePolicy", T::String, nullptr, true, false, false, "v1.TerminationMessagePolicy", nullptr},
        {"ImagePullPolicy", "imagePullPolicy", T::String, nullptr, true, false, false, "v1.PullPolicy", nullptr},
        {"SecurityContext", "securityContext", T::Struct, &core_v1_SecurityContext, true, true, false, "v1.SecurityContext", nullptr},
        {"Stdin", "stdin", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"StdinOnce", "stdinOnce", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"TTY", "tty", T::Bool, nullptr, true, false, false, "bool", nullptr},
    };
    core_v1_EphemeralVolumeSource.fields = {
        {"VolumeClaimTemplate", "volumeClaimTemplate", T::Struct, &core_v1_PersistentVolumeClaimTemplate, true, true, false, "v1.PersistentVolumeClaimTemplate", nullptr},
    };
    core_v1_EvictionResponder.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"Priority", "priority", T::Int32, nullptr, false, true, false, "int32", nullptr},
    };
    core_v1_ExecAction.fields = {
        {"Command", "command", T::StringList, nullptr, true, false, false, "[]string", "string"},
    };
    core_v1_FCVolumeSource.fields = {
        {"TargetWWNs", "targetWWNs", T::StringList, nullptr, true, false, false, "[]string", "string"},
        {"Lun", "lun", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"FSType", "fsType", T::String, nullptr, true, false, false, "string", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"WWIDs", "wwids", T::StringList, nullptr, true, false, false, "[]string", "string"},
    };
    core_v1_FileKeySelector.fields = {
        {"VolumeName", "volumeName", T::String, nullptr, false, false, false, "string", nullptr},
        {"Path", "path", T::String, nullptr, false, false, false, "string", nullptr},
        {"Key", "key", T::String, nullptr, false, false, false, "string", nullptr},
        {"Optional", "optional", T::Bool, nullptr, true, true, false, "bool", nullptr},
    };
    core_v1_FlexVolumeSource.fields = {
        {"Driver", "driver", T::String, nullptr, false, false, false, "string", nullptr},
        {"FSType", "fsType", T::String, nullptr, true, false, false, "string", nullptr},
        {"SecretRef", "secretRef", T::Struct, &core_v1_LocalObjectReference, true, true, false, "v1.LocalObjectReference", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"Options", "options", T::StringMap, nullptr, true, false, false, "map[string]string", "string"},
    };
    core_v1_FlockerVolumeSource.fields = {
        {"DatasetName", "datasetName", T::String, nullptr, true, false, false, "string", nullptr},
        {"DatasetUUID", "datasetUUID", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_GCEPersistentDiskVolumeSource.fields = {
        {"PDName", "pdName", T::String, nullptr, false, false, false, "string", nullptr},
        {"FSType", "fsType", T::String, nullptr, true, false, false, "string", nullptr},
        {"Partition", "partition", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
    };
    core_v1_GRPCAction.fields = {
        {"Port", "port", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"Service", "service", T::String, nullptr, false, true, false, "string", nullptr},
        {"Mode", "mode", T::String, nullptr, true, true, false, "v1.GRPCProbeMode", nullptr},
    };
    core_v1_GitRepoVolumeSource.fields = {
        {"Repository", "repository", T::String, nullptr, false, false, false, "string", nullptr},
        {"Revision", "revision", T::String, nullptr, true, false, false, "string", nullptr},
        {"Directory", "directory", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_GlusterfsVolumeSource.fields = {
        {"EndpointsName", "endpoints", T::String, nullptr, false, false, false, "string", nullptr},
        {"Path", "path", T::String, nullptr, false, false, false, "string", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
    };
    core_v1_HTTPGetAction.fields = {
        {"Path", "path", T::String, nullptr, true, false, false, "string", nullptr},
        {"Port", "port", T::IntOrString, nullptr, false, false, false, "intstr.IntOrString", nullptr},
        {"Host", "host", T::String, nullptr, true, false, false, "string", nullptr},
        {"Scheme", "scheme", T::String, nullptr, true, false, false, "v1.URIScheme", nullptr},
        {"HTTPHeaders", "httpHeaders", T::StructList, &core_v1_HTTPHeader, true, false, false, "[]v1.HTTPHeader", "v1.HTTPHeader"},
        {"Protocol", "protocol", T::String, nullptr, true, true, false, "v1.HTTPProtocol", nullptr},
    };
    core_v1_HTTPHeader.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"Value", "value", T::String, nullptr, false, false, false, "string", nullptr},
    };
    core_v1_HostAlias.fields = {
        {"IP", "ip", T::String, nullptr, false, false, false, "string", nullptr},
        {"Hostnames", "hostnames", T::StringList, nullptr, true, false, false, "[]string", "string"},
    };
    core_v1_HostIP.fields = {
        {"IP", "ip", T::String, nullptr, false, false, false, "string", nullptr},
    };
    core_v1_HostPathVolumeSource.fields = {
        {"Path", "path", T::String, nullptr, false, false, false, "string", nullptr},
        {"Type", "type", T::String, nullptr, true, true, false, "v1.HostPathType", nullptr},
    };
    core_v1_ISCSIVolumeSource.fields = {
        {"TargetPortal", "targetPortal", T::String, nullptr, false, false, false, "string", nullptr},
        {"IQN", "iqn", T::String, nullptr, false, false, false, "string", nullptr},
        {"Lun", "lun", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"ISCSIInterface", "iscsiInterface", T::String, nullptr, true, false, false, "string", nullptr},
        {"FSType", "fsType", T::String, nullptr, true, false, false, "string", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"Portals", "portals", T::StringList, nullptr, true, false, false, "[]string", "string"},
        {"DiscoveryCHAPAuth", "chapAuthDiscovery", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"SessionCHAPAuth", "chapAuthSession", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"SecretRef", "secretRef", T::Struct, &core_v1_LocalObjectReference, true, true, false, "v1.LocalObjectReference", nullptr},
        {"InitiatorName", "initiatorName", T::String, nullptr, true, true, false, "string", nullptr},
    };
    core_v1_ImageVolumeSource.fields = {
        {"Reference", "reference", T::String, nullptr, true, false, false, "string", nullptr},
        {"PullPolicy", "pullPolicy", T::String, nullptr, true, false, false, "v1.PullPolicy", nullptr},
    };
    core_v1_ImageVolumeStatus.fields = {
        {"ImageRef", "imageRef", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_KeyToPath.fields = {
        {"Key", "key", T::String, nullptr, false, false, false, "string", nullptr},
        {"Path", "path", T::String, nullptr, false, false, false, "string", nullptr},
        {"Mode", "mode", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"User", "user", T::Int64, nullptr, true, true, false, "int64", nullptr},
    };
    core_v1_Lifecycle.fields = {
        {"PostStart", "postStart", T::Struct, &core_v1_LifecycleHandler, true, true, false, "v1.LifecycleHandler", nullptr},
        {"PreStop", "preStop", T::Struct, &core_v1_LifecycleHandler, true, true, false, "v1.LifecycleHandler", nullptr},
        {"StopSignal", "stopSignal", T::String, nullptr, true, true, false, "v1.Signal", nullptr},
    };
    core_v1_LifecycleHandler.fields = {
        {"Exec", "exec", T::Struct, &core_v1_ExecAction, true, true, false, "v1.ExecAction", nullptr},
        {"HTTPGet", "httpGet", T::Struct, &core_v1_HTTPGetAction, true, true, false, "v1.HTTPGetAction", nullptr},
        {"TCPSocket", "tcpSocket", T::Struct, &core_v1_TCPSocketAction, true, true, false, "v1.TCPSocketAction", nullptr},
        {"Sleep", "sleep", T::Struct, &core_v1_SleepAction, true, true, false, "v1.SleepAction", nullptr},
    };
    core_v1_LinuxContainerUser.fields = {
        {"UID", "uid", T::Int64, nullptr, false, false, false, "int64", nullptr},
        {"GID", "gid", T::Int64, nullptr, false, false, false, "int64", nullptr},
        {"SupplementalGroups", "supplementalGroups", T::Int64List, nullptr, true, false, false, "[]int64", "int64"},
    };
    core_v1_LocalObjectReference.fields = {
        {"Name", "name", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_ModifyVolumeStatus.fields = {
        {"TargetVolumeAttributesClassName", "targetVolumeAttributesClassName", T::String, nullptr, true, false, false, "string", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.PersistentVolumeClaimModifyVolumeStatus", nullptr},
    };
    core_v1_NFSVolumeSource.fields = {
        {"Server", "server", T::String, nullptr, false, false, false, "string", nullptr},
        {"Path", "path", T::String, nullptr, false, false, false, "string", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
    };
    core_v1_NodeAffinity.fields = {
        {"RequiredDuringSchedulingIgnoredDuringExecution", "requiredDuringSchedulingIgnoredDuringExecution", T::Struct, &core_v1_NodeSelector, true, true, false, "v1.NodeSelector", nullptr},
        {"PreferredDuringSchedulingIgnoredDuringExecution", "preferredDuringSchedulingIgnoredDuringExecution", T::StructList, &core_v1_PreferredSchedulingTerm, true, false, false, "[]v1.PreferredSchedulingTerm", "v1.PreferredSchedulingTerm"},
    };
    core_v1_NodeAllocatableMappedResources.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "v1.ResourceName", nullptr},
        {"Quantity", "quantity", T::Quantity, nullptr, false, true, false, "resource.Quantity", nullptr},
    };
    core_v1_NodeAllocatableOverheadResources.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "v1.ResourceName", nullptr},
        {"PerPod", "perPod", T::Quantity, nullptr, true, true, false, "resource.Quantity", nullptr},
        {"PerContainer", "perContainer", T::Quantity, nullptr, true, true, false, "resource.Quantity", nullptr},
    };
    core_v1_NodeAllocatableResourceClaimStatus.fields = {
        {"ResourceClaimName", "resourceClaimName", T::String, nullptr, false, false, false, "string", nullptr},
        {"Containers", "containers", T::StringList, nullptr, true, false, false, "[]string", "string"},
        {"Mapping", "mapping", T::StructList, &core_v1_NodeAllocatableMappedResources, true, false, false, "[]v1.NodeAllocatableMappedResources", "v1.NodeAllocatableMappedResources"},
        {"Overhead", "overhead", T::StructList, &core_v1_NodeAllocatableOverheadResources, true, false, false, "[]v1.NodeAllocatableOverheadResources", "v1.NodeAllocatableOverheadResources"},
    };
    core_v1_NodeSelector.fields = {
        {"NodeSelectorTerms", "nodeSelectorTerms", T::StructList, &core_v1_NodeSelectorTerm, false, false, false, "[]v1.NodeSelectorTerm", "v1.NodeSelectorTerm"},
    };
    core_v1_NodeSelectorRequirement.fields = {
        {"Key", "key", T::String, nullptr, false, false, false, "string", nullptr},
        {"Operator", "operator", T::String, nullptr, false, false, false, "v1.NodeSelectorOperator", nullptr},
        {"Values", "values", T::StringList, nullptr, true, false, false, "[]string", "string"},
    };
    core_v1_NodeSelectorTerm.fields = {
        {"MatchExpressions", "matchExpressions", T::StructList, &core_v1_NodeSelectorRequirement, true, false, false, "[]v1.NodeSelectorRequirement", "v1.NodeSelectorRequirement"},
        {"MatchFields", "matchFields", T::StructList, &core_v1_NodeSelectorRequirement, true, false, false, "[]v1.NodeSelectorRequirement", "v1.NodeSelectorRequirement"},
    };
    core_v1_ObjectFieldSelector.fields = {
        {"APIVersion", "apiVersion", T::String, nullptr, true, false, false, "string", nullptr},
        {"FieldPath", "fieldPath", T::String, nullptr, false, false, false, "string", nullptr},
    };
    core_v1_ObjectReference.fields = {
        {"Kind", "kind", T::String, nullptr, true, false, false, "string", nullptr},
        {"Namespace", "namespace", T::String, nullptr, true, false, false, "string", nullptr},
        {"Name", "name", T::String, nullptr, true, false, false, "string", nullptr},
        {"UID", "uid", T::String, nullptr, true, false, false, "types.UID", nullptr},
        {"APIVersion", "apiVersion", T::String, nullptr, true, false, false, "string", nullptr},
        {"ResourceVersion", "resourceVersion", T::String, nullptr, true, false, false, "string", nullptr},
        {"FieldPath", "fieldPath", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_PersistentVolumeClaim.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &core_v1_PersistentVolumeClaimSpec, true, false, false, "v1.PersistentVolumeClaimSpec", nullptr},
        {"Status", "status", T::Struct, &core_v1_PersistentVolumeClaimStatus, true, false, false, "v1.PersistentVolumeClaimStatus", nullptr},
    };
    core_v1_PersistentVolumeClaimCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1.PersistentVolumeClaimConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastProbeTime", "lastProbeTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_PersistentVolumeClaimSpec.fields = {
        {"AccessModes", "accessModes", T::StringList, nullptr, true, false, false, "[]v1.PersistentVolumeAccessMode", "v1.PersistentVolumeAccessMode"},
        {"Selector", "selector", T::Struct, &meta_v1_LabelSelector, true, true, false, "v1.LabelSelector", nullptr},
        {"Resources", "resources", T::Struct, &core_v1_VolumeResourceRequirements, true, false, false, "v1.VolumeResourceRequirements", nullptr},
        {"VolumeName", "volumeName", T::String, nullptr, true, false, false, "string", nullptr},
        {"StorageClassName", "storageClassName", T::String, nullptr, true, true, false, "string", nullptr},
        {"VolumeMode", "volumeMode", T::String, nullptr, true, true, false, "v1.PersistentVolumeMode", nullptr},
        {"DataSource", "dataSource", T::Struct, &core_v1_TypedLocalObjectReference, true, true, false, "v1.TypedLocalObjectReference", nullptr},
        {"DataSourceRef", "dataSourceRef", T::Struct, &core_v1_TypedObjectReference, true, true, false, "v1.TypedObjectReference", nullptr},
        {"VolumeAttributesClassName", "volumeAttributesClassName", T::String, nullptr, true, true, false, "string", nullptr},
    };
    core_v1_PersistentVolumeClaimStatus.fields = {
        {"Phase", "phase", T::String, nullptr, true, false, false, "v1.PersistentVolumeClaimPhase", nullptr},
        {"AccessModes", "accessModes", T::StringList, nullptr, true, false, false, "[]v1.PersistentVolumeAccessMode", "v1.PersistentVolumeAccessMode"},
        {"Capacity", "capacity", T::QuantityMap, nullptr, true, false, false, "v1.ResourceList", "resource.Quantity"},
        {"Conditions", "conditions", T::StructList, &core_v1_PersistentVolumeClaimCondition, true, false, false, "[]v1.PersistentVolumeClaimCondition", "v1.PersistentVolumeClaimCondition"},
        {"AllocatedResources", "allocatedResources", T::QuantityMap, nullptr, true, false, false, "v1.ResourceList", "resource.Quantity"},
        {"AllocatedResourceStatuses", "allocatedResourceStatuses", T::StringMap, nullptr, true, false, false, "map[v1.ResourceName]v1.ClaimResourceStatus", "v1.ClaimResourceStatus"},
        {"CurrentVolumeAttributesClassName", "currentVolumeAttributesClassName", T::String, nullptr, true, true, false, "string", nullptr},
        {"ModifyVolumeStatus", "modifyVolumeStatus", T::Struct, &core_v1_ModifyVolumeStatus, true, true, false, "v1.ModifyVolumeStatus", nullptr},
        {"HealthStatus", "healthStatus", T::Struct, &core_v1_VolumeHealthStatus, true, true, false, "v1.VolumeHealthStatus", nullptr},
    };
    core_v1_PersistentVolumeClaimTemplate.fields = {
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &core_v1_PersistentVolumeClaimSpec, false, false, false, "v1.PersistentVolumeClaimSpec", nullptr},
    };
    core_v1_PersistentVolumeClaimVolumeSource.fields = {
        {"ClaimName", "claimName", T::String, nullptr, false, false, false, "string", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
    };
    core_v1_PhotonPersistentDiskVolumeSource.fields = {
        {"PdID", "pdID", T::String, nullptr, false, false, false, "string", nullptr},
        {"FSType", "fsType", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_Pod.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &core_v1_PodSpec, true, false, false, "v1.PodSpec", nullptr},
        {"Status", "status", T::Struct, &core_v1_PodStatus, true, false, false, "v1.PodStatus", nullptr},
    };
    core_v1_PodAffinity.fields = {
        {"RequiredDuringSchedulingIgnoredDuringExecution", "requiredDuringSchedulingIgnoredDuringExecution", T::StructList, &core_v1_PodAffinityTerm, true, false, false, "[]v1.PodAffinityTerm", "v1.PodAffinityTerm"},
        {"PreferredDuringSchedulingIgnoredDuringExecution", "preferredDuringSchedulingIgnoredDuringExecution", T::StructList, &core_v1_WeightedPodAffinityTerm, true, false, false, "[]v1.WeightedPodAffinityTerm", "v1.WeightedPodAffinityTerm"},
    };
    core_v1_PodAffinityTerm.fields = {
        {"LabelSelector", "labelSelector", T::Struct, &meta_v1_LabelSelector, true, true, false, "v1.LabelSelector", nullptr},
        {"Namespaces", "namespaces", T::StringList, nullptr, true, false, false, "[]string", "string"},
        {"TopologyKey", "topologyKey", T::String, nullptr, false, false, false, "string", nullptr},
        {"NamespaceSelector", "namespaceSelector", T::Struct, &meta_v1_LabelSelector, true, true, false, "v1.LabelSelector", nullptr},
        {"MatchLabelKeys", "matchLabelKeys", T::StringList, nullptr, true, false, false, "[]string", "string"},
        {"MismatchLabelKeys", "mismatchLabelKeys", T::StringList, nullptr, true, false, false, "[]string", "string"},
    };
    core_v1_PodAntiAffinity.fields = {
        {"RequiredDuringSchedulingIgnoredDuringExecution", "requiredDuringSchedulingIgnoredDuringExecution", T::StructList, &core_v1_PodAffinityTerm, true, false, false, "[]v1.PodAffinityTerm", "v1.PodAffinityTerm"},
        {"PreferredDuringSchedulingIgnoredDuringExecution", "preferredDuringSchedulingIgnoredDuringExecution", T::StructList, &core_v1_WeightedPodAffinityTerm, true, false, false, "[]v1.WeightedPodAffinityTerm", "v1.WeightedPodAffinityTerm"},
    };
    core_v1_PodCertificateProjection.fields = {
        {"SignerName", "signerName", T::String, nullptr, true, false, false, "string", nullptr},
        {"KeyType", "keyType", T::String, nullptr, true, false, false, "string", nullptr},
        {"MaxExpirationSeconds", "maxExpirationSeconds", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"CredentialBundlePath", "credentialBundlePath", T::String, nullptr, true, false, false, "string", nullptr},
        {"KeyPath", "keyPath", T::String, nullptr, true, false, false, "string", nullptr},
        {"CertificateChainPath", "certificateChainPath", T::String, nullptr, true, false, false, "string", nullptr},
        {"UserAnnotations", "userAnnotations", T::StringMap, nullptr, true, false, false, "map[string]string", "string"},
        {"User", "user", T::Int64, nullptr, true, true, false, "int64", nullptr},
    };
    core_v1_PodCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1.PodConditionType", nullptr},
        {"ObservedGeneration", "observedGeneration", T::Int64, nullptr, true, false, false, "int64", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastProbeTime", "lastProbeTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_PodDNSConfig.fields = {
        {"Nameservers", "nameservers", T::StringList, nullptr, true, false, false, "[]string", "string"},
        {"Searches", "searches", T::StringList, nullptr, true, false, false, "[]string", "string"},
        {"Options", "options", T::StructList, &core_v1_PodDNSConfigOption, true, false, false, "[]v1.PodDNSConfigOption", "v1.PodDNSConfigOption"},
    };
    core_v1_PodDNSConfigOption.fields = {
        {"Name", "name", T::String, nullptr, true, false, false, "string", nullptr},
        {"Value", "value", T::String, nullptr, true, true, false, "string", nullptr},
    };
    core_v1_PodExtendedResourceClaimStatus.fields = {
        {"RequestMappings", "requestMappings", T::StructList, &core_v1_ContainerExtendedResourceRequest, false, false, false, "[]v1.ContainerExtendedResourceRequest", "v1.ContainerExtendedResourceRequest"},
        {"ResourceClaimName", "resourceClaimName", T::String, nullptr, false, false, false, "string", nullptr},
    };
    core_v1_PodIP.fields = {
        {"IP", "ip", T::String, nullptr, false, false, false, "string", nullptr},
    };
    core_v1_PodOS.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "v1.OSName", nullptr},
    };
    core_v1_PodReadinessGate.fields = {
        {"ConditionType", "conditionType", T::String, nullptr, false, false, false, "v1.PodConditionType", nullptr},
    };
    core_v1_PodResourceClaim.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"ResourceClaimName", "resourceClaimName", T::String, nullptr, true, true, false, "string", nullptr},
        {"ResourceClaimTemplateName", "resourceClaimTemplateName", T::String, nullptr, true, true, false, "string", nullptr},
    };
    core_v1_PodResourceClaimStatus.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"ResourceClaimName", "resourceClaimName", T::String, nullptr, true, true, false, "string", nullptr},
    };
    core_v1_PodSchedulingGate.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
    };
    core_v1_PodSchedulingGroup.fields = {
        {"PodGroupName", "podGroupName", T::String, nullptr, true, true, false, "string", nullptr},
    };
    core_v1_PodSecurityContext.fields = {
        {"SELinuxOptions", "seLinuxOptions", T::Struct, &core_v1_SELinuxOptions, true, true, false, "v1.SELinuxOptions", nullptr},
        {"WindowsOptions", "windowsOptions", T::Struct, &core_v1_WindowsSecurityContextOptions, true, true, false, "v1.WindowsSecurityContextOptions", nullptr},
        {"RunAsUser", "runAsUser", T::Int64, nullptr, true, true, false, "int64", nullptr},
        {"RunAsGroup", "runAsGroup", T::Int64, nullptr, true, true, false, "int64", nullptr},
        {"RunAsNonRoot", "runAsNonRoot", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"SupplementalGroups", "supplementalGroups", T::Int64List, nullptr, true, false, false, "[]int64", "int64"},
        {"SupplementalGroupsPolicy", "supplementalGroupsPolicy", T::String, nullptr, true, true, false, "v1.SupplementalGroupsPolicy", nullptr},
        {"FSGroup", "fsGroup", T::Int64, nullptr, true, true, false, "int64", nullptr},
        {"Sysctls", "sysctls", T::StructList, &core_v1_Sysctl, true, false, false, "[]v1.Sysctl", "v1.Sysctl"},
        {"FSGroupChangePolicy", "fsGroupChangePolicy", T::String, nullptr, true, true, false, "v1.PodFSGroupChangePolicy", nullptr},
        {"SeccompProfile", "seccompProfile", T::Struct, &core_v1_SeccompProfile, true, true, false, "v1.SeccompProfile", nullptr},
        {"AppArmorProfile", "appArmorProfile", T::Struct, &core_v1_AppArmorProfile, true, true, false, "v1.AppArmorProfile", nullptr},
        {"SELinuxChangePolicy", "seLinuxChangePolicy", T::String, nullptr, true, true, false, "v1.PodSELinuxChangePolicy", nullptr},
    };
    core_v1_PodSpec.fields = {
        {"Volumes", "volumes", T::StructList, &core_v1_Volume, true, false, false, "[]v1.Volume", "v1.Volume"},
        {"InitContainers", "initContainers", T::StructList, &core_v1_Container, true, false, false, "[]v1.Container", "v1.Container"},
        {"Containers", "containers", T::StructList, &core_v1_Container, false, false, false, "[]v1.Container", "v1.Container"},
        {"EphemeralContainers", "ephemeralContainers", T::StructList, &core_v1_EphemeralContainer, true, false, false, "[]v1.EphemeralContainer", "v1.EphemeralContainer"},
        {"RestartPolicy", "restartPolicy", T::String, nullptr, true, false, false, "v1.RestartPolicy", nullptr},
        {"TerminationGracePeriodSeconds", "terminationGracePeriodSeconds", T::Int64, nullptr, true, true, false, "int64", nullptr},
        {"ActiveDeadlineSeconds", "activeDeadlineSeconds", T::Int64, nullptr, true, true, false, "int64", nullptr},
        {"DNSPolicy", "dnsPolicy", T::String, nullptr, true, false, false, "v1.DNSPolicy", nullptr},
        {"NodeSelector", "nodeSelector", T::StringMap, nullptr, true, false, false, "map[string]string", "string"},
        {"ServiceAccountName", "serviceAccountName", T::String, nullptr, true, false, false, "string", nullptr},
        {"DeprecatedServiceAccount", "serviceAccount", T::String, nullptr, true, false, false, "string", nullptr},
        {"AutomountServiceAccountToken", "automountServiceAccountToken", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"NodeName", "nodeName", T::String, nullptr, true, false, false, "string", nullptr},
        {"HostNetwork", "hostNetwork", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"HostPID", "hostPID", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"HostIPC", "hostIPC", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"ShareProcessNamespace", "shareProcessNamespace", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"SecurityContext", "securityContext", T::Struct, &core_v1_PodSecurityContext, true, true, false, "v1.PodSecurityContext", nullptr},
        {"ImagePullSecrets", "imagePullSecrets", T::StructList, &core_v1_LocalObjectReference, true, false, false, "[]v1.LocalObjectReference", "v1.LocalObjectReference"},
        {"Hostname", "hostname", T::String, nullptr, true, false, false, "string", nullptr},
        {"Subdomain", "subdomain", T::String, nullptr, true, false, false, "string", nullptr},
        {"Affinity", "affinity", T::Struct, &core_v1_Affinity, true, true, false, "v1.Affinity", nullptr},
        {"SchedulerName", "schedulerName", T::String, nullptr, true, false, false, "string", nullptr},
        {"Tolerations", "tolerations", T::StructList, &core_v1_Toleration, true, false, false, "[]v1.Toleration", "v1.Toleration"},
        {"HostAliases", "hostAliases", T::StructList, &core_v1_HostAlias, true, false, false, "[]v1.HostAlias", "v1.HostAlias"},
        {"PriorityClassName", "priorityClassName", T::String, nullptr, true, false, false, "string", nullptr},
        {"Priority", "priority", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"DNSConfig", "dnsConfig", T::Struct, &core_v1_PodDNSConfig, true, true, false, "v1.PodDNSConfig", nullptr},
        {"ReadinessGates", "readinessGates", T::StructList, &core_v1_PodReadinessGate, true, false, false, "[]v1.PodReadinessGate", "v1.PodReadinessGate"},
        {"RuntimeClassName", "runtimeClassName", T::String, nullptr, true, true, false, "string", nullptr},
        {"EnableServiceLinks", "enableServiceLinks", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"PreemptionPolicy", "preemptionPolicy", T::String, nullptr, true, true, false, "v1.PreemptionPolicy", nullptr},
        {"Overhead", "overhead", T::QuantityMap, nullptr, true, false, false, "v1.ResourceList", "resource.Quantity"},
        {"TopologySpreadConstraints", "topologySpreadConstraints", T::StructList, &core_v1_TopologySpreadConstraint, true, false, false, "[]v1.TopologySpreadConstraint", "v1.TopologySpreadConstraint"},
        {"SetHostnameAsFQDN", "setHostnameAsFQDN", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"OS", "os", T::Struct, &core_v1_PodOS, true, true, false, "v1.PodOS", nullptr},
        {"HostUsers", "hostUsers", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"SchedulingGates", "schedulingGates", T::StructList, &core_v1_PodSchedulingGate, true, false, false, "[]v1.PodSchedulingGate", "v1.PodSchedulingGate"},
        {"ResourceClaims", "resourceClaims", T::StructList, &core_v1_PodResourceClaim, true, false, false, "[]v1.PodResourceClaim", "v1.PodResourceClaim"},
        {"Resources", "resources", T::Struct, &core_v1_ResourceRequirements, true, true, false, "v1.ResourceRequirements", nullptr},
        {"HostnameOverride", "hostnameOverride", T::String, nullptr, true, true, false, "string", nullptr},
        {"SchedulingGroup", "schedulingGroup", T::Struct, &core_v1_PodSchedulingGroup, true, true, false, "v1.PodSchedulingGroup", nullptr},
        {"EvictionResponders", "evictionResponders", T::StructList, &core_v1_EvictionResponder, true, false, false, "[]v1.EvictionResponder", "v1.EvictionResponder"},
    };
    core_v1_PodStatus.fields = {
        {"ObservedGeneration", "observedGeneration", T::Int64, nullptr, true, false, false, "int64", nullptr},
        {"Phase", "phase", T::String, nullptr, true, false, false, "v1.PodPhase", nullptr},
        {"Conditions", "conditions", T::StructList, &core_v1_PodCondition, true, false, false, "[]v1.PodCondition", "v1.PodCondition"},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"NominatedNodeName", "nominatedNodeName", T::String, nullptr, true, false, false, "string", nullptr},
        {"HostIP", "hostIP", T::String, nullptr, true, false, false, "string", nullptr},
        {"HostIPs", "hostIPs", T::StructList, &core_v1_HostIP, true, false, false, "[]v1.HostIP", "v1.HostIP"},
        {"PodIP", "podIP", T::String, nullptr, true, false, false, "string", nullptr},
        {"PodIPs", "podIPs", T::StructList, &core_v1_PodIP, true, false, false, "[]v1.PodIP", "v1.PodIP"},
        {"StartTime", "startTime", T::Time, nullptr, true, true, false, "v1.Time", nullptr},
        {"InitContainerStatuses", "initContainerStatuses", T::StructList, &core_v1_ContainerStatus, true, false, false, "[]v1.ContainerStatus", "v1.ContainerStatus"},
        {"ContainerStatuses", "containerStatuses", T::StructList, &core_v1_ContainerStatus, true, false, false, "[]v1.ContainerStatus", "v1.ContainerStatus"},
        {"QOSClass", "qosClass", T::String, nullptr, true, false, false, "v1.PodQOSClass", nullptr},
        {"EphemeralContainerStatuses", "ephemeralContainerStatuses", T::StructList, &core_v1_ContainerStatus, true, false, false, "[]v1.ContainerStatus", "v1.ContainerStatus"},
        {"Resize", "resize", T::String, nullptr, true, false, false, "v1.PodResizeStatus", nullptr},
        {"ResourceClaimStatuses", "resourceClaimStatuses", T::StructList, &core_v1_PodResourceClaimStatus, true, false, false, "[]v1.PodResourceClaimStatus", "v1.PodResourceClaimStatus"},
        {"ExtendedResourceClaimStatus", "extendedResourceClaimStatus", T::Struct, &core_v1_PodExtendedResourceClaimStatus, true, true, false, "v1.PodExtendedResourceClaimStatus", nullptr},
        {"AllocatedResources", "allocatedResources", T::QuantityMap, nullptr, true, false, false, "v1.ResourceList", "resource.Quantity"},
        {"Resources", "resources", T::Struct, &core_v1_ResourceRequirements, true, true, false, "v1.ResourceRequirements", nullptr},
        {"NodeAllocatableResourceClaimStatuses", "nodeAllocatableResourceClaimStatuses", T::StructList, &core_v1_NodeAllocatableResourceClaimStatus, true, false, false, "[]v1.NodeAllocatableResourceClaimStatus", "v1.NodeAllocatableResourceClaimStatus"},
        {"VolumeHealth", "volumeHealth", T::StructList, &core_v1_PodVolumeHealth, true, false, false, "[]v1.PodVolumeHealth", "v1.PodVolumeHealth"},
    };
    core_v1_PodTemplateSpec.fields = {
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &core_v1_PodSpec, true, false, false, "v1.PodSpec", nullptr},
    };
    core_v1_PodVolumeHealth.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"HealthConditions", "healthConditions", T::StructList, &core_v1_VolumeHealthCondition, true, false, false, "[]v1.VolumeHealthCondition", "v1.VolumeHealthCondition"},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
    };
    core_v1_PortworxVolumeSource.fields = {
        {"VolumeID", "volumeID", T::String, nullptr, false, false, false, "string", nullptr},
        {"FSType", "fsType", T::String, nullptr, true, false, false, "string", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
    };
    core_v1_PreferredSchedulingTerm.fields = {
        {"Weight", "weight", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"Preference", "preference", T::Struct, &core_v1_NodeSelectorTerm, false, false, false, "v1.NodeSelectorTerm", nullptr},
    };
    core_v1_Probe.fields = {
        {"ProbeHandler", "", T::Struct, &core_v1_ProbeHandler, false, false, true, "v1.ProbeHandler", nullptr},
        {"InitialDelaySeconds", "initialDelaySeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"TimeoutSeconds", "timeoutSeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"PeriodSeconds", "periodSeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"SuccessThreshold", "successThreshold", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"FailureThreshold", "failureThreshold", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"TerminationGracePeriodSeconds", "terminationGracePeriodSeconds", T::Int64, nullptr, true, true, false, "int64", nullptr},
    };
    core_v1_ProbeHandler.fields = {
        {"Exec", "exec", T::Struct, &core_v1_ExecAction, true, true, false, "v1.ExecAction", nullptr},
        {"HTTPGet", "httpGet", T::Struct, &core_v1_HTTPGetAction, true, true, false, "v1.HTTPGetAction", nullptr},
        {"TCPSocket", "tcpSocket", T::Struct, &core_v1_TCPSocketAction, true, true, false, "v1.TCPSocketAction", nullptr},
        {"GRPC", "grpc", T::Struct, &core_v1_GRPCAction, true, true, false, "v1.GRPCAction", nullptr},
    };
    core_v1_ProjectedVolumeSource.fields = {
        {"Sources", "sources", T::StructList, &core_v1_VolumeProjection, false, false, false, "[]v1.VolumeProjection", "v1.VolumeProjection"},
        {"DefaultMode", "defaultMode", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"DefaultUser", "defaultUser", T::Int64, nullptr, true, true, false, "int64", nullptr},
    };
    core_v1_QuobyteVolumeSource.fields = {
        {"Registry", "registry", T::String, nullptr, false, false, false, "string", nullptr},
        {"Volume", "volume", T::String, nullptr, false, false, false, "string", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"User", "user", T::String, nullptr, true, false, false, "string", nullptr},
        {"Group", "group", T::String, nullptr, true, false, false, "string", nullptr},
        {"Tenant", "tenant", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_RBDVolumeSource.fields = {
        {"CephMonitors", "monitors", T::StringList, nullptr, false, false, false, "[]string", "string"},
        {"RBDImage", "image", T::String, nullptr, false, false, false, "string", nullptr},
        {"FSType", "fsType", T::String, nullptr, true, false, false, "string", nullptr},
        {"RBDPool", "pool", T::String, nullptr, true, false, false, "string", nullptr},
        {"RadosUser", "user", T::String, nullptr, true, false, false, "string", nullptr},
        {"Keyring", "keyring", T::String, nullptr, true, false, false, "string", nullptr},
        {"SecretRef", "secretRef", T::Struct, &core_v1_LocalObjectReference, true, true, false, "v1.LocalObjectReference", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
    };
    core_v1_ReplicationController.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &core_v1_ReplicationControllerSpec, true, false, false, "v1.ReplicationControllerSpec", nullptr},
        {"Status", "status", T::Struct, &core_v1_ReplicationControllerStatus, true, false, false, "v1.ReplicationControllerStatus", nullptr},
    };
    core_v1_ReplicationControllerCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1.ReplicationControllerConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_ReplicationControllerSpec.fields = {
        {"Replicas", "replicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"MinReadySeconds", "minReadySeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"Selector", "selector", T::StringMap, nullptr, true, false, false, "map[string]string", "string"},
        {"Template", "template", T::Struct, &core_v1_PodTemplateSpec, true, true, false, "v1.PodTemplateSpec", nullptr},
    };
    core_v1_ReplicationControllerStatus.fields = {
        {"Replicas", "replicas", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"FullyLabeledReplicas", "fullyLabeledReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"ReadyReplicas", "readyReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"AvailableReplicas", "availableReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"ObservedGeneration", "observedGeneration", T::Int64, nullptr, true, false, false, "int64", nullptr},
        {"Conditions", "conditions", T::StructList, &core_v1_ReplicationControllerCondition, true, false, false, "[]v1.ReplicationControllerCondition", "v1.ReplicationControllerCondition"},
    };
    core_v1_ResourceClaim.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"Request", "request", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_ResourceFieldSelector.fields = {
        {"ContainerName", "containerName", T::String, nullptr, true, false, false, "string", nullptr},
        {"Resource", "resource", T::String, nullptr, false, false, false, "string", nullptr},
        {"Divisor", "divisor", T::Quantity, nullptr, true, false, false, "resource.Quantity", nullptr},
    };
    core_v1_ResourceHealth.fields = {
        {"ResourceID", "resourceID", T::String, nullptr, false, false, false, "v1.ResourceID", nullptr},
        {"Health", "health", T::String, nullptr, true, false, false, "v1.ResourceHealthStatus", nullptr},
        {"Message", "message", T::String, nullptr, true, true, false, "string", nullptr},
    };
    core_v1_ResourceRequirements.fields = {
        {"Limits", "limits", T::QuantityMap, nullptr, true, false, false, "v1.ResourceList", "resource.Quantity"},
        {"Requests", "requests", T::QuantityMap, nullptr, true, false, false, "v1.ResourceList", "resource.Quantity"},
        {"Claims", "claims", T::StructList, &core_v1_ResourceClaim, true, false, false, "[]v1.ResourceClaim", "v1.ResourceClaim"},
    };
    core_v1_ResourceStatus.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "v1.ResourceName", nullptr},
        {"Resources", "resources", T::StructList, &core_v1_ResourceHealth, true, false, false, "[]v1.ResourceHealth", "v1.ResourceHealth"},
    };
    core_v1_SELinuxOptions.fields = {
        {"User", "user", T::String, nullptr, true, false, false, "string", nullptr},
        {"Role", "role", T::String, nullptr, true, false, false, "string", nullptr},
        {"Type", "type", T::String, nullptr, true, false, false, "string", nullptr},
        {"Level", "level", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_ScaleIOVolumeSource.fields = {
        {"Gateway", "gateway", T::String, nullptr, false, false, false, "string", nullptr},
        {"System", "system", T::String, nullptr, false, false, false, "string", nullptr},
        {"SecretRef", "secretRef", T::Struct, &core_v1_LocalObjectReference, false, true, false, "v1.LocalObjectReference", nullptr},
        {"SSLEnabled", "sslEnabled", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"ProtectionDomain", "protectionDomain", T::String, nullptr, true, false, false, "string", nullptr},
        {"StoragePool", "storagePool", T::String, nullptr, true, false, false, "string", nullptr},
        {"StorageMode", "storageMode", T::String, nullptr, true, false, false, "string", nullptr},
        {"VolumeName", "volumeName", T::String, nullptr, true, false, false, "string", nullptr},
        {"FSType", "fsType", T::String, nullptr, true, false, false, "string", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
    };
    core_v1_SeccompProfile.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1.SeccompProfileType", nullptr},
        {"LocalhostProfile", "localhostProfile", T::String, nullptr, true, true, false, "string", nullptr},
    };
    core_v1_SecretEnvSource.fields = {
        {"LocalObjectReference", "", T::Struct, &core_v1_LocalObjectReference, false, false, true, "v1.LocalObjectReference", nullptr},
        {"Optional", "optional", T::Bool, nullptr, true, true, false, "bool", nullptr},
    };
    core_v1_SecretKeySelector.fields = {
        {"LocalObjectReference", "", T::Struct, &core_v1_LocalObjectReference, false, false, true, "v1.LocalObjectReference", nullptr},
        {"Key", "key", T::String, nullptr, false, false, false, "string", nullptr},
        {"Optional", "optional", T::Bool, nullptr, true, true, false, "bool", nullptr},
    };
    core_v1_SecretProjection.fields = {
        {"LocalObjectReference", "", T::Struct, &core_v1_LocalObjectReference, false, false, true, "v1.LocalObjectReference", nullptr},
        {"Items", "items", T::StructList, &core_v1_KeyToPath, true, false, false, "[]v1.KeyToPath", "v1.KeyToPath"},
        {"Optional", "optional", T::Bool, nullptr, true, true, false, "bool", nullptr},
    };
    core_v1_SecretVolumeSource.fields = {
        {"SecretName", "secretName", T::String, nullptr, true, false, false, "string", nullptr},
        {"Items", "items", T::StructList, &core_v1_KeyToPath, true, false, false, "[]v1.KeyToPath", "v1.KeyToPath"},
        {"DefaultMode", "defaultMode", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Optional", "optional", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"DefaultUser", "defaultUser", T::Int64, nullptr, true, true, false, "int64", nullptr},
    };
    core_v1_SecurityContext.fields = {
        {"Capabilities", "capabilities", T::Struct, &core_v1_Capabilities, true, true, false, "v1.Capabilities", nullptr},
        {"Privileged", "privileged", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"SELinuxOptions", "seLinuxOptions", T::Struct, &core_v1_SELinuxOptions, true, true, false, "v1.SELinuxOptions", nullptr},
        {"WindowsOptions", "windowsOptions", T::Struct, &core_v1_WindowsSecurityContextOptions, true, true, false, "v1.WindowsSecurityContextOptions", nullptr},
        {"RunAsUser", "runAsUser", T::Int64, nullptr, true, true, false, "int64", nullptr},
        {"RunAsGroup", "runAsGroup", T::Int64, nullptr, true, true, false, "int64", nullptr},
        {"RunAsNonRoot", "runAsNonRoot", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"ReadOnlyRootFilesystem", "readOnlyRootFilesystem", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"AllowPrivilegeEscalation", "allowPrivilegeEscalation", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"ProcMount", "procMount", T::String, nullptr, true, true, false, "v1.ProcMountType", nullptr},
        {"SeccompProfile", "seccompProfile", T::Struct, &core_v1_SeccompProfile, true, true, false, "v1.SeccompProfile", nullptr},
        {"AppArmorProfile", "appArmorProfile", T::Struct, &core_v1_AppArmorProfile, true, true, false, "v1.AppArmorProfile", nullptr},
    };
    core_v1_ServiceAccountTokenProjection.fields = {
        {"Audience", "audience", T::String, nullptr, true, false, false, "string", nullptr},
        {"ExpirationSeconds", "expirationSeconds", T::Int64, nullptr, true, true, false, "int64", nullptr},
        {"Path", "path", T::String, nullptr, false, false, false, "string", nullptr},
        {"User", "user", T::Int64, nullptr, true, true, false, "int64", nullptr},
    };
    core_v1_SleepAction.fields = {
        {"Seconds", "seconds", T::Int64, nullptr, false, false, false, "int64", nullptr},
    };
    core_v1_StorageOSVolumeSource.fields = {
        {"VolumeName", "volumeName", T::String, nullptr, true, false, false, "string", nullptr},
        {"VolumeNamespace", "volumeNamespace", T::String, nullptr, true, false, false, "string", nullptr},
        {"FSType", "fsType", T::String, nullptr, true, false, false, "string", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"SecretRef", "secretRef", T::Struct, &core_v1_LocalObjectReference, true, true, false, "v1.LocalObjectReference", nullptr},
    };
    core_v1_Sysctl.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"Value", "value", T::String, nullptr, false, false, false, "string", nullptr},
    };
    core_v1_TCPSocketAction.fields = {
        {"Port", "port", T::IntOrString, nullptr, false, false, false, "intstr.IntOrString", nullptr},
        {"Host", "host", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_Toleration.fields = {
        {"Key", "key", T::String, nullptr, true, false, false, "string", nullptr},
        {"Operator", "operator", T::String, nullptr, true, false, false, "v1.TolerationOperator", nullptr},
        {"Value", "value", T::String, nullptr, true, false, false, "string", nullptr},
        {"Effect", "effect", T::String, nullptr, true, false, false, "v1.TaintEffect", nullptr},
        {"TolerationSeconds", "tolerationSeconds", T::Int64, nullptr, true, true, false, "int64", nullptr},
    };
    core_v1_TopologySpreadConstraint.fields = {
        {"MaxSkew", "maxSkew", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"TopologyKey", "topologyKey", T::String, nullptr, false, false, false, "string", nullptr},
        {"WhenUnsatisfiable", "whenUnsatisfiable", T::String, nullptr, false, false, false, "v1.UnsatisfiableConstraintAction", nullptr},
        {"LabelSelector", "labelSelector", T::Struct, &meta_v1_LabelSelector, true, true, false, "v1.LabelSelector", nullptr},
        {"MinDomains", "minDomains", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"NodeAffinityPolicy", "nodeAffinityPolicy", T::String, nullptr, true, true, false, "v1.NodeInclusionPolicy", nullptr},
        {"NodeTaintsPolicy", "nodeTaintsPolicy", T::String, nullptr, true, true, false, "v1.NodeInclusionPolicy", nullptr},
        {"MatchLabelKeys", "matchLabelKeys", T::StringList, nullptr, true, false, false, "[]string", "string"},
    };
    core_v1_TypedLocalObjectReference.fields = {
        {"APIGroup", "apiGroup", T::String, nullptr, false, true, false, "string", nullptr},
        {"Kind", "kind", T::String, nullptr, false, false, false, "string", nullptr},
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
    };
    core_v1_TypedObjectReference.fields = {
        {"APIGroup", "apiGroup", T::String, nullptr, false, true, false, "string", nullptr},
        {"Kind", "kind", T::String, nullptr, false, false, false, "string", nullptr},
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"Namespace", "namespace", T::String, nullptr, true, true, false, "string", nullptr},
    };
    core_v1_Volume.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"VolumeSource", "", T::Struct, &core_v1_VolumeSource, false, false, true, "v1.VolumeSource", nullptr},
    };
    core_v1_VolumeDevice.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"DevicePath", "devicePath", T::String, nullptr, false, false, false, "string", nullptr},
    };
    core_v1_VolumeHealthCondition.fields = {
        {"Status", "status", T::String, nullptr, false, false, false, "v1.VolumeHealthStatusType", nullptr},
        {"Reason", "reason", T::String, nullptr, false, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_VolumeHealthStatus.fields = {
        {"HealthConditions", "healthConditions", T::StructList, &core_v1_VolumeHealthCondition, true, false, false, "[]v1.VolumeHealthCondition", "v1.VolumeHealthCondition"},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
    };
    core_v1_VolumeMount.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"RecursiveReadOnly", "recursiveReadOnly", T::String, nullptr, true, true, false, "v1.RecursiveReadOnlyMode", nullptr},
        {"MountPath", "mountPath", T::String, nullptr, false, false, false, "string", nullptr},
        {"SubPath", "subPath", T::String, nullptr, true, false, false, "string", nullptr},
        {"MountPropagation", "mountPropagation", T::String, nullptr, true, true, false, "v1.MountPropagationMode", nullptr},
        {"SubPathExpr", "subPathExpr", T::String, nullptr, true, false, false, "string", nullptr},
        {"BindMountOptions", "bindMountOptions", T::StringList, nullptr, true, false, false, "[]string", "string"},
    };
    core_v1_VolumeMountStatus.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"MountPath", "mountPath", T::String, nullptr, false, false, false, "string", nullptr},
        {"ReadOnly", "readOnly", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"RecursiveReadOnly", "recursiveReadOnly", T::String, nullptr, true, true, false, "v1.RecursiveReadOnlyMode", nullptr},
        {"VolumeStatus", "volumeStatus", T::Struct, &core_v1_VolumeStatus, true, true, false, "v1.VolumeStatus", nullptr},
    };
    core_v1_VolumeProjection.fields = {
        {"Secret", "secret", T::Struct, &core_v1_SecretProjection, true, true, false, "v1.SecretProjection", nullptr},
        {"DownwardAPI", "downwardAPI", T::Struct, &core_v1_DownwardAPIProjection, true, true, false, "v1.DownwardAPIProjection", nullptr},
        {"ConfigMap", "configMap", T::Struct, &core_v1_ConfigMapProjection, true, true, false, "v1.ConfigMapProjection", nullptr},
        {"ServiceAccountToken", "serviceAccountToken", T::Struct, &core_v1_ServiceAccountTokenProjection, true, true, false, "v1.ServiceAccountTokenProjection", nullptr},
        {"ClusterTrustBundle", "clusterTrustBundle", T::Struct, &core_v1_ClusterTrustBundleProjection, true, true, false, "v1.ClusterTrustBundleProjection", nullptr},
        {"PodCertificate", "podCertificate", T::Struct, &core_v1_PodCertificateProjection, true, true, false, "v1.PodCertificateProjection", nullptr},
    };
    core_v1_VolumeResourceRequirements.fields = {
        {"Limits", "limits", T::QuantityMap, nullptr, true, false, false, "v1.ResourceList", "resource.Quantity"},
        {"Requests", "requests", T::QuantityMap, nullptr, true, false, false, "v1.ResourceList", "resource.Quantity"},
    };
    core_v1_VolumeSource.fields = {
        {"HostPath", "hostPath", T::Struct, &core_v1_HostPathVolumeSource, true, true, false, "v1.HostPathVolumeSource", nullptr},
        {"EmptyDir", "emptyDir", T::Struct, &core_v1_EmptyDirVolumeSource, true, true, false, "v1.EmptyDirVolumeSource", nullptr},
        {"GCEPersistentDisk", "gcePersistentDisk", T::Struct, &core_v1_GCEPersistentDiskVolumeSource, true, true, false, "v1.GCEPersistentDiskVolumeSource", nullptr},
        {"AWSElasticBlockStore", "awsElasticBlockStore", T::Struct, &core_v1_AWSElasticBlockStoreVolumeSource, true, true, false, "v1.AWSElasticBlockStoreVolumeSource", nullptr},
        {"GitRepo", "gitRepo", T::Struct, &core_v1_GitRepoVolumeSource, true, true, false, "v1.GitRepoVolumeSource", nullptr},
        {"Secret", "secret", T::Struct, &core_v1_SecretVolumeSource, true, true, false, "v1.SecretVolumeSource", nullptr},
        {"NFS", "nfs", T::Struct, &core_v1_NFSVolumeSource, true, true, false, "v1.NFSVolumeSource", nullptr},
        {"ISCSI", "iscsi", T::Struct, &core_v1_ISCSIVolumeSource, true, true, false, "v1.ISCSIVolumeSource", nullptr},
        {"Glusterfs", "glusterfs", T::Struct, &core_v1_GlusterfsVolumeSource, true, true, false, "v1.GlusterfsVolumeSource", nullptr},
        {"PersistentVolumeClaim", "persistentVolumeClaim", T::Struct, &core_v1_PersistentVolumeClaimVolumeSource, true, true, false, "v1.PersistentVolumeClaimVolumeSource", nullptr},
        {"RBD", "rbd", T::Struct, &core_v1_RBDVolumeSource, true, true, false, "v1.RBDVolumeSource", nullptr},
        {"FlexVolume", "flexVolume", T::Struct, &core_v1_FlexVolumeSource, true, true, false, "v1.FlexVolumeSource", nullptr},
        {"Cinder", "cinder", T::Struct, &core_v1_CinderVolumeSource, true, true, false, "v1.CinderVolumeSource", nullptr},
        {"CephFS", "cephfs", T::Struct, &core_v1_CephFSVolumeSource, true, true, false, "v1.CephFSVolumeSource", nullptr},
        {"Flocker", "flocker", T::Struct, &core_v1_FlockerVolumeSource, true, true, false, "v1.FlockerVolumeSource", nullptr},
        {"DownwardAPI", "downwardAPI", T::Struct, &core_v1_DownwardAPIVolumeSource, true, true, false, "v1.DownwardAPIVolumeSource", nullptr},
        {"FC", "fc", T::Struct, &core_v1_FCVolumeSource, true, true, false, "v1.FCVolumeSource", nullptr},
        {"AzureFile", "azureFile", T::Struct, &core_v1_AzureFileVolumeSource, true, true, false, "v1.AzureFileVolumeSource", nullptr},
        {"ConfigMap", "configMap", T::Struct, &core_v1_ConfigMapVolumeSource, true, true, false, "v1.ConfigMapVolumeSource", nullptr},
        {"VsphereVolume", "vsphereVolume", T::Struct, &core_v1_VsphereVirtualDiskVolumeSource, true, true, false, "v1.VsphereVirtualDiskVolumeSource", nullptr},
        {"Quobyte", "quobyte", T::Struct, &core_v1_QuobyteVolumeSource, true, true, false, "v1.QuobyteVolumeSource", nullptr},
        {"AzureDisk", "azureDisk", T::Struct, &core_v1_AzureDiskVolumeSource, true, true, false, "v1.AzureDiskVolumeSource", nullptr},
        {"PhotonPersistentDisk", "photonPersistentDisk", T::Struct, &core_v1_PhotonPersistentDiskVolumeSource, true, true, false, "v1.PhotonPersistentDiskVolumeSource", nullptr},
        {"Projected", "projected", T::Struct, &core_v1_ProjectedVolumeSource, true, true, false, "v1.ProjectedVolumeSource", nullptr},
        {"PortworxVolume", "portworxVolume", T::Struct, &core_v1_PortworxVolumeSource, true, true, false, "v1.PortworxVolumeSource", nullptr},
        {"ScaleIO", "scaleIO", T::Struct, &core_v1_ScaleIOVolumeSource, true, true, false, "v1.ScaleIOVolumeSource", nullptr},
        {"StorageOS", "storageos", T::Struct, &core_v1_StorageOSVolumeSource, true, true, false, "v1.StorageOSVolumeSource", nullptr},
        {"CSI", "csi", T::Struct, &core_v1_CSIVolumeSource, true, true, false, "v1.CSIVolumeSource", nullptr},
        {"Ephemeral", "ephemeral", T::Struct, &core_v1_EphemeralVolumeSource, true, true, false, "v1.EphemeralVolumeSource", nullptr},
        {"Image", "image", T::Struct, &core_v1_ImageVolumeSource, true, true, false, "v1.ImageVolumeSource", nullptr},
    };
    core_v1_VolumeStatus.fields = {
        {"Image", "image", T::Struct, &core_v1_ImageVolumeStatus, true, true, false, "v1.ImageVolumeStatus", nullptr},
    };
    core_v1_VsphereVirtualDiskVolumeSource.fields = {
        {"VolumePath", "volumePath", T::String, nullptr, false, false, false, "string", nullptr},
        {"FSType", "fsType", T::String, nullptr, true, false, false, "string", nullptr},
        {"StoragePolicyName", "storagePolicyName", T::String, nullptr, true, false, false, "string", nullptr},
        {"StoragePolicyID", "storagePolicyID", T::String, nullptr, true, false, false, "string", nullptr},
    };
    core_v1_WeightedPodAffinityTerm.fields = {
        {"Weight", "weight", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"PodAffinityTerm", "podAffinityTerm", T::Struct, &core_v1_PodAffinityTerm, false, false, false, "v1.PodAffinityTerm", nullptr},
    };
    core_v1_WindowsSecurityContextOptions.fields = {
        {"GMSACredentialSpecName", "gmsaCredentialSpecName", T::String, nullptr, true, true, false, "string", nullptr},
        {"GMSACredentialSpec", "gmsaCredentialSpec", T::String, nullptr, true, true, false, "string", nullptr},
        {"RunAsUserName", "runAsUserName", T::String, nullptr, true, true, false, "string", nullptr},
        {"HostProcess", "hostProcess", T::Bool, nullptr, true, true, false, "bool", nullptr},
    };
    extensions_v1beta1_DaemonSet.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &extensions_v1beta1_DaemonSetSpec, true, false, false, "v1beta1.DaemonSetSpec", nullptr},
        {"Status", "status", T::Struct, &extensions_v1beta1_DaemonSetStatus, true, false, false, "v1beta1.DaemonSetStatus", nullptr},
    };
    extensions_v1beta1_DaemonSetCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1beta1.DaemonSetConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    extensions_v1beta1_DaemonSetSpec.fields = {
        {"Selector", "selector", T::Struct, &meta_v1_LabelSelector, true, true, false, "v1.LabelSelector", nullptr},
        {"Template", "template", T::Struct, &core_v1_PodTemplateSpec, false, false, false, "v1.PodTemplateSpec", nullptr},
        {"UpdateStrategy", "updateStrategy", T::Struct, &extensions_v1beta1_DaemonSetUpdateStrategy, true, false, false, "v1beta1.DaemonSetUpdateStrategy", nullptr},
        {"MinReadySeconds", "minReadySeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"TemplateGeneration", "templateGeneration", T::Int64, nullptr, true, false, false, "int64", nullptr},
        {"RevisionHistoryLimit", "revisionHistoryLimit", T::Int32, nullptr, true, true, false, "int32", nullptr},
    };
    extensions_v1beta1_DaemonSetStatus.fields = {
        {"CurrentNumberScheduled", "currentNumberScheduled", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"NumberMisscheduled", "numberMisscheduled", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"DesiredNumberScheduled", "desiredNumberScheduled", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"NumberReady", "numberReady", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"ObservedGeneration", "observedGeneration", T::Int64, nullptr, true, false, false, "int64", nullptr},
        {"UpdatedNumberScheduled", "updatedNumberScheduled", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"NumberAvailable", "numberAvailable", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"NumberUnavailable", "numberUnavailable", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"CollisionCount", "collisionCount", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Conditions", "conditions", T::StructList, &extensions_v1beta1_DaemonSetCondition, true, false, false, "[]v1beta1.DaemonSetCondition", "v1beta1.DaemonSetCondition"},
    };
    extensions_v1beta1_DaemonSetUpdateStrategy.fields = {
        {"Type", "type", T::String, nullptr, true, false, false, "v1beta1.DaemonSetUpdateStrategyType", nullptr},
        {"RollingUpdate", "rollingUpdate", T::Struct, &extensions_v1beta1_RollingUpdateDaemonSet, true, true, false, "v1beta1.RollingUpdateDaemonSet", nullptr},
    };
    extensions_v1beta1_Deployment.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &extensions_v1beta1_DeploymentSpec, true, false, false, "v1beta1.DeploymentSpec", nullptr},
        {"Status", "status", T::Struct, &extensions_v1beta1_DeploymentStatus, true, false, false, "v1beta1.DeploymentStatus", nullptr},
    };
    extensions_v1beta1_DeploymentCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1beta1.DeploymentConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastUpdateTime", "lastUpdateTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    extensions_v1beta1_DeploymentSpec.fields = {
        {"Replicas", "replicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Selector", "selector", T::Struct, &meta_v1_LabelSelector, true, true, false, "v1.LabelSelector", nullptr},
        {"Template", "template", T::Struct, &core_v1_PodTemplateSpec, false, false, false, "v1.PodTemplateSpec", nullptr},
        {"Strategy", "strategy", T::Struct, &extensions_v1beta1_DeploymentStrategy, true, false, false, "v1beta1.DeploymentStrategy", nullptr},
        {"MinReadySeconds", "minReadySeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"RevisionHistoryLimit", "revisionHistoryLimit", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Paused", "paused", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"RollbackTo", "rollbackTo", T::Struct, &extensions_v1beta1_RollbackConfig, true, true, false, "v1beta1.RollbackConfig", nullptr},
        {"ProgressDeadlineSeconds", "progressDeadlineSeconds", T::Int32, nullptr, true, true, false, "int32", nullptr},
    };
    extensions_v1beta1_DeploymentStatus.fields = {
        {"ObservedGeneration", "observedGeneration", T::Int64, nullptr, true, false, false, "int64", nullptr},
        {"Replicas", "replicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"UpdatedReplicas", "updatedReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"ReadyReplicas", "readyReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"AvailableReplicas", "availableReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"UnavailableReplicas", "unavailableReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"TerminatingReplicas", "terminatingReplicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Conditions", "conditions", T::StructList, &extensions_v1beta1_DeploymentCondition, true, false, false, "[]v1beta1.DeploymentCondition", "v1beta1.DeploymentCondition"},
        {"CollisionCount", "collisionCount", T::Int32, nullptr, true, true, false, "int32", nullptr},
    };
    extensions_v1beta1_DeploymentStrategy.fields = {
        {"Type", "type", T::String, nullptr, true, false, false, "v1beta1.DeploymentStrategyType", nullptr},
        {"RollingUpdate", "rollingUpdate", T::Struct, &extensions_v1beta1_RollingUpdateDeployment, true, true, false, "v1beta1.RollingUpdateDeployment", nullptr},
    };
    extensions_v1beta1_ReplicaSet.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &extensions_v1beta1_ReplicaSetSpec, true, false, false, "v1beta1.ReplicaSetSpec", nullptr},
        {"Status", "status", T::Struct, &extensions_v1beta1_ReplicaSetStatus, true, false, false, "v1beta1.ReplicaSetStatus", nullptr},
    };
    extensions_v1beta1_ReplicaSetCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1beta1.ReplicaSetConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    extensions_v1beta1_ReplicaSetSpec.fields = {
        {"Replicas", "replicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"MinReadySeconds", "minReadySeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"Selector", "selector", T::Struct, &meta_v1_LabelSelector, true, true, false, "v1.LabelSelector", nullptr},
        {"Template", "template", T::Struct, &core_v1_PodTemplateSpec, true, false, false, "v1.PodTemplateSpec", nullptr},
    };
    extensions_v1beta1_ReplicaSetStatus.fields = {
        {"Replicas", "replicas", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"FullyLabeledReplicas", "fullyLabeledReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"ReadyReplicas", "readyReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"AvailableReplicas", "availableReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"TerminatingReplicas", "terminatingReplicas", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"ObservedGeneration", "observedGeneration", T::Int64, nullptr, true, false, false, "int64", nullptr},
        {"Conditions", "conditions", T::StructList, &extensions_v1beta1_ReplicaSetCondition, true, false, false, "[]v1beta1.ReplicaSetCondition", "v1beta1.ReplicaSetCondition"},
    };
    extensions_v1beta1_RollbackConfig.fields = {
        {"Revision", "revision", T::Int64, nullptr, true, false, false, "int64", nullptr},
    };
    extensions_v1beta1_RollingUpdateDaemonSet.fields = {
        {"MaxUnavailable", "maxUnavailable", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
        {"MaxSurge", "maxSurge", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
    };
    extensions_v1beta1_RollingUpdateDeployment.fields = {
        {"MaxUnavailable", "maxUnavailable", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
        {"MaxSurge", "maxSurge", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
    };
    meta_v1_LabelSelector.fields = {
        {"MatchLabels", "matchLabels", T::StringMap, nullptr, true, false, false, "map[string]string", "string"},
        {"MatchExpressions", "matchExpressions", T::StructList, &meta_v1_LabelSelectorRequirement, true, false, false, "[]v1.LabelSelectorRequirement", "v1.LabelSelectorRequirement"},
    };
    meta_v1_LabelSelectorRequirement.fields = {
        {"Key", "key", T::String, nullptr, false, false, false, "string", nullptr},
        {"Operator", "operator", T::String, nullptr, false, false, false, "v1.LabelSelectorOperator", nullptr},
        {"Values", "values", T::StringList, nullptr, true, false, false, "[]string", "string"},
    };
    meta_v1_ManagedFieldsEntry.fields = {
        {"Manager", "manager", T::String, nullptr, true, false, false, "string", nullptr},
        {"Operation", "operation", T::String, nullptr, true, false, false, "v1.ManagedFieldsOperationType", nullptr},
        {"APIVersion", "apiVersion", T::String, nullptr, true, false, false, "string", nullptr},
        {"Time", "time", T::Time, nullptr, true, true, false, "v1.Time", nullptr},
        {"FieldsType", "fieldsType", T::String, nullptr, true, false, false, "string", nullptr},
        {"FieldsV1", "fieldsV1", T::Raw, nullptr, true, true, false, "v1.FieldsV1", nullptr},
        {"Subresource", "subresource", T::String, nullptr, true, false, false, "string", nullptr},
    };
    meta_v1_ObjectMeta.fields = {
        {"Name", "name", T::String, nullptr, true, false, false, "string", nullptr},
        {"GenerateName", "generateName", T::String, nullptr, true, false, false, "string", nullptr},
        {"Namespace", "namespace", T::String, nullptr, true, false, false, "string", nullptr},
        {"SelfLink", "selfLink", T::String, nullptr, true, false, false, "string", nullptr},
        {"UID", "uid", T::String, nullptr, true, false, false, "types.UID", nullptr},
        {"ResourceVersion", "resourceVersion", T::String, nullptr, true, false, false, "string", nullptr},
        {"Generation", "generation", T::Int64, nullptr, true, false, false, "int64", nullptr},
        {"CreationTimestamp", "creationTimestamp", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"DeletionTimestamp", "deletionTimestamp", T::Time, nullptr, true, true, false, "v1.Time", nullptr},
        {"DeletionGracePeriodSeconds", "deletionGracePeriodSeconds", T::Int64, nullptr, true, true, false, "int64", nullptr},
        {"Labels", "labels", T::StringMap, nullptr, true, false, false, "map[string]string", "string"},
        {"Annotations", "annotations", T::StringMap, nullptr, true, false, false, "map[string]string", "string"},
        {"OwnerReferences", "ownerReferences", T::StructList, &meta_v1_OwnerReference, true, false, false, "[]v1.OwnerReference", "v1.OwnerReference"},
        {"Finalizers", "finalizers", T::StringList, nullptr, true, false, false, "[]string", "string"},
        {"ManagedFields", "managedFields", T::StructList, &meta_v1_ManagedFieldsEntry, true, false, false, "[]v1.ManagedFieldsEntry", "v1.ManagedFieldsEntry"},
    };
    meta_v1_OwnerReference.fields = {
        {"APIVersion", "apiVersion", T::String, nullptr, false, false, false, "string", nullptr},
        {"Kind", "kind", T::String, nullptr, false, false, false, "string", nullptr},
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"UID", "uid", T::String, nullptr, false, false, false, "types.UID", nullptr},
        {"Controller", "controller", T::Bool, nullptr, true, true, false, "bool", nullptr},
        {"BlockOwnerDeletion", "blockOwnerDeletion", T::Bool, nullptr, true, true, false, "bool", nullptr},
    };
    meta_v1_TypeMeta.fields = {
        {"Kind", "kind", T::String, nullptr, true, false, false, "string", nullptr},
        {"APIVersion", "apiVersion", T::String, nullptr, true, false, false, "string", nullptr},
    };
    openshift_apps_v1_CustomDeploymentStrategyParams.fields = {
        {"Image", "image", T::String, nullptr, true, false, false, "string", nullptr},
        {"Environment", "environment", T::StructList, &core_v1_EnvVar, true, false, false, "[]v1.EnvVar", "v1.EnvVar"},
        {"Command", "command", T::StringList, nullptr, true, false, false, "[]string", "string"},
    };
    openshift_apps_v1_DeploymentCause.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1.DeploymentTriggerType", nullptr},
        {"ImageTrigger", "imageTrigger", T::Struct, &openshift_apps_v1_DeploymentCauseImageTrigger, true, true, false, "v1.DeploymentCauseImageTrigger", nullptr},
    };
    openshift_apps_v1_DeploymentCauseImageTrigger.fields = {
        {"From", "from", T::Struct, &core_v1_ObjectReference, false, false, false, "v1.ObjectReference", nullptr},
    };
    openshift_apps_v1_DeploymentCondition.fields = {
        {"Type", "type", T::String, nullptr, false, false, false, "v1.DeploymentConditionType", nullptr},
        {"Status", "status", T::String, nullptr, false, false, false, "v1.ConditionStatus", nullptr},
        {"LastUpdateTime", "lastUpdateTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"LastTransitionTime", "lastTransitionTime", T::Time, nullptr, true, false, false, "v1.Time", nullptr},
        {"Reason", "reason", T::String, nullptr, true, false, false, "string", nullptr},
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
    };
    openshift_apps_v1_DeploymentConfig.fields = {
        {"TypeMeta", "", T::Struct, &meta_v1_TypeMeta, false, false, true, "v1.TypeMeta", nullptr},
        {"ObjectMeta", "metadata", T::Struct, &meta_v1_ObjectMeta, true, false, false, "v1.ObjectMeta", nullptr},
        {"Spec", "spec", T::Struct, &openshift_apps_v1_DeploymentConfigSpec, false, false, false, "v1.DeploymentConfigSpec", nullptr},
        {"Status", "status", T::Struct, &openshift_apps_v1_DeploymentConfigStatus, true, false, false, "v1.DeploymentConfigStatus", nullptr},
    };
    openshift_apps_v1_DeploymentConfigSpec.fields = {
        {"Strategy", "strategy", T::Struct, &openshift_apps_v1_DeploymentStrategy, false, false, false, "v1.DeploymentStrategy", nullptr},
        {"MinReadySeconds", "minReadySeconds", T::Int32, nullptr, true, false, false, "int32", nullptr},
        {"Triggers", "triggers", T::StructList, &openshift_apps_v1_DeploymentTriggerPolicy, false, false, false, "v1.DeploymentTriggerPolicies", "v1.DeploymentTriggerPolicy"},
        {"Replicas", "replicas", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"RevisionHistoryLimit", "revisionHistoryLimit", T::Int32, nullptr, true, true, false, "int32", nullptr},
        {"Test", "test", T::Bool, nullptr, false, false, false, "bool", nullptr},
        {"Paused", "paused", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"Selector", "selector", T::StringMap, nullptr, true, false, false, "map[string]string", "string"},
        {"Template", "template", T::Struct, &core_v1_PodTemplateSpec, true, true, false, "v1.PodTemplateSpec", nullptr},
    };
    openshift_apps_v1_DeploymentConfigStatus.fields = {
        {"LatestVersion", "latestVersion", T::Int64, nullptr, false, false, false, "int64", nullptr},
        {"ObservedGeneration", "observedGeneration", T::Int64, nullptr, false, false, false, "int64", nullptr},
        {"Replicas", "replicas", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"UpdatedReplicas", "updatedReplicas", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"AvailableReplicas", "availableReplicas", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"UnavailableReplicas", "unavailableReplicas", T::Int32, nullptr, false, false, false, "int32", nullptr},
        {"Details", "details", T::Struct, &openshift_apps_v1_DeploymentDetails, true, true, false, "v1.DeploymentDetails", nullptr},
        {"Conditions", "conditions", T::StructList, &openshift_apps_v1_DeploymentCondition, true, false, false, "[]v1.DeploymentCondition", "v1.DeploymentCondition"},
        {"ReadyReplicas", "readyReplicas", T::Int32, nullptr, true, false, false, "int32", nullptr},
    };
    openshift_apps_v1_DeploymentDetails.fields = {
        {"Message", "message", T::String, nullptr, true, false, false, "string", nullptr},
        {"Causes", "causes", T::StructList, &openshift_apps_v1_DeploymentCause, false, false, false, "[]v1.DeploymentCause", "v1.DeploymentCause"},
    };
    openshift_apps_v1_DeploymentStrategy.fields = {
        {"Type", "type", T::String, nullptr, true, false, false, "v1.DeploymentStrategyType", nullptr},
        {"CustomParams", "customParams", T::Struct, &openshift_apps_v1_CustomDeploymentStrategyParams, true, true, false, "v1.CustomDeploymentStrategyParams", nullptr},
        {"RecreateParams", "recreateParams", T::Struct, &openshift_apps_v1_RecreateDeploymentStrategyParams, true, true, false, "v1.RecreateDeploymentStrategyParams", nullptr},
        {"RollingParams", "rollingParams", T::Struct, &openshift_apps_v1_RollingDeploymentStrategyParams, true, true, false, "v1.RollingDeploymentStrategyParams", nullptr},
        {"Resources", "resources", T::Struct, &core_v1_ResourceRequirements, true, false, false, "v1.ResourceRequirements", nullptr},
        {"Labels", "labels", T::StringMap, nullptr, true, false, false, "map[string]string", "string"},
        {"Annotations", "annotations", T::StringMap, nullptr, true, false, false, "map[string]string", "string"},
        {"ActiveDeadlineSeconds", "activeDeadlineSeconds", T::Int64, nullptr, true, true, false, "int64", nullptr},
    };
    openshift_apps_v1_DeploymentTriggerImageChangeParams.fields = {
        {"Automatic", "automatic", T::Bool, nullptr, true, false, false, "bool", nullptr},
        {"ContainerNames", "containerNames", T::StringList, nullptr, true, false, false, "[]string", "string"},
        {"From", "from", T::Struct, &core_v1_ObjectReference, false, false, false, "v1.ObjectReference", nullptr},
        {"LastTriggeredImage", "lastTriggeredImage", T::String, nullptr, true, false, false, "string", nullptr},
    };
    openshift_apps_v1_DeploymentTriggerPolicy.fields = {
        {"Type", "type", T::String, nullptr, true, false, false, "v1.DeploymentTriggerType", nullptr},
        {"ImageChangeParams", "imageChangeParams", T::Struct, &openshift_apps_v1_DeploymentTriggerImageChangeParams, true, true, false, "v1.DeploymentTriggerImageChangeParams", nullptr},
    };
    openshift_apps_v1_ExecNewPodHook.fields = {
        {"Command", "command", T::StringList, nullptr, false, false, false, "[]string", "string"},
        {"Env", "env", T::StructList, &core_v1_EnvVar, true, false, false, "[]v1.EnvVar", "v1.EnvVar"},
        {"ContainerName", "containerName", T::String, nullptr, false, false, false, "string", nullptr},
        {"Volumes", "volumes", T::StringList, nullptr, true, false, false, "[]string", "string"},
    };
    openshift_apps_v1_LifecycleHook.fields = {
        {"FailurePolicy", "failurePolicy", T::String, nullptr, false, false, false, "v1.LifecycleHookFailurePolicy", nullptr},
        {"ExecNewPod", "execNewPod", T::Struct, &openshift_apps_v1_ExecNewPodHook, true, true, false, "v1.ExecNewPodHook", nullptr},
        {"TagImages", "tagImages", T::StructList, &openshift_apps_v1_TagImageHook, true, false, false, "[]v1.TagImageHook", "v1.TagImageHook"},
    };
    openshift_apps_v1_RecreateDeploymentStrategyParams.fields = {
        {"TimeoutSeconds", "timeoutSeconds", T::Int64, nullptr, true, true, false, "int64", nullptr},
        {"Pre", "pre", T::Struct, &openshift_apps_v1_LifecycleHook, true, true, false, "v1.LifecycleHook", nullptr},
        {"Mid", "mid", T::Struct, &openshift_apps_v1_LifecycleHook, true, true, false, "v1.LifecycleHook", nullptr},
        {"Post", "post", T::Struct, &openshift_apps_v1_LifecycleHook, true, true, false, "v1.LifecycleHook", nullptr},
    };
    openshift_apps_v1_RollingDeploymentStrategyParams.fields = {
        {"UpdatePeriodSeconds", "updatePeriodSeconds", T::Int64, nullptr, true, true, false, "int64", nullptr},
        {"IntervalSeconds", "intervalSeconds", T::Int64, nullptr, true, true, false, "int64", nullptr},
        {"TimeoutSeconds", "timeoutSeconds", T::Int64, nullptr, true, true, false, "int64", nullptr},
        {"MaxUnavailable", "maxUnavailable", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
        {"MaxSurge", "maxSurge", T::IntOrString, nullptr, true, true, false, "intstr.IntOrString", nullptr},
        {"Pre", "pre", T::Struct, &openshift_apps_v1_LifecycleHook, true, true, false, "v1.LifecycleHook", nullptr},
        {"Post", "post", T::Struct, &openshift_apps_v1_LifecycleHook, true, true, false, "v1.LifecycleHook", nullptr},
    };
    openshift_apps_v1_TagImageHook.fields = {
        {"ContainerName", "containerName", T::String, nullptr, false, false, false, "string", nullptr},
        {"To", "to", T::Struct, &core_v1_ObjectReference, false, false, false, "v1.ObjectReference", nullptr},
    };
    scheduling_v1alpha3_TopologyConstraint.fields = {
        {"Key", "key", T::String, nullptr, false, false, false, "string", nullptr},
    };
    scheduling_v1alpha3_WorkloadPodGroupAllDisruptionMode.fields = {
    };
    scheduling_v1alpha3_WorkloadPodGroupBasicSchedulingPolicy.fields = {
    };
    scheduling_v1alpha3_WorkloadPodGroupDisruptionMode.fields = {
        {"Single", "single", T::Struct, &scheduling_v1alpha3_WorkloadPodGroupSingleDisruptionMode, true, true, false, "v1alpha3.WorkloadPodGroupSingleDisruptionMode", nullptr},
        {"All", "all", T::Struct, &scheduling_v1alpha3_WorkloadPodGroupAllDisruptionMode, true, true, false, "v1alpha3.WorkloadPodGroupAllDisruptionMode", nullptr},
    };
    scheduling_v1alpha3_WorkloadPodGroupGangSchedulingPolicy.fields = {
        {"MinCount", "minCount", T::Int32, nullptr, true, true, false, "int32", nullptr},
    };
    scheduling_v1alpha3_WorkloadPodGroupResourceClaim.fields = {
        {"Name", "name", T::String, nullptr, false, false, false, "string", nullptr},
        {"ResourceClaimName", "resourceClaimName", T::String, nullptr, true, true, false, "string", nullptr},
        {"ResourceClaimTemplateName", "resourceClaimTemplateName", T::String, nullptr, true, true, false, "string", nullptr},
    };
    scheduling_v1alpha3_WorkloadPodGroupSchedulingConstraints.fields = {
        {"Topology", "topology", T::StructList, &scheduling_v1alpha3_TopologyConstraint, true, false, false, "[]v1alpha3.TopologyConstraint", "v1alpha3.TopologyConstraint"},
    };
    scheduling_v1alpha3_WorkloadPodGroupSchedulingPolicy.fields = {
        {"Basic", "basic", T::Struct, &scheduling_v1alpha3_WorkloadPodGroupBasicSchedulingPolicy, true, true, false, "v1alpha3.WorkloadPodGroupBasicSchedulingPolicy", nullptr},
        {"Gang", "gang", T::Struct, &scheduling_v1alpha3_WorkloadPodGroupGangSchedulingPolicy, true, true, false, "v1alpha3.WorkloadPodGroupGangSchedulingPolicy", nullptr},
    };
    scheduling_v1alpha3_WorkloadPodGroupSingleDisruptionMode.fields = {
    };
    roots = {
        {"v1", "Pod", &core_v1_Pod},
        {"v1", "ReplicationController", &core_v1_ReplicationController},
        {"apps/v1", "Deployment", &apps_v1_Deployment},
        {"apps/v1", "StatefulSet", &apps_v1_StatefulSet},
        {"apps/v1", "DaemonSet", &apps_v1_DaemonSet},
        {"apps/v1", "ReplicaSet", &apps_v1_ReplicaSet},
        {"apps/v1beta1", "Deployment", &apps_v1beta1_Deployment},
        {"apps/v1beta1", "StatefulSet", &apps_v1beta1_StatefulSet},
        {"apps/v1beta2", "Deployment", &apps_v1beta2_Deployment},
        {"apps/v1beta2", "StatefulSet", &apps_v1beta2_StatefulSet},
        {"apps/v1beta2", "DaemonSet", &apps_v1beta2_DaemonSet},
        {"apps/v1beta2", "ReplicaSet", &apps_v1beta2_ReplicaSet},
        {"extensions/v1beta1", "Deployment", &extensions_v1beta1_Deployment},
        {"extensions/v1beta1", "DaemonSet", &extensions_v1beta1_DaemonSet},
        {"extensions/v1beta1", "ReplicaSet", &extensions_v1beta1_ReplicaSet},
        {"batch/v1", "Job", &batch_v1_Job},
        {"batch/v1", "CronJob", &batch_v1_CronJob},
        {"batch/v1beta1", "CronJob", &batch_v1beta1_CronJob},
        {"apps.openshift.io/v1", "DeploymentConfig", &openshift_apps_v1_DeploymentConfig},
        {"v1", "DeploymentConfig", &openshift_apps_v1_DeploymentConfig},
    };
    by_name.emplace("k8s.io/api/apps/v1.DaemonSet", &apps_v1_DaemonSet);
    by_name.emplace("k8s.io/api/apps/v1.DaemonSetCondition", &apps_v1_DaemonSetCondition);
    by_name.emplace("k8s.io/api/apps/v1.DaemonSetSpec", &apps_v1_DaemonSetSpec);
    by_name.emplace("k8s.io/api/apps/v1.DaemonSetStatus", &apps_v1_DaemonSetStatus);
    by_name.emplace("k8s.io/api/apps/v1.DaemonSetUpdateStrategy", &apps_v1_DaemonSetUpdateStrategy);
    by_name.emplace("k8s.io/api/apps/v1.Deployment", &apps_v1_Deployment);
    by_name.emplace("k8s.io/api/apps/v1.DeploymentCondition", &apps_v1_DeploymentCondition);
    by_name.emplace("k8s.io/api/apps/v1.DeploymentSpec", &apps_v1_DeploymentSpec);
    by_name.emplace("k8s.io/api/apps/v1.DeploymentStatus", &apps_v1_DeploymentStatus);
    by_name.emplace("k8s.io/api/apps/v1.DeploymentStrategy", &apps_v1_DeploymentStrategy);
    by_name.emplace("k8s.io/api/apps/v1.ReplicaSet", &apps_v1_ReplicaSet);
    by_name.emplace("k8s.io/api/apps/v1.ReplicaSetCondition", &apps_v1_ReplicaSetCondition);
    by_name.emplace("k8s.io/api/apps/v1.ReplicaSetSpec", &apps_v1_ReplicaSetSpec);
    by_name.emplace("k8s.io/api/apps/v1.ReplicaSetStatus", &apps_v1_ReplicaSetStatus);
    by_name.emplace("k8s.io/api/apps/v1.RollingUpdateDaemonSet", &apps_v1_RollingUpdateDaemonSet);
    by_name.emplace("k8s.io/api/apps/v1.RollingUpdateDeployment", &apps_v1_RollingUpdateDeployment);
    by_name.emplace("k8s.io/api/apps/v1.RollingUpdateStatefulSetStrategy", &apps_v1_RollingUpdateStatefulSetStrategy);
    by_name.emplace("k8s.io/api/apps/v1.StatefulSet", &apps_v1_StatefulSet);
    by_name.emplace("k8s.io/api/apps/v1.StatefulSetCondition", &apps_v1_StatefulSetCondition);
    by_name.emplace("k8s.io/api/apps/v1.StatefulSetOrdinals", &apps_v1_StatefulSetOrdinals);
    by_name.emplace("k8s.io/api/apps/v1.StatefulSetPersistentVolumeClaimRetentionPolicy", &apps_v1_StatefulSetPersistentVolumeClaimRetentionPolicy);
    by_name.emplace("k8s.io/api/apps/v1.StatefulSetSpec", &apps_v1_StatefulSetSpec);
    by_name.emplace("k8s.io/api/apps/v1.StatefulSetStatus", &apps_v1_StatefulSetStatus);
    by_name.emplace("k8s.io/api/apps/v1.StatefulSetUpdateStrategy", &apps_v1_StatefulSetUpdateStrategy);
    by_name.emplace("k8s.io/api/apps/v1beta1.Deployment", &apps_v1beta1_Deployment);
    by_name.emplace("k8s.io/api/apps/v1beta1.DeploymentCondition", &apps_v1beta1_DeploymentCondition);
    by_name.emplace("k8s.io/api/apps/v1beta1.DeploymentSpec", &apps_v1beta1_DeploymentSpec);
    by_name.emplace("k8s.io/api/apps/v1beta1.DeploymentStatus", &apps_v1beta1_DeploymentStatus);
    by_name.emplace("k8s.io/api/apps/v1beta1.DeploymentStrategy", &apps_v1beta1_DeploymentStrategy);
    by_name.emplace("k8s.io/api/apps/v1beta1.RollbackConfig", &apps_v1beta1_RollbackConfig);
    by_name.emplace("k8s.io/api/apps/v1beta1.RollingUpdateDeployment", &apps_v1beta1_RollingUpdateDeployment);
    by_name.emplace("k8s.io/api/apps/v1beta1.RollingUpdateStatefulSetStrategy", &apps_v1beta1_RollingUpdateStatefulSetStrategy);
    by_name.emplace("k8s.io/api/apps/v1beta1.StatefulSet", &apps_v1beta1_StatefulSet);
    by_name.emplace("k8s.io/api/apps/v1beta1.StatefulSetCondition", &apps_v1beta1_StatefulSetCondition);
    by_name.emplace("k8s.io/api/apps/v1beta1.StatefulSetOrdinals", &apps_v1beta1_StatefulSetOrdinals);
    by_name.emplace("k8s.io/api/apps/v1beta1.StatefulSetPersistentVolumeClaimRetentionPolicy", &apps_v1beta1_StatefulSetPersistentVolumeClaimRetentionPolicy);
    by_name.emplace("k8s.io/api/apps/v1beta1.StatefulSetSpec", &apps_v1beta1_StatefulSetSpec);
    by_name.emplace("k8s.io/api/apps/v1beta1.StatefulSetStatus", &apps_v1beta1_StatefulSetStatus);
    by_name.emplace("k8s.io/api/apps/v1beta1.StatefulSetUpdateStrategy", &apps_v1beta1_StatefulSetUpdateStrategy);
    by_name.emplace("k8s.io/api/apps/v1beta2.DaemonSet", &apps_v1beta2_DaemonSet);
    by_name.emplace("k8s.io/api/apps/v1beta2.DaemonSetCondition", &apps_v1beta2_DaemonSetCondition);
    by_name.emplace("k8s.io/api/apps/v1beta2.DaemonSetSpec", &apps_v1beta2_DaemonSetSpec);
    by_name.emplace("k8s.io/api/apps/v1beta2.DaemonSetStatus", &apps_v1beta2_DaemonSetStatus);
    by_name.emplace("k8s.io/api/apps/v1beta2.DaemonSetUpdateStrategy", &apps_v1beta2_DaemonSetUpdateStrategy);
    by_name.emplace("k8s.io/api/apps/v1beta2.Deployment", &apps_v1beta2_Deployment);
    by_name.emplace("k8s.io/api/apps/v1beta2.DeploymentCondition", &apps_v1beta2_DeploymentCondition);
    by_name.emplace("k8s.io/api/apps/v1beta2.DeploymentSpec", &apps_v1beta2_DeploymentSpec);
    by_name.emplace("k8s.io/api/apps/v1beta2.DeploymentStatus", &apps_v1beta2_DeploymentStatus);
    by_name.emplace("k8s.io/api/apps/v1beta2.DeploymentStrategy", &apps_v1beta2_DeploymentStrategy);
    by_name.emplace("k8s.io/api/apps/v1beta2.ReplicaSet", &apps_v1beta2_ReplicaSet);
    by_name.emplace("k8s.io/api/apps/v1beta2.ReplicaSetCondition", &apps_v1beta2_ReplicaSetCondition);
    by_name.emplace("k8s.io/api/apps/v1beta2.ReplicaSetSpec", &apps_v1beta2_ReplicaSetSpec);
    by_name.emplace("k8s.io/api/apps/v1beta2.ReplicaSetStatus", &apps_v1beta2_ReplicaSetStatus);
    by_name.emplace("k8s.io/api/apps/v1beta2.RollingUpdateDaemonSet", &apps_v1beta2_RollingUpdateDaemonSet);
    by_name.emplace("k8s.io/api/apps/v1beta2.RollingUpdateDeployment", &apps_v1beta2_RollingUpdateDeployment);
    by_name.emplace("k8s.io/api/apps/v1beta2.RollingUpdateStatefulSetStrategy", &apps_v1beta2_RollingUpdateStatefulSetStrategy);
    by_name.emplace("k8s.io/api/apps/v1beta2.StatefulSet", &apps_v1beta2_StatefulSet);
    by_name.emplace("k8s.io/api/apps/v1beta2.StatefulSetCondition", &apps_v1beta2_StatefulSetCondition);
    by_name.emplace("k8s.io/api/apps/v1beta2.StatefulSetOrdinals", &apps_v1beta2_StatefulSetOrdinals);
    by_name.emplace("k8s.io/api/apps/v1beta2.StatefulSetPersistentVolumeClaimRetentionPolicy", &apps_v1beta2_StatefulSetPersistentVolumeClaimRetentionPolicy);
    by_name.emplace("k8s.io/api/apps/v1beta2.StatefulSetSpec", &apps_v1beta2_StatefulSetSpec);
    by_name.emplace("k8s.io/api/apps/v1beta2.StatefulSetStatus", &apps_v1beta2_StatefulSetStatus);
    by_name.emplace("k8s.io/api/apps/v1beta2.StatefulSetUpdateStrategy", &apps_v1beta2_StatefulSetUpdateStrategy);
    by_name.emplace("k8s.io/api/batch/v1.CronJob", &batch_v1_CronJob);
    by_name.emplace("k8s.io/api/batch/v1.CronJobSpec", &batch_v1_CronJobSpec);
    by_name.emplace("k8s.io/api/batch/v1.CronJobStatus", &batch_v1_CronJobStatus);
    by_name.emplace("k8s.io/api/batch/v1.Job", &batch_v1_Job);
    by_name.emplace("k8s.io/api/batch/v1.JobCondition", &batch_v1_JobCondition);
    by_name.emplace("k8s.io/api/batch/v1.JobSchedulingConfiguration", &batch_v1_JobSchedulingConfiguration);
    by_name.emplace("k8s.io/api/batch/v1.JobSpec", &batch_v1_JobSpec);
    by_name.emplace("k8s.io/api/batch/v1.JobStatus", &batch_v1_JobStatus);
    by_name.emplace("k8s.io/api/batch/v1.JobTemplateSpec", &batch_v1_JobTemplateSpec);
    by_name.emplace("k8s.io/api/batch/v1.PodFailurePolicy", &batch_v1_PodFailurePolicy);
    by_name.emplace("k8s.io/api/batch/v1.PodFailurePolicyOnExitCodesRequirement", &batch_v1_PodFailurePolicyOnExitCodesRequirement);
    by_name.emplace("k8s.io/api/batch/v1.PodFailurePolicyOnPodConditionsPattern", &batch_v1_PodFailurePolicyOnPodConditionsPattern);
    by_name.emplace("k8s.io/api/batch/v1.PodFailurePolicyRule", &batch_v1_PodFailurePolicyRule);
    by_name.emplace("k8s.io/api/batch/v1.SuccessPolicy", &batch_v1_SuccessPolicy);
    by_name.emplace("k8s.io/api/batch/v1.SuccessPolicyRule", &batch_v1_SuccessPolicyRule);
    by_name.emplace("k8s.io/api/batch/v1.UncountedTerminatedPods", &batch_v1_UncountedTerminatedPods);
    by_name.emplace("k8s.io/api/batch/v1beta1.CronJob", &batch_v1beta1_CronJob);
    by_name.emplace("k8s.io/api/batch/v1beta1.CronJobSpec", &batch_v1beta1_CronJobSpec);
    by_name.emplace("k8s.io/api/batch/v1beta1.CronJobStatus", &batch_v1beta1_CronJobStatus);
    by_name.emplace("k8s.io/api/batch/v1beta1.JobTemplateSpec", &batch_v1beta1_JobTemplateSpec);
    by_name.emplace("k8s.io/api/core/v1.AWSElasticBlockStoreVolumeSource", &core_v1_AWSElasticBlockStoreVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.Affinity", &core_v1_Affinity);
    by_name.emplace("k8s.io/api/core/v1.AppArmorProfile", &core_v1_AppArmorProfile);
    by_name.emplace("k8s.io/api/core/v1.AzureDiskVolumeSource", &core_v1_AzureDiskVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.AzureFileVolumeSource", &core_v1_AzureFileVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.CSIVolumeSource", &core_v1_CSIVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.Capabilities", &core_v1_Capabilities);
    by_name.emplace("k8s.io/api/core/v1.CephFSVolumeSource", &core_v1_CephFSVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.CinderVolumeSource", &core_v1_CinderVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.ClusterTrustBundleProjection", &core_v1_ClusterTrustBundleProjection);
    by_name.emplace("k8s.io/api/core/v1.ConfigMapEnvSource", &core_v1_ConfigMapEnvSource);
    by_name.emplace("k8s.io/api/core/v1.ConfigMapKeySelector", &core_v1_ConfigMapKeySelector);
    by_name.emplace("k8s.io/api/core/v1.ConfigMapProjection", &core_v1_ConfigMapProjection);
    by_name.emplace("k8s.io/api/core/v1.ConfigMapVolumeSource", &core_v1_ConfigMapVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.Container", &core_v1_Container);
    by_name.emplace("k8s.io/api/core/v1.ContainerExtendedResourceRequest", &core_v1_ContainerExtendedResourceRequest);
    by_name.emplace("k8s.io/api/core/v1.ContainerPort", &core_v1_ContainerPort);
    by_name.emplace("k8s.io/api/core/v1.ContainerResizePolicy", &core_v1_ContainerResizePolicy);
    by_name.emplace("k8s.io/api/core/v1.ContainerRestartRule", &core_v1_ContainerRestartRule);
    by_name.emplace("k8s.io/api/core/v1.ContainerRestartRuleOnExitCodes", &core_v1_ContainerRestartRuleOnExitCodes);
    by_name.emplace("k8s.io/api/core/v1.ContainerState", &core_v1_ContainerState);
    by_name.emplace("k8s.io/api/core/v1.ContainerStateRunning", &core_v1_ContainerStateRunning);
    by_name.emplace("k8s.io/api/core/v1.ContainerStateTerminated", &core_v1_ContainerStateTerminated);
    by_name.emplace("k8s.io/api/core/v1.ContainerStateWaiting", &core_v1_ContainerStateWaiting);
    by_name.emplace("k8s.io/api/core/v1.ContainerStatus", &core_v1_ContainerStatus);
    by_name.emplace("k8s.io/api/core/v1.ContainerUser", &core_v1_ContainerUser);
    by_name.emplace("k8s.io/api/core/v1.DownwardAPIProjection", &core_v1_DownwardAPIProjection);
    by_name.emplace("k8s.io/api/core/v1.DownwardAPIVolumeFile", &core_v1_DownwardAPIVolumeFile);
    by_name.emplace("k8s.io/api/core/v1.DownwardAPIVolumeSource", &core_v1_DownwardAPIVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.EmptyDirVolumeSource", &core_v1_EmptyDirVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.EnvFromSource", &core_v1_EnvFromSource);
    by_name.emplace("k8s.io/api/core/v1.EnvVar", &core_v1_EnvVar);
    by_name.emplace("k8s.io/api/core/v1.EnvVarSource", &core_v1_EnvVarSource);
    by_name.emplace("k8s.io/api/core/v1.EphemeralContainer", &core_v1_EphemeralContainer);
    by_name.emplace("k8s.io/api/core/v1.EphemeralContainerCommon", &core_v1_EphemeralContainerCommon);
    by_name.emplace("k8s.io/api/core/v1.EphemeralVolumeSource", &core_v1_EphemeralVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.EvictionResponder", &core_v1_EvictionResponder);
    by_name.emplace("k8s.io/api/core/v1.ExecAction", &core_v1_ExecAction);
    by_name.emplace("k8s.io/api/core/v1.FCVolumeSource", &core_v1_FCVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.FileKeySelector", &core_v1_FileKeySelector);
    by_name.emplace("k8s.io/api/core/v1.FlexVolumeSource", &core_v1_FlexVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.FlockerVolumeSource", &core_v1_FlockerVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.GCEPersistentDiskVolumeSource", &core_v1_GCEPersistentDiskVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.GRPCAction", &core_v1_GRPCAction);
    by_name.emplace("k8s.io/api/core/v1.GitRepoVolumeSource", &core_v1_GitRepoVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.GlusterfsVolumeSource", &core_v1_GlusterfsVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.HTTPGetAction", &core_v1_HTTPGetAction);
    by_name.emplace("k8s.io/api/core/v1.HTTPHeader", &core_v1_HTTPHeader);
    by_name.emplace("k8s.io/api/core/v1.HostAlias", &core_v1_HostAlias);
    by_name.emplace("k8s.io/api/core/v1.HostIP", &core_v1_HostIP);
    by_name.emplace("k8s.io/api/core/v1.HostPathVolumeSource", &core_v1_HostPathVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.ISCSIVolumeSource", &core_v1_ISCSIVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.ImageVolumeSource", &core_v1_ImageVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.ImageVolumeStatus", &core_v1_ImageVolumeStatus);
    by_name.emplace("k8s.io/api/core/v1.KeyToPath", &core_v1_KeyToPath);
    by_name.emplace("k8s.io/api/core/v1.Lifecycle", &core_v1_Lifecycle);
    by_name.emplace("k8s.io/api/core/v1.LifecycleHandler", &core_v1_LifecycleHandler);
    by_name.emplace("k8s.io/api/core/v1.LinuxContainerUser", &core_v1_LinuxContainerUser);
    by_name.emplace("k8s.io/api/core/v1.LocalObjectReference", &core_v1_LocalObjectReference);
    by_name.emplace("k8s.io/api/core/v1.ModifyVolumeStatus", &core_v1_ModifyVolumeStatus);
    by_name.emplace("k8s.io/api/core/v1.NFSVolumeSource", &core_v1_NFSVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.NodeAffinity", &core_v1_NodeAffinity);
    by_name.emplace("k8s.io/api/core/v1.NodeAllocatableMappedResources", &core_v1_NodeAllocatableMappedResources);
    by_name.emplace("k8s.io/api/core/v1.NodeAllocatableOverheadResources", &core_v1_NodeAllocatableOverheadResources);
    by_name.emplace("k8s.io/api/core/v1.NodeAllocatableResourceClaimStatus", &core_v1_NodeAllocatableResourceClaimStatus);
    by_name.emplace("k8s.io/api/core/v1.NodeSelector", &core_v1_NodeSelector);
    by_name.emplace("k8s.io/api/core/v1.NodeSelectorRequirement", &core_v1_NodeSelectorRequirement);
    by_name.emplace("k8s.io/api/core/v1.NodeSelectorTerm", &core_v1_NodeSelectorTerm);
    by_name.emplace("k8s.io/api/core/v1.ObjectFieldSelector", &core_v1_ObjectFieldSelector);
    by_name.emplace("k8s.io/api/core/v1.ObjectReference", &core_v1_ObjectReference);
    by_name.emplace("k8s.io/api/core/v1.PersistentVolumeClaim", &core_v1_PersistentVolumeClaim);
    by_name.emplace("k8s.io/api/core/v1.PersistentVolumeClaimCondition", &core_v1_PersistentVolumeClaimCondition);
    by_name.emplace("k8s.io/api/core/v1.PersistentVolumeClaimSpec", &core_v1_PersistentVolumeClaimSpec);
    by_name.emplace("k8s.io/api/core/v1.PersistentVolumeClaimStatus", &core_v1_PersistentVolumeClaimStatus);
    by_name.emplace("k8s.io/api/core/v1.PersistentVolumeClaimTemplate", &core_v1_PersistentVolumeClaimTemplate);
    by_name.emplace("k8s.io/api/core/v1.PersistentVolumeClaimVolumeSource", &core_v1_PersistentVolumeClaimVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.PhotonPersistentDiskVolumeSource", &core_v1_PhotonPersistentDiskVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.Pod", &core_v1_Pod);
    by_name.emplace("k8s.io/api/core/v1.PodAffinity", &core_v1_PodAffinity);
    by_name.emplace("k8s.io/api/core/v1.PodAffinityTerm", &core_v1_PodAffinityTerm);
    by_name.emplace("k8s.io/api/core/v1.PodAntiAffinity", &core_v1_PodAntiAffinity);
    by_name.emplace("k8s.io/api/core/v1.PodCertificateProjection", &core_v1_PodCertificateProjection);
    by_name.emplace("k8s.io/api/core/v1.PodCondition", &core_v1_PodCondition);
    by_name.emplace("k8s.io/api/core/v1.PodDNSConfig", &core_v1_PodDNSConfig);
    by_name.emplace("k8s.io/api/core/v1.PodDNSConfigOption", &core_v1_PodDNSConfigOption);
    by_name.emplace("k8s.io/api/core/v1.PodExtendedResourceClaimStatus", &core_v1_PodExtendedResourceClaimStatus);
    by_name.emplace("k8s.io/api/core/v1.PodIP", &core_v1_PodIP);
    by_name.emplace("k8s.io/api/core/v1.PodOS", &core_v1_PodOS);
    by_name.emplace("k8s.io/api/core/v1.PodReadinessGate", &core_v1_PodReadinessGate);
    by_name.emplace("k8s.io/api/core/v1.PodResourceClaim", &core_v1_PodResourceClaim);
    by_name.emplace("k8s.io/api/core/v1.PodResourceClaimStatus", &core_v1_PodResourceClaimStatus);
    by_name.emplace("k8s.io/api/core/v1.PodSchedulingGate", &core_v1_PodSchedulingGate);
    by_name.emplace("k8s.io/api/core/v1.PodSchedulingGroup", &core_v1_PodSchedulingGroup);
    by_name.emplace("k8s.io/api/core/v1.PodSecurityContext", &core_v1_PodSecurityContext);
    by_name.emplace("k8s.io/api/core/v1.PodSpec", &core_v1_PodSpec);
    by_name.emplace("k8s.io/api/core/v1.PodStatus", &core_v1_PodStatus);
    by_name.emplace("k8s.io/api/core/v1.PodTemplateSpec", &core_v1_PodTemplateSpec);
    by_name.emplace("k8s.io/api/core/v1.PodVolumeHealth", &core_v1_PodVolumeHealth);
    by_name.emplace("k8s.io/api/core/v1.PortworxVolumeSource", &core_v1_PortworxVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.PreferredSchedulingTerm", &core_v1_PreferredSchedulingTerm);
    by_name.emplace("k8s.io/api/core/v1.Probe", &core_v1_Probe);
    by_name.emplace("k8s.io/api/core/v1.ProbeHandler", &core_v1_ProbeHandler);
    by_name.emplace("k8s.io/api/core/v1.ProjectedVolumeSource", &core_v1_ProjectedVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.QuobyteVolumeSource", &core_v1_QuobyteVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.RBDVolumeSource", &core_v1_RBDVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.ReplicationController", &core_v1_ReplicationController);
    by_name.emplace("k8s.io/api/core/v1.ReplicationControllerCondition", &core_v1_ReplicationControllerCondition);
    by_name.emplace("k8s.io/api/core/v1.ReplicationControllerSpec", &core_v1_ReplicationControllerSpec);
    by_name.emplace("k8s.io/api/core/v1.ReplicationControllerStatus", &core_v1_ReplicationControllerStatus);
    by_name.emplace("k8s.io/api/core/v1.ResourceClaim", &core_v1_ResourceClaim);
    by_name.emplace("k8s.io/api/core/v1.ResourceFieldSelector", &core_v1_ResourceFieldSelector);
    by_name.emplace("k8s.io/api/core/v1.ResourceHealth", &core_v1_ResourceHealth);
    by_name.emplace("k8s.io/api/core/v1.ResourceRequirements", &core_v1_ResourceRequirements);
    by_name.emplace("k8s.io/api/core/v1.ResourceStatus", &core_v1_ResourceStatus);
    by_name.emplace("k8s.io/api/core/v1.SELinuxOptions", &core_v1_SELinuxOptions);
    by_name.emplace("k8s.io/api/core/v1.ScaleIOVolumeSource", &core_v1_ScaleIOVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.SeccompProfile", &core_v1_SeccompProfile);
    by_name.emplace("k8s.io/api/core/v1.SecretEnvSource", &core_v1_SecretEnvSource);
    by_name.emplace("k8s.io/api/core/v1.SecretKeySelector", &core_v1_SecretKeySelector);
    by_name.emplace("k8s.io/api/core/v1.SecretProjection", &core_v1_SecretProjection);
    by_name.emplace("k8s.io/api/core/v1.SecretVolumeSource", &core_v1_SecretVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.SecurityContext", &core_v1_SecurityContext);
    by_name.emplace("k8s.io/api/core/v1.ServiceAccountTokenProjection", &core_v1_ServiceAccountTokenProjection);
    by_name.emplace("k8s.io/api/core/v1.SleepAction", &core_v1_SleepAction);
    by_name.emplace("k8s.io/api/core/v1.StorageOSVolumeSource", &core_v1_StorageOSVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.Sysctl", &core_v1_Sysctl);
    by_name.emplace("k8s.io/api/core/v1.TCPSocketAction", &core_v1_TCPSocketAction);
    by_name.emplace("k8s.io/api/core/v1.Toleration", &core_v1_Toleration);
    by_name.emplace("k8s.io/api/core/v1.TopologySpreadConstraint", &core_v1_TopologySpreadConstraint);
    by_name.emplace("k8s.io/api/core/v1.TypedLocalObjectReference", &core_v1_TypedLocalObjectReference);
    by_name.emplace("k8s.io/api/core/v1.TypedObjectReference", &core_v1_TypedObjectReference);
    by_name.emplace("k8s.io/api/core/v1.Volume", &core_v1_Volume);
    by_name.emplace("k8s.io/api/core/v1.VolumeDevice", &core_v1_VolumeDevice);
    by_name.emplace("k8s.io/api/core/v1.VolumeHealthCondition", &core_v1_VolumeHealthCondition);
    by_name.emplace("k8s.io/api/core/v1.VolumeHealthStatus", &core_v1_VolumeHealthStatus);
    by_name.emplace("k8s.io/api/core/v1.VolumeMount", &core_v1_VolumeMount);
    by_name.emplace("k8s.io/api/core/v1.VolumeMountStatus", &core_v1_VolumeMountStatus);
    by_name.emplace("k8s.io/api/core/v1.VolumeProjection", &core_v1_VolumeProjection);
    by_name.emplace("k8s.io/api/core/v1.VolumeResourceRequirements", &core_v1_VolumeResourceRequirements);
    by_name.emplace("k8s.io/api/core/v1.VolumeSource", &core_v1_VolumeSource);
    by_name.emplace("k8s.io/api/core/v1.VolumeStatus", &core_v1_VolumeStatus);
    by_name.emplace("k8s.io/api/core/v1.VsphereVirtualDiskVolumeSource", &core_v1_VsphereVirtualDiskVolumeSource);
    by_name.emplace("k8s.io/api/core/v1.WeightedPodAffinityTerm", &core_v1_WeightedPodAffinityTerm);
    by_name.emplace("k8s.io/api/core/v1.WindowsSecurityContextOptions", &core_v1_WindowsSecurityContextOptions);
    by_name.emplace("k8s.io/api/extensions/v1beta1.DaemonSet", &extensions_v1beta1_DaemonSet);
    by_name.emplace("k8s.io/api/extensions/v1beta1.DaemonSetCondition", &extensions_v1beta1_DaemonSetCondition);
    by_name.emplace("k8s.io/api/extensions/v1beta1.DaemonSetSpec", &extensions_v1beta1_DaemonSetSpec);
    by_name.emplace("k8s.io/api/extensions/v1beta1.DaemonSetStatus", &extensions_v1beta1_DaemonSetStatus);
    by_name.emplace("k8s.io/api/extensions/v1beta1.DaemonSetUpdateStrategy", &extensions_v1beta1_DaemonSetUpdateStrategy);
    by_name.emplace("k8s.io/api/extensions/v1beta1.Deployment", &extensions_v1beta1_Deployment);
    by_name.emplace("k8s.io/api/extensions/v1beta1.DeploymentCondition", &extensions_v1beta1_DeploymentCondition);
    by_name.emplace("k8s.io/api/extensions/v1beta1.DeploymentSpec", &extensions_v1beta1_DeploymentSpec);
    by_name.emplace("k8s.io/api/extensions/v1beta1.DeploymentStatus", &extensions_v1beta1_DeploymentStatus);
    by_name.emplace("k8s.io/api/extensions/v1beta1.DeploymentStrategy", &extensions_v1beta1_DeploymentStrategy);
    by_name.emplace("k8s.io/api/extensions/v1beta1.ReplicaSet", &extensions_v1beta1_ReplicaSet);
    by_name.emplace("k8s.io/api/extensions/v1beta1.ReplicaSetCondition", &extensions_v1beta1_ReplicaSetCondition);
    by_name.emplace("k8s.io/api/extensions/v1beta1.ReplicaSetSpec", &extensions_v1beta1_ReplicaSetSpec);
    by_name.emplace("k8s.io/api/extensions/v1beta1.ReplicaSetStatus", &extensions_v1beta1_ReplicaSetStatus);
    by_name.emplace("k8s.io/api/extensions/v1beta1.RollbackConfig", &extensions_v1beta1_RollbackConfig);
    by_name.emplace("k8s.io/api/extensions/v1beta1.RollingUpdateDaemonSet", &extensions_v1beta1_RollingUpdateDaemonSet);
    by_name.emplace("k8s.io/api/extensions/v1beta1.RollingUpdateDeployment", &extensions_v1beta1_RollingUpdateDeployment);
    by_name.emplace("k8s.io/apimachinery/pkg/apis/meta/v1.LabelSelector", &meta_v1_LabelSelector);
    by_name.emplace("k8s.io/apimachinery/pkg/apis/meta/v1.LabelSelectorRequirement", &meta_v1_LabelSelectorRequirement);
    by_name.emplace("k8s.io/apimachinery/pkg/apis/meta/v1.ManagedFieldsEntry", &meta_v1_ManagedFieldsEntry);
    by_name.emplace("k8s.io/apimachinery/pkg/apis/meta/v1.ObjectMeta", &meta_v1_ObjectMeta);
    by_name.emplace("k8s.io/apimachinery/pkg/apis/meta/v1.OwnerReference", &meta_v1_OwnerReference);
    by_name.emplace("k8s.io/apimachinery/pkg/apis/meta/v1.TypeMeta", &meta_v1_TypeMeta);
    by_name.emplace("github.com/openshift/api/apps/v1.CustomDeploymentStrategyParams", &openshift_apps_v1_CustomDeploymentStrategyParams);
    by_name.emplace("github.com/openshift/api/apps/v1.DeploymentCause", &openshift_apps_v1_DeploymentCause);
    by_name.emplace("github.com/openshift/api/apps/v1.DeploymentCauseImageTrigger", &openshift_apps_v1_DeploymentCauseImageTrigger);
    by_name.emplace("github.com/openshift/api/apps/v1.DeploymentCondition", &openshift_apps_v1_DeploymentCondition);
    by_name.emplace("github.com/openshift/api/apps/v1.DeploymentConfig", &openshift_apps_v1_DeploymentConfig);
    by_name.emplace("github.com/openshift/api/apps/v1.DeploymentConfigSpec", &openshift_apps_v1_DeploymentConfigSpec);
    by_name.emplace("github.com/openshift/api/apps/v1.DeploymentConfigStatus", &openshift_apps_v1_DeploymentConfigStatus);
    by_name.emplace("github.com/openshift/api/apps/v1.DeploymentDetails", &openshift_apps_v1_DeploymentDetails);
    by_name.emplace("github.com/openshift/api/apps/v1.DeploymentStrategy", &openshift_apps_v1_DeploymentStrategy);
    by_name.emplace("github.com/openshift/api/apps/v1.DeploymentTriggerImageChangeParams", &openshift_apps_v1_DeploymentTriggerImageChangeParams);
    by_name.emplace("github.com/openshift/api/apps/v1.DeploymentTriggerPolicy", &openshift_apps_v1_DeploymentTriggerPolicy);
    by_name.emplace("github.com/openshift/api/apps/v1.ExecNewPodHook", &openshift_apps_v1_ExecNewPodHook);
    by_name.emplace("github.com/openshift/api/apps/v1.LifecycleHook", &openshift_apps_v1_LifecycleHook);
    by_name.emplace("github.com/openshift/api/apps/v1.RecreateDeploymentStrategyParams", &openshift_apps_v1_RecreateDeploymentStrategyParams);
    by_name.emplace("github.com/openshift/api/apps/v1.RollingDeploymentStrategyParams", &openshift_apps_v1_RollingDeploymentStrategyParams);
    by_name.emplace("github.com/openshift/api/apps/v1.TagImageHook", &openshift_apps_v1_TagImageHook);
    by_name.emplace("k8s.io/api/scheduling/v1alpha3.TopologyConstraint", &scheduling_v1alpha3_TopologyConstraint);
    by_name.emplace("k8s.io/api/scheduling/v1alpha3.WorkloadPodGroupAllDisruptionMode", &scheduling_v1alpha3_WorkloadPodGroupAllDisruptionMode);
    by_name.emplace("k8s.io/api/scheduling/v1alpha3.WorkloadPodGroupBasicSchedulingPolicy", &scheduling_v1alpha3_WorkloadPodGroupBasicSchedulingPolicy);
    by_name.emplace("k8s.io/api/scheduling/v1alpha3.WorkloadPodGroupDisruptionMode", &scheduling_v1alpha3_WorkloadPodGroupDisruptionMode);
    by_name.emplace("k8s.io/api/scheduling/v1alpha3.WorkloadPodGroupGangSchedulingPolicy", &scheduling_v1alpha3_WorkloadPodGroupGangSchedulingPolicy);
    by_name.emplace("k8s.io/api/scheduling/v1alpha3.WorkloadPodGroupResourceClaim", &scheduling_v1alpha3_WorkloadPodGroupResourceClaim);
    by_name.emplace("k8s.io/api/scheduling/v1alpha3.WorkloadPodGroupSchedulingConstraints", &scheduling_v1alpha3_WorkloadPodGroupSchedulingConstraints);
    by_name.emplace("k8s.io/api/scheduling/v1alpha3.WorkloadPodGroupSchedulingPolicy", &scheduling_v1alpha3_WorkloadPodGroupSchedulingPolicy);
    by_name.emplace("k8s.io/api/scheduling/v1alpha3.WorkloadPodGroupSingleDisruptionMode", &scheduling_v1alpha3_WorkloadPodGroupSingleDisruptionMode);
  }
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
