package dev.greenlight.cli.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code greenlight demo --json}'s last line: the summary as one JSON object, for scripts and benchmarks. */
final class SummaryJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryJson() {
    }

    static String render(List<DeploymentSummary> deployments) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("deployments");
        for (DeploymentSummary deployment : deployments) {
            ObjectNode item = list.addObject();
            item.put("version", deployment.version());
            item.put("outcome", deployment.outcome().name());
            item.put("error", deployment.error());
            item.put("durationMs", deployment.duration().toMillis());
            item.put("usersPerSecond", deployment.usersPerSecond());
            item.put("canaryPercent", deployment.canaryPercent());
            item.put("userRequests", deployment.userRequests());
            item.put("failedUserRequests", deployment.failedUserRequests());
            if (deployment.blastRadiusBound() == null) {
                item.putNull("blastRadiusBound");
            } else {
                item.put("blastRadiusBound", deployment.blastRadiusBound());
            }
            if (deployment.timeToDetect() == null) {
                item.putNull("timeToDetectMs");
            } else {
                item.put("timeToDetectMs", deployment.timeToDetect().toMillis());
            }
            if (deployment.detectionToRollback() == null) {
                item.putNull("detectionToRollbackMs");
            } else {
                item.put("detectionToRollbackMs", deployment.detectionToRollback().toMillis());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the demo's summary as JSON", e);
        }
    }
}
