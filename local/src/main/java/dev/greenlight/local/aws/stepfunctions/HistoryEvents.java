package dev.greenlight.local.aws.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.aws.SdkModels;
import java.util.List;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The engine's history events as the SDK's {@link HistoryEvent}: the engine already writes each
 * event as GetExecutionHistory's JSON, so the SDK's own field metadata fills every detail type.
 */
final class HistoryEvents {

    /** The members that carry execution data, left out when includeExecutionData is false. */
    private static final List<String> DATA_FIELDS = List.of("input", "inputDetails", "output", "outputDetails",
            "parameters");

    private HistoryEvents() {
    }

    static HistoryEvent of(dev.greenlight.local.asl.eval.HistoryEvent event, boolean includeExecutionData) {
        ObjectNode json = event.toJson();
        if (!includeExecutionData) {
            json.forEach(HistoryEvents::withoutData);
        }
        return SdkModels.fromJson(json, HistoryEvent.builder()).build();
    }

    private static void withoutData(JsonNode details) {
        if (details instanceof ObjectNode object) {
            object.remove(DATA_FIELDS);
        }
    }
}
