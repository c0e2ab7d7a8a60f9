package dev.greenlight.workers.watch;

import static dev.greenlight.workers.core.InvalidInput.blank;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.analysis.AlarmTargets;
import dev.greenlight.workers.analysis.Analysis;
import dev.greenlight.workers.analysis.CanaryAnalysis;
import dev.greenlight.workers.analysis.Limits;
import dev.greenlight.workers.analysis.LoadBalancerMetrics;
import dev.greenlight.workers.analysis.Roles;
import dev.greenlight.workers.analysis.Traffic;
import dev.greenlight.workers.backend.Backends;
import dev.greenlight.workers.backend.CodeDeployBackend;
import dev.greenlight.workers.backend.DeploymentBackend;
import dev.greenlight.workers.backend.Phase;
import dev.greenlight.workers.config.ServiceConfig.Canary;
import dev.greenlight.workers.core.Clients;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.core.InvalidInput;
import dev.greenlight.workers.smoke.SmokeTags;
import dev.greenlight.workers.watch.AlarmVerdicts.AlarmNow;
import dev.greenlight.workers.watch.AlarmVerdicts.AlarmReport;
import dev.greenlight.workers.watch.AlarmVerdicts.Assessment;
import dev.greenlight.workers.watch.AlarmVerdicts.DeploymentState;
import dev.greenlight.workers.watch.AlarmVerdicts.StateChange;
import dev.greenlight.workers.watch.AlarmVerdicts.Window;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * One look at a deployment in its window: the backend's look, the alarms now, their state changes since
 * the window opened and, when {@code canary} is given, the evidence: blue's and green's load
 * balancer metrics since {@code evidenceStart}, judged by {@link CanaryAnalysis}. The verdict is
 * {@link AlarmVerdicts#assess}'s. Says when to look next instead of waiting. Once the smoke-test hook
 * has tagged green's task definition with its report ({@link SmokeTags}), every look carries it, so the
 * execution history shows on what evidence the first gate decided.
 */
public final class WatchDeployment extends Worker<WatchDeployment.Input, WatchDeployment.Output> {

    /**
     * {@code windowStart} ISO-8601; {@code alarms} may be empty, not missing. {@code canary} (the
     * service's config.canary) asks for the analysis, over the traffic since {@code evidenceStart}
     * (default: windowStart); evidence is due ({@code evidenceDue}) at windowStart + canary.maxMinutes
     * ({@code AT_MAX_MINUTES}), at the window's end ({@code AT_WINDOW_END}), or never (null).
     */
    public record Input(String deploymentId, List<String> alarms, String windowStart, Integer windowMinutes,
            Canary canary, String evidenceStart, EvidenceDue evidenceDue) {

        public Input(String deploymentId, List<String> alarms, String windowStart, Integer windowMinutes) {
            this(deploymentId, alarms, windowStart, windowMinutes, null, null, null);
        }
    }

    /** When missing evidence ends the watch. */
    public enum EvidenceDue { AT_MAX_MINUTES, AT_WINDOW_END }

    /**
     * {@code analysis} null when none was asked for; {@code evidenceDueAt} null with no deadline;
     * {@code smokeTest} null until the smoke-test hook has tagged green's task set.
     */
    public record Output(Verdict verdict, String deploymentStatus, String errorCode, String errorMessage,
            boolean windowOver, boolean readyToPromote, List<AlarmOut> alarms, long nextCheckSeconds,
            String checkedAt, Analysis analysis, String evidenceDueAt, SmokeTags.SmokeTest smokeTest) {
    }

    /** {@code role}: "blue" (served production before), "green" (the replacement) or null (neither). */
    public record AlarmOut(String name, String state, String firedAt, String reason, String role,
            String targetGroup) {
        static AlarmOut of(AlarmReport report) {
            return new AlarmOut(report.name(), report.state(),
                    report.firedAt() == null ? null : report.firedAt().toString(), report.reason(), report.role(),
                    report.targetGroup());
        }
    }

    /** The error code of a deployment whose smoke-test hook failed: CodeDeploy's, which the definition checks. */
    static final String SMOKE_TEST_FAILED = "HOOK_EXECUTION_FAILURE";

    /** DescribeAlarms takes at most 100 names a call. */
    private static final int NAMES_PER_CALL = 100;

    private final Backends backends;
    private final EcsClient ecs;
    private final CloudWatchClient cloudWatch;
    private final LoadBalancerMetrics metrics;
    private final Clock clock;

    public WatchDeployment() {
        this(Backends.fromEnvironment(), Clients.ecs(), Clients.cloudWatch(), Clients.elb(), Clock.systemUTC());
    }

    public WatchDeployment(CodeDeployClient codeDeploy, EcsClient ecs, CloudWatchClient cloudWatch,
            ElasticLoadBalancingV2Client elb, Clock clock) {
        this(Backends.codeDeployOnly(new CodeDeployBackend(codeDeploy)), ecs, cloudWatch, elb, clock);
    }

    public WatchDeployment(Backends backends, EcsClient ecs, CloudWatchClient cloudWatch,
            ElasticLoadBalancingV2Client elb, Clock clock) {
        super(Input.class);
        this.backends = Objects.requireNonNull(backends, "backends");
        this.ecs = Objects.requireNonNull(ecs, "ecs");
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        this.metrics = new LoadBalancerMetrics(cloudWatch, elb);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Output apply(Input input) {
        Window window = window(input);
        Instant now = clock.instant();
        DeploymentBackend.Look look = backends.forDeployment(input.deploymentId()).look(input.deploymentId());
        DeploymentState deployment = new DeploymentState(look.phase(), look.status(), look.errorCode(),
                look.errorMessage());
        List<String> names = List.copyOf(new LinkedHashSet<>(input.alarms()));
        List<AlarmNow> alarms = alarmsNow(names);
        List<StateChange> history = new ArrayList<>();
        names.forEach(name -> history.addAll(stateChanges(name, window.start(), now)));
        Roles roles = look.roles();
        SmokeTags.SmokeTest smokeTest = smokeTest(look);
        Instant releaseStart = blank(input.evidenceStart()) ? window.start() : Instant.parse(input.evidenceStart());
        Analysis analysis = input.canary() == null ? null : analyse(input, roles, releaseStart, now);
        Instant deadline = input.evidenceDue() == null ? null : switch (input.evidenceDue()) {
            case AT_MAX_MINUTES -> window.start().plus(Duration.ofMinutes(input.canary().maxMinutes()));
            case AT_WINDOW_END -> window.end();
        };
        Assessment assessment = AlarmVerdicts.assess(deployment, alarms, history, window, now, roles, releaseStart,
                analysis, deadline);
        return new Output(assessment.verdict(), deployment.status(), errorCode(look, smokeTest),
                deployment.errorMessage(), assessment.windowOver(), assessment.readyToPromote(),
                assessment.alarms().stream().map(AlarmOut::of).toList(), assessment.nextCheckSeconds(),
                now.toString(), analysis, deadline == null ? null : deadline.toString(), smokeTest);
    }

    /**
     * The hook's report, from the tags of the task definition the deployment's AppSpec names: one
     * DescribeTaskDefinition call. Null before the hook has tagged, or when the tags are another
     * deployment's.
     */
    private SmokeTags.SmokeTest smokeTest(DeploymentBackend.Look look) {
        String green = look.greenTaskDefinition();
        if (green == null) {
            return null;
        }
        Map<String, String> tags = new HashMap<>();
        ecs.describeTaskDefinition(r -> r.taskDefinition(green).include(TaskDefinitionField.TAGS)).tags()
                .forEach(tag -> tags.put(tag.key(), tag.value() == null ? "" : tag.value()));
        return look.deploymentId().equals(tags.get(SmokeTags.DEPLOYMENT)) ? SmokeTags.read(tags) : null;
    }

    /**
     * The backend's error code; when it gives none (ECS gives a reason only) and the deployment ended
     * after the smoke test failed, {@link #SMOKE_TEST_FAILED}: the pipeline names the smoke test's failure
     * so, whichever backend ran the hook.
     */
    private static String errorCode(DeploymentBackend.Look look, SmokeTags.SmokeTest smokeTest) {
        if (look.errorCode() == null && look.phase() == Phase.ENDED_UNSUCCESSFULLY && smokeTest != null
                && "FAILED".equals(smokeTest.status())) {
            return SMOKE_TEST_FAILED;
        }
        return look.errorCode();
    }

    /** Before CodeDeploy has a replacement task set, green has served nothing: no evidence yet. */
    private Analysis analyse(Input input, Roles roles, Instant since, Instant now) {
        Limits limits = Limits.of(input.canary());
        if (roles == null) {
            return CanaryAnalysis.analyse(Traffic.NONE, Traffic.NONE, limits);
        }
        LoadBalancerMetrics.Served served = metrics.served(roles, since, now);
        return CanaryAnalysis.analyse(served.green(), served.blue(), limits);
    }

    /** Metric and composite alarms, in the order asked; a name CloudWatch does not know is an error. */
    private List<AlarmNow> alarmsNow(List<String> names) {
        List<AlarmNow> found = new ArrayList<>();
        for (int from = 0; from < names.size(); from += NAMES_PER_CALL) {
            List<String> batch = names.subList(from, Math.min(names.size(), from + NAMES_PER_CALL));
            String token = null;
            do {
                String page = token;
                DescribeAlarmsResponse response = cloudWatch.describeAlarms(r -> r.alarmNames(batch)
                        .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).nextToken(page));
                response.metricAlarms().forEach(a -> found.add(new AlarmNow(a.alarmName(), a.stateValueAsString(),
                        a.stateReason(), a.stateUpdatedTimestamp(), AlarmTargets.targetGroupOf(a))));
                response.compositeAlarms().forEach(a -> found.add(new AlarmNow(a.alarmName(),
                        a.stateValueAsString(), a.stateReason(), a.stateUpdatedTimestamp())));
                token = response.nextToken();
            } while (token != null);
        }
        Set<String> seen = new HashSet<>();
        found.forEach(alarm -> seen.add(alarm.name()));
        List<String> missing = names.stream().filter(name -> !seen.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new AlarmsNotFound(missing);
        }
        return found.stream().sorted((a, b) -> names.indexOf(a.name()) - names.indexOf(b.name())).toList();
    }

    /** The alarm's StateUpdate items from {@code since} to {@code now}, oldest first. */
    private List<StateChange> stateChanges(String alarm, Instant since, Instant now) {
        List<StateChange> changes = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            DescribeAlarmHistoryResponse response = cloudWatch.describeAlarmHistory(r -> r.alarmName(alarm)
                    .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM)
                    .historyItemType(HistoryItemType.STATE_UPDATE).startDate(since).endDate(now)
                    .scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(page));
            response.alarmHistoryItems().forEach(item -> changes.add(stateChange(item)));
            token = response.nextToken();
        } while (token != null);
        return changes;
    }

    /**
     * HistoryData of a StateUpdate: {@code {"oldState": {"stateValue": …}, "newState": {"stateValue": …,
     * "stateReason": …}}}; its summary ("Alarm updated from OK to ALARM") when the data cannot be read.
     */
    static StateChange stateChange(AlarmHistoryItem item) {
        String newState = null;
        String reason = item.historySummary();
        try {
            JsonNode data = item.historyData() == null ? null : JSON.readTree(item.historyData());
            if (data != null && data.path("newState").path("stateValue").isTextual()) {
                newState = data.path("newState").path("stateValue").asText();
                reason = data.path("newState").path("stateReason").asText(reason);
            }
        } catch (IOException unreadable) {
            // Fall back on the summary below.
        }
        if (newState == null && item.historySummary() != null) {
            String summary = item.historySummary();
            newState = summary.substring(summary.lastIndexOf(' ') + 1);
        }
        return new StateChange(item.alarmName(), item.timestamp(), newState, reason);
    }

    private static boolean parses(String instant) {
        try {
            Instant.parse(instant);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Window window(Input input) {
        InvalidInput.Check check = InvalidInput.of("WatchDeployment")
                .require(!blank(input.deploymentId()), "deploymentId is missing: pass StartDeployment's deploymentId")
                .require(input.alarms() != null, "alarms is missing: pass the service's config.alarms (an empty "
                        + "list watches no alarm)")
                .require(input.windowMinutes() != null && input.windowMinutes() >= 0,
                        "windowMinutes must be a whole number of minutes, 0 or more, got " + input.windowMinutes());
        Instant start = null;
        try {
            start = blank(input.windowStart()) ? null : Instant.parse(input.windowStart());
        } catch (DateTimeParseException e) {
            // Reported below.
        }
        check.require(start != null, "windowStart must be an ISO-8601 instant such as 2026-01-01T12:00:00Z "
                + "(StartDeployment's startedAt, or when the window opened), got " + input.windowStart());
        check.require(blank(input.evidenceStart()) || parses(input.evidenceStart()), "evidenceStart must be an "
                + "ISO-8601 instant (when the canary opened), got " + input.evidenceStart());
        check.require(input.evidenceDue() == null || input.canary() != null,
                "evidenceDue needs canary: pass the service's config.canary");
        check.require(input.canary() == null || input.canary().minRequests() >= 1,
                "canary.minRequests must be at least 1: a release is promoted only on evidence");
        check.orThrow();
        return new Window(start, Duration.ofMinutes(input.windowMinutes()));
    }
}
