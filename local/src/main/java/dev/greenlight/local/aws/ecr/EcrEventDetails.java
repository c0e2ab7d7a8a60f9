package dev.greenlight.local.aws.ecr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;

/** The detail of the events ECR sends to EventBridge, field for field as AWS's samples show them. */
final class EcrEventDetails {

    static final String IMAGE_ACTION = "ECR Image Action";
    static final String IMAGE_SCAN = "ECR Image Scan";

    private EcrEventDetails() {
    }

    /** {@code action} is PUSH or DELETE. */
    static ObjectNode imageAction(String action, String repository, String digest, String tag) {
        ObjectNode detail = Json.NODES.objectNode();
        detail.put("result", "SUCCESS");
        detail.put("repository-name", repository);
        detail.put("image-digest", digest);
        detail.put("action-type", action);
        if (tag != null) {
            detail.put("image-tag", tag);
        }
        return detail;
    }

    static ObjectNode imageScan(String repository, StoredImage image) {
        ObjectNode detail = Json.NODES.objectNode();
        detail.put("scan-status", image.scan().status().toString());
        detail.put("repository-name", repository);
        ObjectNode counts = detail.putObject("finding-severity-counts");
        ScanReport.countsByName(image.findings()).forEach(counts::put);
        detail.put("image-digest", image.digest());
        image.tags().forEach(detail.putArray("image-tags")::add);
        return detail;
    }
}
