package dev.greenlight.local.aws.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Where ECR's events go: the EventBridge twin's default bus, with source {@code aws.ecr}
 * ({@code (type, resources, detail) -> eventBridge.putServiceEvent("aws.ecr", type, resources, detail)}).
 */
@FunctionalInterface
public interface EcrEvents {

    /** One event: detail-type {@code ECR Image Action} or {@code ECR Image Scan}, its resources and detail. */
    void emit(String detailType, List<String> resources, JsonNode detail);

    /** For a registry nobody listens to. */
    EcrEvents NONE = (detailType, resources, detail) -> { };
}
