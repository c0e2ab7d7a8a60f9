package dev.greenlight.workers.preflight;

import dev.greenlight.workers.core.DeploymentInput.Decision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Preflight's decisions, without I/O: which push supersedes this one, and the verdict. */
final class PreflightVerdicts {

    private PreflightVerdicts() {
    }

    /** The newest tagged image pushed after {@code image}, if any: it supersedes this one, which need not deploy. */
    static Optional<PushedImage> newerPush(PushedImage image, List<PushedImage> repository) {
        return repository.stream()
                .filter(other -> !other.digest().equals(image.digest()) && !other.tags().isEmpty())
                .filter(other -> other.pushedAt().isAfter(image.pushedAt()))
                .max(Comparator.comparing(PushedImage::pushedAt));
    }

    /**
     * SUPERSEDED before WINDOW_TOO_SHORT before ALARM_FIRING (nothing is deployed either way). Only
     * alarms about what users are served now block: an alarm on the idle target group (the side a
     * rollback or the last release left without users) is reported, not blocking. Firing alarms
     * only pass with an override; a canary too short to see anything never does.
     *
     * @param servedNow the target groups the production listener forwards to now; null when unknown
     *                  (then every firing alarm blocks)
     */
    static Preflight.Output decide(PushedImage image, Optional<PushedImage> newer, List<String> windowTooShort,
            List<FiringAlarm> allFiring, Set<String> servedNow, Decision override) {
        if (newer.isPresent()) {
            return new Preflight.Output(PreflightVerdict.SUPERSEDED, List.of("superseded by " + newer.get()
                    + " pushed at " + newer.get().pushedAt() + ", after this image (" + image + ", pushed at "
                    + image.pushedAt() + "): the newer push deploys instead"), allFiring);
        }
        if (!windowTooShort.isEmpty()) {
            List<String> reasons = new ArrayList<>(windowTooShort);
            reasons.add("lengthen canary.minutes (and canary.maxMinutes) in greenlight.json, or shorten the alarms'"
                    + " Period x DatapointsToAlarm");
            return new Preflight.Output(PreflightVerdict.WINDOW_TOO_SHORT, reasons, allFiring);
        }
        List<String> reasons = new ArrayList<>();
        List<FiringAlarm> firing = new ArrayList<>();
        for (FiringAlarm alarm : allFiring) {
            if (idle(alarm, servedNow)) {
                reasons.add("alarm " + alarm.name() + " fires but watches target group " + alarm.targetGroup()
                        + ", which serves no user now (the idle side after the last release or rollback): "
                        + "not blocking");
            } else {
                firing.add(alarm);
            }
        }
        if (firing.isEmpty()) {
            return new Preflight.Output(PreflightVerdict.CLEAR, reasons, firing);
        }
        firing.forEach(alarm -> reasons.add("alarm " + alarm.name() + " is in ALARM since " + alarm.since()
                + (alarm.reason() == null ? "" : ": " + alarm.reason())));
        if (override == null) {
            reasons.add("not deploying while the service's alarms fire; to deploy anyway, start the deployment with "
                    + "override.alarmsFiring {\"by\": \"…\", \"reason\": \"…\"}");
            return new Preflight.Output(PreflightVerdict.ALARM_FIRING, reasons, firing);
        }
        reasons.add("deploying although alarms fire: override by " + override.by() + ": " + override.reason());
        return new Preflight.Output(PreflightVerdict.CLEAR, reasons, firing);
    }

    /** Whether the alarm watches a target group no user is served from now (null: not known, so not idle). */
    static boolean idle(FiringAlarm alarm, Set<String> servedNow) {
        return alarm.targetGroup() != null && servedNow != null && !servedNow.contains(alarm.targetGroup());
    }
}
