package dev.greenlight.workers.verify;

import dev.greenlight.workers.config.ServiceConfig.ScanThresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether an image may be deployed, and every reason it may not: scan findings over the configured
 * limits, required labels missing, a platform the service's tasks do not run on. No I/O.
 */
record ImageVerdict(boolean accepted, List<String> reasons) {

    /** At most this many vulnerability ids are named in one reason; the rest are counted. */
    static final int NAMES_SHOWN = 10;

    ImageVerdict {
        reasons = List.copyOf(reasons);
    }

    static ImageVerdict rejected(String reason) {
        return new ImageVerdict(false, List.of(reason));
    }

    /**
     * @param expected      the platform the service's task definition runs on
     * @param runsOn        the task definition that says so ({@code orders:7}), for the reason
     */
    static ImageVerdict assess(ImageEvidence image, Platform expected, String runsOn, ScanThresholds limits,
            List<String> requiredLabels) {
        List<String> reasons = new ArrayList<>();
        if (image.scanProblem() != null) {
            reasons.add("the vulnerability scan cannot be used: " + image.scanProblem());
        }
        if (image.scan() != null && limits != null) {
            overLimit(image.scan(), "CRITICAL", limits.maxCritical(), reasons);
            overLimit(image.scan(), "HIGH", limits.maxHigh(), reasons);
            overLimit(image.scan(), "MEDIUM", limits.maxMedium(), reasons);
        }
        if (image.unreadable() != null) {
            reasons.add("cannot read the image config, so its labels and platform are unchecked: "
                    + image.unreadable());
        } else {
            platform(image.platforms(), expected, runsOn, reasons);
            labels(image.labels(), requiredLabels, reasons);
        }
        return new ImageVerdict(reasons.isEmpty(), reasons);
    }

    private static void overLimit(ScanFindings scan, String severity, Integer max, List<String> reasons) {
        int count = scan.count(severity);
        if (max == null || count <= max) {
            return;
        }
        List<String> names = scan.names(severity);
        String shown = names.stream().limit(NAMES_SHOWN).collect(Collectors.joining(", "));
        String more = names.size() > NAMES_SHOWN ? " and " + (names.size() - NAMES_SHOWN) + " more" : "";
        reasons.add(count + " " + severity + " finding" + (count == 1 ? "" : "s") + ", at most " + max
                + " allowed (config.scan.max" + severity.charAt(0) + severity.substring(1).toLowerCase() + ")"
                + (names.isEmpty() ? "" : ": " + shown + more));
    }

    private static void platform(List<Platform> platforms, Platform expected, String runsOn, List<String> reasons) {
        if (platforms.contains(expected)) {
            return;
        }
        reasons.add("the image is built for " + (platforms.isEmpty() ? "no platform"
                : platforms.stream().map(Platform::toString).collect(Collectors.joining(", ")))
                + " but task definition " + runsOn + " runs on " + expected
                + " (its runtimePlatform): build the image for " + expected
                + " or change the task definition's runtimePlatform");
    }

    private static void labels(Map<String, String> labels, List<String> required, List<String> reasons) {
        for (String label : required == null ? List.<String>of() : required) {
            String value = labels.get(label);
            if (value == null || value.isBlank()) {
                reasons.add("label '" + label + "' is " + (value == null ? "missing from" : "empty in")
                        + " the image config (config.requiredLabels): add it at build time, e.g. docker build --label "
                        + label + "=…");
            }
        }
    }
}
