package dev.greenlight.workers.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The watch verdict, a pure function of what CodeDeploy and CloudWatch said and the time: no I/O.
 * An alarm counts when it is in ALARM now or went to ALARM at any time since the window opened, so
 * an alarm that flapped to ALARM and back between two polls still rolls the release back.
 */
public final class AlarmVerdicts {

    /** Polls are at least this far apart (Step Functions history and cost), and at most this far. */
    static final long MIN_CHECK_SECONDS = 10;
    static final long MAX_CHECK_SECONDS = 1800;
    /** A window is looked at about this many times, so a 48-hour bake stays under 2,000 history events. */
    static final long CHECKS_PER_WINDOW = 150;

    public static final String ALARM = "ALARM";

    /** An alarm as DescribeAlarms reports it now. */
    public record AlarmNow(String name, String state, String reason, Instant updatedAt) {
    }

    /** A StateUpdate item of DescribeAlarmHistory: {@code alarmName} went to {@code newState} at {@code at}. */
    public record StateChange(String alarmName, Instant at, String newState, String reason) {
    }

    /** GetDeployment's status (CodeDeploy's spelling: InProgress, Ready, Succeeded, …) and error. */
    public record DeploymentState(String status, String errorCode, String errorMessage,
            boolean terminationWaitStarted) {
        public DeploymentState {
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

    /** One alarm's evidence: its state now, when it first fired in the window (null if it did not), why. */
    public record AlarmReport(String name, String state, Instant firedAt, String reason) {
        public boolean fired() {
            return firedAt != null;
        }
    }

    public record Assessment(Verdict verdict, List<AlarmReport> alarms, boolean windowOver, boolean readyToPromote,
            long nextCheckSeconds) {
    }

    private AlarmVerdicts() {
    }

    public static Assessment assess(DeploymentState deployment, List<AlarmNow> alarms, List<StateChange> history,
            Window window, Instant now) {
        List<AlarmReport> reports = alarms.stream().map(alarm -> report(alarm, history, window, now)).toList();
        boolean windowOver = !now.isBefore(window.end());
        return new Assessment(verdict(deployment, reports), reports, windowOver, readyToPromote(deployment),
                nextCheckSeconds(window, now));
    }

    private static Verdict verdict(DeploymentState deployment, List<AlarmReport> alarms) {
        if (alarms.stream().anyMatch(AlarmReport::fired)) {
            return Verdict.ALARM;
        }
        return switch (deployment.status()) {
            case "Failed", "Stopped" -> Verdict.DEPLOYMENT_FAILED;
            case "Succeeded" -> Verdict.DEPLOYMENT_SUCCEEDED;
            default -> Verdict.HEALTHY;
        };
    }

    /** All production traffic on green with blue kept (the termination wait), or waiting to be let on. */
    private static boolean readyToPromote(DeploymentState deployment) {
        return "InProgress".equals(deployment.status()) && deployment.terminationWaitStarted()
                || "Ready".equals(deployment.status());
    }

    /**
     * In ALARM now: fired when it went there (even before the window opened). Otherwise fired at its
     * first transition to ALARM inside the window, if any: the flap between two polls.
     */
    private static AlarmReport report(AlarmNow alarm, List<StateChange> history, Window window, Instant now) {
        Optional<StateChange> firstInWindow = history.stream()
                .filter(change -> change.alarmName().equals(alarm.name()) && ALARM.equals(change.newState()))
                .filter(change -> !change.at().isBefore(window.start()) && !change.at().isAfter(now))
                .min(Comparator.comparing(StateChange::at));
        if (firstInWindow.isPresent()) {
            StateChange fired = firstInWindow.get();
            String reason = ALARM.equals(alarm.state()) ? alarm.reason()
                    : fired.reason() + " (back to " + alarm.state() + " since " + alarm.updatedAt() + ")";
            return new AlarmReport(alarm.name(), alarm.state(), fired.at(), reason);
        }
        if (ALARM.equals(alarm.state())) {
            return new AlarmReport(alarm.name(), alarm.state(), alarm.updatedAt(), alarm.reason());
        }
        return new AlarmReport(alarm.name(), alarm.state(), null, alarm.reason());
    }

    /**
     * {@code ceil(window / 150)} seconds, from 10 to 1,800, but never past the window's end (at least
     * 1 s), so the look that closes the window comes on time. Past the end, the plain interval.
     */
    static long nextCheckSeconds(Window window, Instant now) {
        long windowSeconds = window.length().getSeconds();
        long interval = Math.min(MAX_CHECK_SECONDS,
                Math.max(MIN_CHECK_SECONDS, (windowSeconds + CHECKS_PER_WINDOW - 1) / CHECKS_PER_WINDOW));
        if (!now.isBefore(window.end())) {
            return interval;
        }
        Duration left = Duration.between(now, window.end());
        long leftSeconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        return Math.max(1, Math.min(interval, leftSeconds));
    }
}
