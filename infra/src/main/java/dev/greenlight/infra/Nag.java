package dev.greenlight.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.constructs.IConstruct;

/** cdk-nag suppressions, each next to the resource it concerns and with the reason it is sound. */
final class Nag {

    private Nag() {
    }

    /** Suppresses {@code rule} on the construct and its children; {@code appliesTo} narrows it to findings. */
    static void suppress(IConstruct construct, String rule, String reason, String... appliesTo) {
        NagPackSuppression.Builder suppression = NagPackSuppression.builder().id(rule).reason(reason);
        if (appliesTo.length > 0) {
            suppression.appliesTo(List.of((Object[]) appliesTo));
        }
        NagSuppressions.addResourceSuppressions(construct, List.of(suppression.build()), true);
    }

    /** Suppresses {@code rule} only for findings whose resource matches {@code regex} (cdk-nag's /…/ form). */
    static void suppressMatching(IConstruct construct, String rule, String reason, String regex) {
        NagSuppressions.addResourceSuppressions(construct, List.of(NagPackSuppression.builder().id(rule).reason(reason)
                .appliesTo(List.of(io.github.cdklabs.cdknag.RegexAppliesTo.builder().regex(regex).build())).build()),
                true);
    }
}
