package dev.greenlight.local.aws.ecr;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecr.model.FindingSeverity;
import software.amazon.awssdk.services.ecr.model.ImageScanFinding;

/** What a completed scan reports: counts by severity (only severities found) and the findings. */
final class ScanReport {

    private ScanReport() {
    }

    static Map<FindingSeverity, Integer> counts(List<PlannedFinding> findings) {
        Map<FindingSeverity, Integer> counts = new EnumMap<>(FindingSeverity.class);
        findings.forEach(finding -> counts.merge(finding.severity(), 1, Integer::sum));
        return counts;
    }

    /** As the {@code ECR Image Scan} event writes them: severity names in order, only those found. */
    static Map<String, Integer> countsByName(List<PlannedFinding> findings) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        counts(findings).forEach((severity, count) -> byName.put(severity.toString(), count));
        return byName;
    }

    static List<ImageScanFinding> findings(List<PlannedFinding> findings) {
        return findings.stream().map(finding -> ImageScanFinding.builder()
                .name(finding.name())
                .severity(finding.severity())
                .description(finding.description())
                .uri("https://cve.mitre.org/cgi-bin/cvename.cgi?name=" + finding.name())
                .build()).toList();
    }
}
