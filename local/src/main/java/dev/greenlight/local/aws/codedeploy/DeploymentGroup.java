package dev.greenlight.local.aws.codedeploy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.codedeploy.model.AlarmConfiguration;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackConfiguration;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackEvent;
import software.amazon.awssdk.services.codedeploy.model.BlueGreenDeploymentConfiguration;
import software.amazon.awssdk.services.codedeploy.model.BlueInstanceTerminationOption;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentOption;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyAction;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyOption;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStyle;
import software.amazon.awssdk.services.codedeploy.model.DeploymentType;
import software.amazon.awssdk.services.codedeploy.model.ECSService;
import software.amazon.awssdk.services.codedeploy.model.InstanceAction;
import software.amazon.awssdk.services.codedeploy.model.LoadBalancerInfo;
import software.amazon.awssdk.services.codedeploy.model.TargetGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.TargetGroupPairInfo;

/**
 * An ECS deployment group. The SDK's configuration values are kept as given (they are immutable
 * and are what GetDeploymentGroup returns); the methods answer the questions a deployment asks.
 */
record DeploymentGroup(String applicationName, String id, String name, String deploymentConfigName,
        String serviceRoleArn, EcsServiceId service, TargetGroupPairInfo targetGroupPair,
        BlueGreenDeploymentConfiguration blueGreen, AutoRollbackConfiguration autoRollback,
        AlarmConfiguration alarms) {

    List<String> targetGroups() {
        return targetGroupPair.targetGroups().stream().map(TargetGroupInfo::name).toList();
    }

    String productionListener() {
        return targetGroupPair.prodTrafficRoute().listenerArns().get(0);
    }

    Optional<String> testListener() {
        return targetGroupPair.testTrafficRoute() == null || !targetGroupPair.testTrafficRoute().hasListenerArns()
                || targetGroupPair.testTrafficRoute().listenerArns().isEmpty()
                ? Optional.empty()
                : Optional.of(targetGroupPair.testTrafficRoute().listenerArns().get(0));
    }

    /** With STOP_DEPLOYMENT the deployment waits in Ready this long for ContinueDeployment. */
    Optional<Duration> readyWait() {
        DeploymentReadyOption ready = blueGreen.deploymentReadyOption();
        return ready != null && ready.actionOnTimeout() == DeploymentReadyAction.STOP_DEPLOYMENT
                ? Optional.of(Duration.ofMinutes(ready.waitTimeInMinutes() == null ? 0 : ready.waitTimeInMinutes()))
                : Optional.empty();
    }

    /** How long the original task set outlives a successful deployment; empty when it is kept. */
    Optional<Duration> terminationWait() {
        BlueInstanceTerminationOption termination = blueGreen.terminateBlueInstancesOnDeploymentSuccess();
        if (termination != null && termination.action() == InstanceAction.KEEP_ALIVE) {
            return Optional.empty();
        }
        int minutes = termination == null || termination.terminationWaitTimeInMinutes() == null
                ? 0 : termination.terminationWaitTimeInMinutes();
        return Optional.of(Duration.ofMinutes(minutes));
    }

    static boolean rollsBackOn(AutoRollbackConfiguration configuration, AutoRollbackEvent event) {
        return configuration != null && Boolean.TRUE.equals(configuration.enabled())
                && configuration.events().contains(event);
    }

    /** The alarms CodeDeploy polls during a deployment of this group. */
    List<String> watchedAlarms() {
        if (alarms == null || !Boolean.TRUE.equals(alarms.enabled())) {
            return List.of();
        }
        return alarms.alarms().stream().map(alarm -> alarm.name()).toList();
    }

    boolean ignoresPollAlarmFailure() {
        return alarms != null && Boolean.TRUE.equals(alarms.ignorePollAlarmFailure());
    }

    DeploymentGroupInfo toSdk() {
        return DeploymentGroupInfo.builder()
                .applicationName(applicationName)
                .deploymentGroupId(id)
                .deploymentGroupName(name)
                .deploymentConfigName(deploymentConfigName)
                .serviceRoleArn(serviceRoleArn)
                .computePlatform(ComputePlatform.ECS)
                .deploymentStyle(DeploymentStyle.builder().deploymentType(DeploymentType.BLUE_GREEN)
                        .deploymentOption(DeploymentOption.WITH_TRAFFIC_CONTROL).build())
                .ecsServices(ECSService.builder().clusterName(service.cluster()).serviceName(service.service()).build())
                .loadBalancerInfo(LoadBalancerInfo.builder().targetGroupPairInfoList(targetGroupPair).build())
                .blueGreenDeploymentConfiguration(blueGreen)
                .autoRollbackConfiguration(autoRollback)
                .alarmConfiguration(alarms)
                .build();
    }
}
