package dev.greenlight.local.aws.ecr;

import java.util.Objects;
import software.amazon.awssdk.services.ecr.model.FindingSeverity;

/** A vulnerability the image's scan will report (a CVE name, its severity, a line about it). */
public record PlannedFinding(String name, FindingSeverity severity, String description) {

    public PlannedFinding {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
    }
}
