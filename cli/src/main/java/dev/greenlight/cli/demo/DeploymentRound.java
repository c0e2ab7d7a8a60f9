package dev.greenlight.cli.demo;

import dev.greenlight.local.clock.Clock;
import dev.greenlight.local.fleet.TrafficGenerator;
import dev.greenlight.local.fleet.TrafficReport;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.statemachine.twin.PipelineOnTwin;
import dev.greenlight.workers.core.DeploymentInput.ImageRef;
import dev.greenlight.workers.core.DeploymentInput;
import dev.greenlight.workers.pipeline.AlarmRoles;
import dev.greenlight.workers.pipeline.ExecutionHistory;
import dev.greenlight.workers.pipeline.PipelineStart;
import dev.greenlight.workers.pipeline.TrafficSplit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * One deployment of the demo, followed from the outside as a person would watch it: the execution's
 * state, the production listener's weights, the alarms and the users, looked at every
 * {@link #LOOK_EVERY}; the moment all traffic is back on blue is the first look that sees it.
 */
final class DeploymentRound {

    static final Duration LOOK_EVERY = Duration.ofMillis(200);
    /** Far beyond a demo round (a few minutes): a pipeline stuck this long is a failed demo, not a wait. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(20);

    private final DemoStage stage;
    private final TrafficGenerator users;
    private final Pause pause;
    private final ProgressDisplay display;
    private final Clock clock;
    private double usersPerSecond = DemoStage.USERS_PER_SECOND;

    DeploymentRound(DemoStage stage, TrafficGenerator users, Pause pause, ProgressDisplay display) {
        this.stage = stage;
        this.users = users;
        this.pause = pause;
        this.display = display;
        this.clock = stage.twin().clock();
    }

    /** Pushes {@code version} to ECR: EventBridge's rule invokes the trigger, which starts the pipeline. */
    DeploymentSummary push(String version, String profile) throws InterruptedException {
        return push(version, profile, DemoStage.USERS_PER_SECOND);
    }

    /** As {@link #push(String, String)}, with {@code usersPerSecond} the users' rate now (0: none). */
    DeploymentSummary push(String version, String profile, double usersPerSecond) throws InterruptedException {
        this.usersPerSecond = usersPerSecond;
        Baseline baseline = baseline();
        String digest = digest(DemoService.push(stage.twin(), DemoStage.SERVICE, version, profile));
        return follow(version, executionArn(version, digest), baseline, null);
    }

    /**
     * Pushes {@code version} and starts the pipeline as {@code greenlight start --approval manual} does: the
     * input the trigger builds, with approval by a person. The push rule is disabled first, so that the push
     * does not start an automatic release of its own.
     */
    DeploymentSummary startManually(String version, String profile, ManualApproval approval)
            throws InterruptedException {
        usersPerSecond = DemoStage.USERS_PER_SECOND;
        stage.twin().eventBridge().disableRule(r -> r.name(PipelineOnTwin.pushRuleName(DemoStage.SERVICE)));
        Baseline baseline = baseline();
        String digest = digest(DemoService.push(stage.twin(), DemoStage.SERVICE, version, profile));
        DeploymentInput input = new DeploymentInput(DemoStage.SERVICE, new ImageRef(DemoStage.SERVICE, version,
                digest), new DeploymentInput.Trigger("manual", "greenlight demo",
                        "the demo's round with a person's approval"), stage.manual(), null);
        String arn = PipelineStart.start(stage.twin().stepFunctions(), stage.pipeline().stateMachineArn(), input)
                .executionArn();
        return follow(version, arn, baseline, approval);
    }

    /** Before the push: when, which target group is blue, and what users have seen so far. */
    private record Baseline(Instant at, String blueTargetGroupArn, TrafficReport users) {
    }

    private Baseline baseline() {
        return new Baseline(clock.now(), stage.production().live(), users.report());
    }

    private DeploymentSummary follow(String version, String executionArn, Baseline baseline, ManualApproval approval)
            throws InterruptedException {
        boolean shifted = false;
        Instant onGreen = null;
        Instant backOnBlue = null;
        Instant tokenSeen = null;
        boolean approved = false;
        DescribeExecutionResponse execution = null;
        while (execution == null || execution.status() == ExecutionStatus.RUNNING) {
            pause.pause(LOOK_EVERY);
            Instant now = clock.now();
            if (Duration.between(baseline.at(), now).compareTo(GIVE_UP_AFTER) > 0) {
                throw new DemoFailed("the deployment of " + version + " did not end within "
                        + GIVE_UP_AFTER.toMinutes() + " minutes (execution " + executionArn + ")");
            }
            BlueGreen split = BlueGreen.of(stage.production(), baseline.blueTargetGroupArn());
            shifted |= split.greenPercent() > 0;
            if (shifted && onGreen == null) {
                onGreen = now;
            }
            if (shifted && split.allOnBlue() && backOnBlue == null) {
                backOnBlue = now;
            }
            ExecutionHistory history = history(executionArn);
            execution = history.execution();
            TrafficReport seen = users.report();
            display.show(new Observation(version, Duration.between(baseline.at(), now), history.currentState().orElse("starting"), split,
                    AlarmRoles.labelled(stage.alarmStates(), AlarmRoles.of(history.events())),
                    seen.succeeded() - baseline.users().succeeded(),
                    seen.failed() - baseline.users().failed()));
            Optional<String> token = history.waitingApproval();
            if (approval != null && token.isPresent() && !approved) {
                if (tokenSeen == null) {
                    tokenSeen = now;
                    display.say(approval.instructions(version, token.get()));
                } else if (approval.approveAfter() != null
                        && !now.isBefore(tokenSeen.plus(approval.approveAfter()))) {
                    approved = approve(token.get());
                }
            }
        }
        display.endLine();
        return summary(version, execution, baseline, ExecutionHistory.of(stage.twin().stepFunctions(), executionArn),
                onGreen, shifted ? backOnBlue : null);
    }

    private DeploymentSummary summary(String version, DescribeExecutionResponse execution, Baseline baseline,
            ExecutionHistory history, Instant onGreen, Instant backOnBlue) {
        Outcome outcome = Outcome.of(execution.status(), history.entered("Rollback"));
        TrafficReport seen = users.report();
        Optional<Instant> alarmed = outcome != Outcome.ROLLED_BACK ? Optional.empty() : firstAlarm(baseline.at());
        Duration detectionToRollback = backOnBlue == null ? null
                : alarmed.map(at -> Duration.between(at, backOnBlue)).orElse(null);
        Duration timeToDetect = onGreen == null ? null
                : alarmed.map(at -> at.isBefore(onGreen) ? Duration.ZERO : Duration.between(onGreen, at)).orElse(null);
        return new DeploymentSummary(version, outcome, execution.error(),
                Duration.between(execution.startDate(), execution.stopDate()), usersPerSecond,
                stage.auto().canary().percent(), seen.answered() - baseline.users().answered(),
                seen.failed() - baseline.users().failed(), timeToDetect, detectionToRollback);
    }

    /** The earliest transition to ALARM of the service's alarms since the push, from CloudWatch's history. */
    private Optional<Instant> firstAlarm(Instant since) {
        List<AlarmHistoryItem> items = new ArrayList<>();
        for (String alarm : stage.service().alarms()) {
            items.addAll(stage.twin().cloudWatch().describeAlarmHistory(r -> r.alarmName(alarm)
                    .historyItemType(HistoryItemType.STATE_UPDATE).startDate(since)).alarmHistoryItems());
        }
        return AlarmTransitions.firstAlarm(items, since);
    }

    private boolean approve(String taskToken) {
        try {
            stage.twin().stepFunctions().sendTaskSuccess(r -> r.taskToken(taskToken)
                    .output(ManualApproval.APPROVAL_OUTPUT));
            display.say("Approved on your behalf (--approve-after).");
        } catch (SfnException e) {
            // Someone answered first, or the approval ended (an alarm, the timeout): nothing left to approve.
            display.say("Could not approve: " + e.awsErrorDetails().errorMessage());
        }
        return true;
    }

    private ExecutionHistory history(String executionArn) {
        try {
            return ExecutionHistory.of(stage.twin().stepFunctions(), executionArn);
        } catch (ExecutionDoesNotExistException e) {
            return ExecutionHistory.NOT_STARTED; // EventBridge has not delivered the push to the trigger yet
        }
    }

    private String executionArn(String version, String digest) {
        return stage.pipeline().stateMachineArn().replace(":stateMachine:", ":execution:") + ":"
                + DeploymentInput.executionName(DemoStage.SERVICE, version, digest);
    }

    private static String digest(String imageUri) {
        return imageUri.substring(imageUri.indexOf('@') + 1);
    }
}
