package dev.greenlight.local.aws.ecr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An image as the twin's {@code push} builds it, instead of a docker build: its tag, platform,
 * labels, the findings its scan will report and the sample app's behaviour (the app profile:
 * {@code healthy}, {@code errors}, {@code slow}, {@code unhealthy}, {@code crash}), which goes
 * into the image config's labels under {@link #PROFILE_LABEL} for the fleet to read; a null profile
 * builds an image without that label, as any other client's image is.
 */
public record LocalImage(String tag, String os, String architecture, Map<String, String> labels,
        List<PlannedFinding> findings, String appProfile) {

    public static final String PROFILE_LABEL = "dev.greenlight.profile";

    public LocalImage {
        Objects.requireNonNull(tag, "tag");
        os = os == null ? "linux" : os;
        architecture = architecture == null ? "amd64" : architecture;
        labels = Map.copyOf(labels);
        findings = List.copyOf(findings);
    }

    /** A linux/amd64 image with no labels and a clean scan. */
    public static LocalImage of(String tag, String appProfile) {
        return new LocalImage(tag, "linux", "amd64", Map.of(), List.of(), appProfile);
    }

    public LocalImage withFindings(List<PlannedFinding> planned) {
        return new LocalImage(tag, os, architecture, labels, planned, appProfile);
    }
}
