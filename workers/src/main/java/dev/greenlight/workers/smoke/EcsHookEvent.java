package dev.greenlight.workers.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Amazon ECS's payload for a Lambda lifecycle hook (Developer Guide, "Lifecycle hooks for Amazon ECS
 * service deployments"): the service, the revision being deployed, both traffic splits by revision
 * ARN, and the hook's configured {@code hookDetails}.
 */
public record EcsHookEvent(String serviceArn, String targetServiceRevisionArn, Map<String, Double> testTrafficWeights,
        Map<String, Double> productionTrafficWeights, JsonNode hookDetails) {

    /** {@code arn:aws:ecs:…:service/CLUSTER/SERVICE} → CLUSTER. */
    String cluster() {
        String[] path = serviceArn.substring(serviceArn.indexOf(":service/") + ":service/".length()).split("/");
        return path[0];
    }

    String service() {
        String[] path = serviceArn.substring(serviceArn.indexOf(":service/") + ":service/".length()).split("/");
        return path[path.length - 1];
    }

    /** Which of Greenlight's jobs the hook is invoked for: {@code smoke} or {@code promotion}. */
    String job() {
        return hookDetails == null ? null : hookDetails.path("greenlight").asText(null);
    }
}
