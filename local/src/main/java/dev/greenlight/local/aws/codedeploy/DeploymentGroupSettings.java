package dev.greenlight.local.aws.codedeploy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.codedeploy.model.Alarm;
import software.amazon.awssdk.services.codedeploy.model.AlarmConfiguration;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackConfiguration;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackEvent;
import software.amazon.awssdk.services.codedeploy.model.BlueGreenDeploymentConfiguration;
import software.amazon.awssdk.services.codedeploy.model.BlueInstanceTerminationOption;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentOption;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStyle;
import software.amazon.awssdk.services.codedeploy.model.DeploymentType;
import software.amazon.awssdk.services.codedeploy.model.ECSService;
import software.amazon.awssdk.services.codedeploy.model.LoadBalancerInfo;
import software.amazon.awssdk.services.codedeploy.model.TargetGroupPairInfo;
import software.amazon.awssdk.services.codedeploy.model.TrafficRoute;

/**
 * The ECS-specific settings of CreateDeploymentGroup / UpdateDeploymentGroup, checked as
 * CodeDeploy checks them for the ECS compute platform. A null field means "not given".
 */
record DeploymentGroupSettings(String serviceRoleArn, String deploymentConfigName, DeploymentStyle style,
        List<ECSService> ecsServices, LoadBalancerInfo loadBalancerInfo, BlueGreenDeploymentConfiguration blueGreen,
        AutoRollbackConfiguration autoRollback, AlarmConfiguration alarms) {

    static final int MAX_ALARMS = 10;
    private static final int MAX_ALARM_NAME = 255;
    private static final int MAX_TERMINATION_WAIT_MINUTES = 2880;

    /** This group's settings with those given in an update replacing them. */
    DeploymentGroupSettings updatedWith(DeploymentGroupSettings given) {
        return new DeploymentGroupSettings(
                given.serviceRoleArn != null ? given.serviceRoleArn : serviceRoleArn,
                given.deploymentConfigName != null ? given.deploymentConfigName : deploymentConfigName,
                given.style != null ? given.style : style,
                given.ecsServices != null ? given.ecsServices : ecsServices,
                given.loadBalancerInfo != null ? given.loadBalancerInfo : loadBalancerInfo,
                given.blueGreen != null ? given.blueGreen : blueGreen,
                given.autoRollback != null ? given.autoRollback : autoRollback,
                given.alarms != null ? given.alarms : alarms);
    }

    /** The settings an existing group was built from, as UpdateDeploymentGroup starts from them. */
    static DeploymentGroupSettings of(DeploymentGroup group) {
        DeploymentGroupInfo info = group.toSdk();
        return new DeploymentGroupSettings(info.serviceRoleArn(), info.deploymentConfigName(),
                info.deploymentStyle(), info.ecsServices(), info.loadBalancerInfo(),
                info.blueGreenDeploymentConfiguration(), info.autoRollbackConfiguration(), info.alarmConfiguration());
    }

    /** Checks every rule and builds the group; throws CodeDeploy's error for the first broken one. */
    DeploymentGroup toGroup(String applicationName, String id, String name) {
        if (serviceRoleArn == null || serviceRoleArn.isBlank()) {
            throw CodeDeployErrors.roleRequired();
        }
        checkStyle();
        EcsServiceId service = service();
        TargetGroupPairInfo pair = targetGroupPair();
        checkBlueGreen();
        checkAutoRollback();
        checkAlarms();
        return new DeploymentGroup(applicationName, id, name, deploymentConfigName, serviceRoleArn, service, pair,
                blueGreen, autoRollback, alarms);
    }

    private void checkStyle() {
        if (style == null || style.deploymentType() != DeploymentType.BLUE_GREEN
                || style.deploymentOption() != DeploymentOption.WITH_TRAFFIC_CONTROL) {
            throw CodeDeployErrors.invalidDeploymentStyle("An ECS deployment group must use the deployment "
                    + "style BLUE_GREEN with WITH_TRAFFIC_CONTROL.");
        }
    }

    private EcsServiceId service() {
        if (ecsServices == null || ecsServices.size() != 1) {
            throw CodeDeployErrors.invalidEcsService("An ECS deployment group must name exactly one ECS service.");
        }
        ECSService service = ecsServices.get(0);
        if (blank(service.clusterName()) || blank(service.serviceName())) {
            throw CodeDeployErrors.invalidEcsService("The ECS service needs a clusterName and a serviceName.");
        }
        return new EcsServiceId(service.clusterName(), service.serviceName());
    }

    private TargetGroupPairInfo targetGroupPair() {
        if (loadBalancerInfo == null || loadBalancerInfo.targetGroupPairInfoList().size() != 1) {
            throw CodeDeployErrors.invalidLoadBalancerInfo(
                    "An ECS deployment group needs loadBalancerInfo with exactly one target group pair.");
        }
        TargetGroupPairInfo pair = loadBalancerInfo.targetGroupPairInfoList().get(0);
        if (pair.targetGroups().size() != 2 || pair.targetGroups().stream().anyMatch(group -> blank(group.name()))
                || pair.targetGroups().get(0).name().equals(pair.targetGroups().get(1).name())) {
            throw CodeDeployErrors.invalidTargetGroupPair("A target group pair needs two different target groups.");
        }
        if (listeners(pair.prodTrafficRoute()) != 1) {
            throw CodeDeployErrors.invalidTargetGroupPair(
                    "A target group pair needs exactly one production listener ARN.");
        }
        if (listeners(pair.testTrafficRoute()) > 1) {
            throw CodeDeployErrors.invalidTargetGroupPair("A target group pair takes at most one test listener ARN.");
        }
        return pair;
    }

    private static int listeners(TrafficRoute route) {
        return route == null ? 0 : route.listenerArns().size();
    }

    private void checkBlueGreen() {
        if (blueGreen == null) {
            throw CodeDeployErrors.invalidBlueGreenConfiguration(
                    "An ECS deployment group needs a blueGreenDeploymentConfiguration.");
        }
        BlueInstanceTerminationOption termination = blueGreen.terminateBlueInstancesOnDeploymentSuccess();
        Integer wait = termination == null ? null : termination.terminationWaitTimeInMinutes();
        if (wait != null && (wait < 0 || wait > MAX_TERMINATION_WAIT_MINUTES)) {
            throw CodeDeployErrors.invalidBlueGreenConfiguration("terminationWaitTimeInMinutes must be between 0 and "
                    + MAX_TERMINATION_WAIT_MINUTES + ": " + wait);
        }
        Integer ready = blueGreen.deploymentReadyOption() == null ? null
                : blueGreen.deploymentReadyOption().waitTimeInMinutes();
        if (ready != null && ready < 0) {
            throw CodeDeployErrors.invalidBlueGreenConfiguration("waitTimeInMinutes must not be negative: " + ready);
        }
    }

    private void checkAutoRollback() {
        boolean enabled = autoRollback != null && Boolean.TRUE.equals(autoRollback.enabled());
        if (enabled && (autoRollback.events().isEmpty()
                || autoRollback.events().contains(AutoRollbackEvent.UNKNOWN_TO_SDK_VERSION))) {
            throw CodeDeployErrors.invalidAutoRollbackConfig("The automatic rollback configuration was specified in "
                    + "an invalid format. Automatic rollback is enabled, but an invalid triggering event type or "
                    + "no event types were listed.");
        }
    }

    private void checkAlarms() {
        if (alarms == null) {
            return;
        }
        if (alarms.alarms().size() > MAX_ALARMS) {
            throw CodeDeployErrors.alarmsLimitExceeded(MAX_ALARMS);
        }
        Set<String> names = new HashSet<>();
        for (Alarm alarm : alarms.alarms()) {
            if (alarm == null || blank(alarm.name()) || alarm.name().length() > MAX_ALARM_NAME) {
                throw CodeDeployErrors.invalidAlarmConfig("The alarm name is empty or null or exceeds the limit of "
                        + MAX_ALARM_NAME + " characters.");
            }
            if (!names.add(alarm.name())) {
                throw CodeDeployErrors.invalidAlarmConfig("Two alarms with the same name have been specified: "
                        + alarm.name());
            }
        }
        if (Boolean.TRUE.equals(alarms.enabled()) && names.isEmpty()) {
            throw CodeDeployErrors.invalidAlarmConfig("The alarm configuration is enabled, but the alarm list is empty.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
