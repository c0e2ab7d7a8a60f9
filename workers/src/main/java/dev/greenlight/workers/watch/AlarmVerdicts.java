package dev.greenlight.workers.watch;

import dev.greenlight.workers.analysis.Analysis;
import dev.greenlight.workers.analysis.EvidenceVerdict;
import dev.greenlight.workers.analysis.Roles;
import dev.greenlight.workers.backend.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The watch verdict, a pure function of what CodeDeploy and CloudWatch said, the canary analysis
 * and the time: no I/O. An alarm counts when it is in ALARM now or went to ALARM at any time since
 * the window opened, so an alarm that flapped to ALARM and back between two polls still rolls the
 * release back. Alarms and the analysis are independent triggers: either one rolls back.
 */
public final class AlarmVerdicts {

    /** Polls are at least this far apart (Step Functions history and cost), and at most this far. */
    static final long MIN_CHECK_SECONDS = 10;
    static final long MAX_CHECK_SECONDS = 1800;
    /** A window is looked at about this many times, so a 48-hour bake stays under 2,000 history events. */
    static final long CHECKS_PER_WINDOW = 150;

    public static final String ALARM = "ALARM";

    /** An alarm as DescribeAlarms reports it now; {@code targetGroup} the one its metric is about, or null. */
    public record AlarmNow(String name, String state, String reason, Instant updatedAt, String targetGroup) {
        public AlarmNow(String name, String state, String reason, Instant updatedAt) {
            this(name, state, reason, updatedAt, null);
        }
    }

    /** A StateUpdate item of DescribeAlarmHistory: {@code alarmName} went to {@code newState} at {@code at}. */
    public record StateChange(String alarmName, Instant at, String newState, String reason) {
    }

    /** The deployment's phase, and the backend's own status (CodeDeploy's InProgress, …) and error for the history. */
    public record DeploymentState(Phase phase, String status, String errorCode, String errorMessage) {
        public DeploymentState {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(status, "status");
        }
    }

    /** The watched window: from {@code start}, {@code length} long. */
    public record Window(Instant start, Duration length) {
        public Window {
            Objects.requireNonNull(start, "start");
            if (length == null || length.isNegative()) {
                throw new IllegalArgumentException("a window's length must be zero or more, got " + length);
            }
        }

        public Instant end() {
            return start.plus(length);
        }
    }

    /**
     * One alarm's evidence: its state now, when it first fired in the window (null if it did not),
     * why, and the role of the target group it watches in this deployment ("blue", "green" or null).
     */
    public record AlarmReport(String name, String state, Instant firedAt, String reason, String role,
            String targetGroup) {
        public boolean fired() {
            return firedAt != null;
        }
    }

    public record Assessment(Verdict verdict, List<AlarmReport> alarms, boolean windowOver, boolean readyToPromote,
            long nextCheckSeconds, Analysis analysis) {
    }

    private AlarmVerdicts() {
    }

    /** Alarms and the deployment only: no evidence asked for (promotion and rollback are watched so). */
    public static Assessment assess(DeploymentState deployment, List<AlarmNow> alarms, List<StateChange> history,
            Window window, Instant now) {
        return assess(deployment, alarms, history, window, now, null, null, null, null);
    }

    /**
     * @param roles        blue's and green's target groups, null when not known yet
     * @param releaseStart when this version started (the canary's start): a green alarm in ALARM since
     *                     before then speaks of the previous version on that target group, not this one
     * @param analysis     the canary analysis of this look, null when none was asked for
     * @param deadline     when evidence is due: INSUFFICIENT_EVIDENCE from then on; null for no deadline
     */
    public static Assessment assess(DeploymentState deployment, List<AlarmNow> alarms, List<StateChange> history,
            Window window, Instant now, Roles roles, Instant releaseStart, Analysis analysis, Instant deadline) {
        Instant since = releaseStart == null ? window.start() : releaseStart;
        List<AlarmReport> reports = alarms.stream()
                .map(alarm -> report(alarm, history, window, now, roles, since)).toList();
        boolean windowOver = !now.isBefore(window.end());
        boolean due = deadline != null && !now.isBefore(deadline);
        return new Assessment(verdict(deployment, reports, analysis, due), reports, windowOver,
                readyToPromote(deployment), nextCheckSeconds(window, now, deadline), analysis);
    }

    /**
     * Alarms first, then the backend's failure, then the analysis: a significant failure at any look,
     * missing evidence once it is due or once CodeDeploy finished without it (never a silent promotion).
     */
    private static Verdict verdict(DeploymentState deployment, List<AlarmReport> alarms, Analysis analysis,
            boolean evidenceDue) {
        if (alarms.stream().anyMatch(AlarmReport::fired)) {
            return Verdict.ALARM;
        }
        if (deployment.phase() == Phase.ENDED_UNSUCCESSFULLY) {
            return Verdict.DEPLOYMENT_FAILED;
        }
        if (analysis != null && analysis.verdict() == EvidenceVerdict.FAIL) {
            return Verdict.ANALYSIS_FAILED;
        }
        boolean succeeded = deployment.phase() == Phase.SUCCEEDED;
        if (analysis != null && analysis.verdict() == EvidenceVerdict.INSUFFICIENT_EVIDENCE
                && (evidenceDue || succeeded)) {
            return Verdict.INSUFFICIENT_EVIDENCE;
        }
        return succeeded ? Verdict.DEPLOYMENT_SUCCEEDED : Verdict.HEALTHY;
    }

    /** All production traffic on green with blue kept (the termination wait), or waiting to be let on. */
    private static boolean readyToPromote(DeploymentState deployment) {
        return deployment.phase() == Phase.READY_TO_PROMOTE;
    }

    /**
     * In ALARM now: fired when it went there (even before the window opened), unless it watches green
     * and went there before this version served anything (the idle target group's alarm left over from
     * the version rolled back before: stale, not evidence about this one; the analysis and a new
     * transition still catch this version). Otherwise fired at its first transition to ALARM inside the
     * window, if any: the flap between two polls.
     */
    private static AlarmReport report(AlarmNow alarm, List<StateChange> history, Window window, Instant now,
            Roles roles, Instant releaseStart) {
        String role = roles == null ? null : roles.roleOf(alarm.targetGroup());
        Optional<StateChange> firstInWindow = history.stream()
                .filter(change -> change.alarmName().equals(alarm.name()) && ALARM.equals(change.newState()))
                .filter(change -> !change.at().isBefore(window.start()) && !change.at().isAfter(now))
                .min(Comparator.comparing(StateChange::at));
        if (firstInWindow.isPresent()) {
            StateChange fired = firstInWindow.get();
            String reason = ALARM.equals(alarm.state()) ? alarm.reason()
                    : fired.reason() + " (back to " + alarm.state() + " since " + alarm.updatedAt() + ")";
            return new AlarmReport(alarm.name(), alarm.state(), fired.at(), reason, role, alarm.targetGroup());
        }
        if (ALARM.equals(alarm.state()) && Roles.GREEN.equals(role) && alarm.updatedAt() != null
                && alarm.updatedAt().isBefore(releaseStart)) {
            return new AlarmReport(alarm.name(), alarm.state(), null, "in ALARM since " + alarm.updatedAt()
                    + ", before this version served: left over from the previous version on " + alarm.targetGroup()
                    + " (" + alarm.reason() + ")", role, alarm.targetGroup());
        }
        if (ALARM.equals(alarm.state())) {
            return new AlarmReport(alarm.name(), alarm.state(), alarm.updatedAt(), alarm.reason(), role,
                    alarm.targetGroup());
        }
        return new AlarmReport(alarm.name(), alarm.state(), null, alarm.reason(), role, alarm.targetGroup());
    }

    /**
     * {@code ceil(window / 150)} seconds, from 10 to 1,800, but never past the window's end nor the
     * evidence deadline (at least 1 s), so the looks that close the window and decide on missing
     * evidence come on time. Past both, the plain interval.
     */
    static long nextCheckSeconds(Window window, Instant now, Instant deadline) {
        long windowSeconds = window.length().getSeconds();
        long interval = Math.min(MAX_CHECK_SECONDS,
                Math.max(MIN_CHECK_SECONDS, (windowSeconds + CHECKS_PER_WINDOW - 1) / CHECKS_PER_WINDOW));
        Instant next = now.isBefore(window.end()) ? window.end()
                : deadline != null && now.isBefore(deadline) ? deadline : null;
        if (next == null) {
            return interval;
        }
        Duration left = Duration.between(now, next);
        long leftSeconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        return Math.max(1, Math.min(interval, leftSeconds));
    }
}
