package dev.greenlight.workers.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsResponse;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecr.model.EnhancedImageScanFinding;
import software.amazon.awssdk.services.ecr.model.ImageScanFinding;
import software.amazon.awssdk.services.ecr.model.ScanNotFoundException;

/**
 * An image's scan through DescribeImageScanFindings (basic and enhanced scanning): complete, still
 * running ({@link ScanInProgress}), or unusable. An image never scanned on a repository that does
 * not scan on push gets a basic scan started, and the step is retried until it completes.
 */
final class ScanReader {

    /** A scan's outcome: findings, or why there are none to judge. */
    record Scan(ScanFindings findings, String problem) {
    }

    private final EcrClient ecr;

    ScanReader(EcrClient ecr) {
        this.ecr = ecr;
    }

    /** @throws ScanInProgress when the scan has not finished (or not started on a scan-on-push repository) */
    Scan read(String registryId, String repository, String digest, boolean scanOnPush) {
        String image = repository + "@" + digest;
        List<DescribeImageScanFindingsResponse> pages = new ArrayList<>();
        try {
            String token = null;
            do {
                String next = token;
                DescribeImageScanFindingsResponse page = ecr.describeImageScanFindings(r -> r.registryId(registryId)
                        .repositoryName(repository).imageId(id -> id.imageDigest(digest)).nextToken(next));
                pages.add(page);
                token = page.nextToken();
            } while (token != null && !isRunning(pages.get(0)));
        } catch (ScanNotFoundException notScanned) {
            return startScan(registryId, repository, digest, scanOnPush, image);
        }
        DescribeImageScanFindingsResponse first = pages.get(0);
        String status = first.imageScanStatus() == null ? "UNKNOWN" : first.imageScanStatus().statusAsString();
        if (isRunning(first)) {
            throw new ScanInProgress("the vulnerability scan of " + image + " is " + status + "; VerifyImage is retried "
                    + "until it completes");
        }
        if (!status.equals("COMPLETE") && !status.equals("ACTIVE")) {
            String description = first.imageScanStatus() == null ? null : first.imageScanStatus().description();
            return new Scan(null, "scan status " + status + (description == null ? "" : " (" + description + ")")
                    + ": rescan the image, or remove the limits in config.scan");
        }
        return new Scan(findings(pages), null);
    }

    private static boolean isRunning(DescribeImageScanFindingsResponse response) {
        String status = response.imageScanStatus() == null ? "" : response.imageScanStatus().statusAsString();
        return status.equals("IN_PROGRESS") || status.equals("PENDING");
    }

    private Scan startScan(String registryId, String repository, String digest, boolean scanOnPush, String image) {
        if (scanOnPush) {
            throw new ScanInProgress("repository '" + repository + "' scans on push but the scan of " + image
                    + " has not started yet; VerifyImage is retried until it completes");
        }
        try {
            ecr.startImageScan(r -> r.registryId(registryId).repositoryName(repository)
                    .imageId(id -> id.imageDigest(digest)));
        } catch (EcrException refused) {
            return new Scan(null, "the image was never scanned and StartImageScan refused: "
                    + refused.awsErrorDetails().errorMessage() + " (turn on scan on push for repository '"
                    + repository + "')");
        }
        throw new ScanInProgress("started a basic scan of " + image + " (repository '" + repository
                + "' does not scan on push); VerifyImage is retried until it completes");
    }

    private static ScanFindings findings(List<DescribeImageScanFindingsResponse> pages) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (DescribeImageScanFindingsResponse page : pages) {
            if (page.imageScanFindings() == null) {
                continue;
            }
            if (counts.isEmpty()) {
                counts.putAll(page.imageScanFindings().findingSeverityCountsAsStrings());
            }
            for (ImageScanFinding finding : page.imageScanFindings().findings()) {
                if (finding.name() != null) {
                    names.computeIfAbsent(finding.severityAsString(), s -> new LinkedHashSet<>()).add(finding.name());
                }
            }
            for (EnhancedImageScanFinding finding : page.imageScanFindings().enhancedFindings()) {
                String id = finding.packageVulnerabilityDetails() == null ? finding.title()
                        : finding.packageVulnerabilityDetails().vulnerabilityId();
                if (id != null) {
                    names.computeIfAbsent(finding.severity(), s -> new LinkedHashSet<>()).add(id);
                }
            }
        }
        Map<String, List<String>> listed = new LinkedHashMap<>();
        names.forEach((severity, ids) -> listed.put(severity, List.copyOf(ids)));
        return new ScanFindings(counts, listed);
    }
}
