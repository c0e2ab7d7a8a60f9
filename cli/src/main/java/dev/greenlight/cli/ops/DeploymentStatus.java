package dev.greenlight.cli.ops;

import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.history.AlarmRoles;
import dev.greenlight.cli.history.AuditReport;
import dev.greenlight.cli.history.ExecutionHistory;
import dev.greenlight.cli.history.WaitingApproval;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.DeploymentInput;
import dev.greenlight.workers.core.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Where a deployment is now: the execution's status and current state, its CodeDeploy deployment,
 * how production traffic is split between the target groups, and the service's alarms.
 *
 * @param state           the state entered last; null before the first
 * @param deploymentId    null until StartDeployment answered
 * @param waitingApproval whether a manual approval waits for an answer now
 */
record DeploymentStatus(String execution, ExecutionStatus status, String state, String deploymentId,
        boolean waitingApproval, List<Weight> traffic, List<Alarm> alarms, String error, String cause) {

    /** A target group's share of production traffic, in percent. */
    record Weight(String targetGroup, int percent) {
    }

    /** @param role blue, green or null, as the watch step last reported it */
    record Alarm(String name, String state, String role) {
    }

    static DeploymentStatus read(Aws aws, String executionArn) throws Exception {
        ExecutionHistory history = ExecutionHistory.of(aws.sfn(), executionArn);
        ServiceConfig config = Worker.JSON.readValue(history.execution().input(), DeploymentInput.class).config();
        String deploymentId = AuditReport.of(history).timeline().stream()
                .filter(step -> step.state().equals("StartDeployment") && step.evidence() != null)
                .map(step -> step.evidence().path("deploymentId").asText(null)).filter(Objects::nonNull)
                .reduce((first, second) -> second).orElse(null);
        return new DeploymentStatus(history.execution().name(), history.execution().status(),
                lastState(history.events()), deploymentId, WaitingApproval.token(history.events()).isPresent(),
                traffic(aws, config), alarms(aws, config, AlarmRoles.of(history.events())), history.execution().error(),
                history.execution().cause());
    }

    boolean ended() {
        return status != ExecutionStatus.RUNNING;
    }

    private static String lastState(List<HistoryEvent> events) {
        String state = null;
        for (HistoryEvent event : events) {
            if (event.stateEnteredEventDetails() != null) {
                state = event.stateEnteredEventDetails().name();
            }
        }
        return state;
    }

    /** The production listeners' forward weights, as the deployment group routes them. */
    private static List<Weight> traffic(Aws aws, ServiceConfig config) {
        var group = aws.codeDeploy().getDeploymentGroup(r -> r.applicationName(config.codeDeploy().application())
                .deploymentGroupName(config.codeDeploy().deploymentGroup())).deploymentGroupInfo();
        List<String> listeners = group.loadBalancerInfo().targetGroupPairInfoList().stream()
                .flatMap(pair -> pair.prodTrafficRoute().listenerArns().stream()).toList();
        if (listeners.isEmpty()) {
            return List.of();
        }
        List<Weight> weights = new ArrayList<>();
        for (Listener listener : aws.elb().describeListeners(r -> r.listenerArns(listeners)).listeners()) {
            listener.defaultActions().stream().map(DeploymentStatus::weights).forEach(weights::addAll);
        }
        return weights;
    }

    private static List<Weight> weights(Action action) {
        if (action.forwardConfig() != null && !action.forwardConfig().targetGroups().isEmpty()) {
            int total = action.forwardConfig().targetGroups().stream()
                    .mapToInt(group -> group.weight() == null ? 1 : group.weight()).sum();
            return action.forwardConfig().targetGroups().stream().map(group -> new Weight(name(group.targetGroupArn()),
                    total == 0 ? 0 : Math.round(100f * (group.weight() == null ? 1 : group.weight()) / total)))
                    .toList();
        }
        return action.targetGroupArn() == null ? List.of() : List.of(new Weight(name(action.targetGroupArn()), 100));
    }

    /** {@code arn:…:targetgroup/NAME/ID} names its target group. */
    private static String name(String targetGroupArn) {
        String[] parts = targetGroupArn.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : targetGroupArn;
    }

    private static List<Alarm> alarms(Aws aws, ServiceConfig config, java.util.Map<String, String> roles) {
        if (config.alarms() == null || config.alarms().isEmpty()) {
            return List.of();
        }
        return aws.cloudWatch().describeAlarms(r -> r.alarmNames(config.alarms())).metricAlarms().stream()
                .map(alarm -> new Alarm(alarm.alarmName(), alarm.stateValueAsString(), roles.get(alarm.alarmName())))
                .toList();
    }

    /** The status as a few lines for a terminal. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(execution + ": " + status + (state == null ? "" : ", in " + state));
        if (waitingApproval) {
            lines.add("  waiting for approval: greenlight approve " + execution + " --reason TEXT   (or greenlight "
                    + "reject " + execution + ")");
        }
        lines.add("  deployment: " + (deploymentId == null ? "not started" : deploymentId));
        lines.add("  traffic:    " + TrafficBar.of(traffic));
        lines.add("  alarms:     " + (alarms.isEmpty() ? "none configured" : String.join(", ",
                alarms.stream().map(alarm -> AlarmRoles.label(alarm.name(), alarm.role(), alarm.state())).toList())));
        if (error != null) {
            lines.add("  error:      " + error + ": " + cause);
        }
        return lines;
    }
}
