package dev.greenlight.local.aws.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.query.JsonPaths;
import dev.greenlight.local.asl.query.PathNotFoundException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** What a target receives for an event: Input as given, InputPath's selection, InputTransformer's output, or the event. */
final class TargetInput {

    private TargetInput() {
    }

    /** Empty when InputPath selects nothing: there is nothing to send. */
    static Optional<String> of(Target target, BusEvent event, String ruleName, String ruleArn) {
        JsonNode eventJson = event.toJson();
        if (target.input() != null) {
            return Optional.of(target.input());
        }
        if (target.inputPath() != null) {
            return read(eventJson, target.inputPath()).map(Json::write);
        }
        if (target.inputTransformer() != null) {
            return Optional.of(transform(target.inputTransformer(), event, ruleName, ruleArn));
        }
        return Optional.of(Json.write(eventJson));
    }

    private static String transform(InputTransformer transformer, BusEvent event, String ruleName, String ruleArn) {
        JsonNode eventJson = event.toJson();
        Map<String, JsonNode> variables = new HashMap<>();
        transformer.inputPathsMap().forEach((name, path) -> variables.put(name, read(eventJson, path).orElse(null)));
        variables.put(InputTemplate.RULE_ARN, TextNode.valueOf(ruleArn));
        variables.put(InputTemplate.RULE_NAME, TextNode.valueOf(ruleName));
        variables.put(InputTemplate.INGESTION_TIME, TextNode.valueOf(event.ingestionTime().toString()));
        variables.put(InputTemplate.EVENT, event.withoutDetail());
        variables.put(InputTemplate.EVENT_JSON, eventJson);
        return new InputTemplate(transformer.inputTemplate()).render(variables);
    }

    private static Optional<JsonNode> read(JsonNode event, String path) {
        try {
            return Optional.ofNullable(JsonPaths.read(event, path));
        } catch (PathNotFoundException e) {
            return Optional.empty();
        }
    }
}
