package dev.greenlight.workers.preflight;

import dev.greenlight.workers.core.DeploymentInput.Decision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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

    /** SUPERSEDED before ALARM_FIRING (nothing is deployed either way); firing alarms only pass with an override. */
    static Preflight.Output decide(PushedImage image, Optional<PushedImage> newer, List<FiringAlarm> firing,
            Decision override) {
        if (newer.isPresent()) {
            return new Preflight.Output(PreflightVerdict.SUPERSEDED, List.of("superseded by " + newer.get()
                    + " pushed at " + newer.get().pushedAt() + ", after this image (" + image + ", pushed at "
                    + image.pushedAt() + "): the newer push deploys instead"), firing);
        }
        if (firing.isEmpty()) {
            return new Preflight.Output(PreflightVerdict.CLEAR, List.of(), firing);
        }
        List<String> reasons = new ArrayList<>();
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
}
