package dev.greenlight.local.aws.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** Execution input and task output: JSON text of at most 256 KiB (UTF-8), else the call is refused. */
final class Payloads {

    static final int LIMIT = 262_144;

    private Payloads() {
    }

    /** @throws software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException */
    static JsonNode executionInput(String input) {
        return parse(input, SfnErrors::invalidExecutionInput);
    }

    /** @throws software.amazon.awssdk.services.sfn.model.InvalidOutputException */
    static JsonNode taskOutput(String output) {
        return parse(output, SfnErrors::invalidOutput);
    }

    private static JsonNode parse(String text, Function<String, SfnException> refusal) {
        if (text.getBytes(StandardCharsets.UTF_8).length > LIMIT) {
            throw refusal.apply("Payload exceeds the maximum size of " + LIMIT + " bytes");
        }
        try {
            JsonNode json = Json.MAPPER.readTree(text);
            if (json == null || json.isMissingNode()) {
                throw refusal.apply("No content to map due to end-of-input");
            }
            return json;
        } catch (IOException e) {
            throw refusal.apply(e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
