package dev.greenlight.cli.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.component.StateMachineType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/** {@code asl run --jsonl}: many executions in one JVM; a bad line answers for its id and the rest still run. */
final class JsonLines {

    private JsonLines() {
    }

    static void run(BufferedReader in, PrintWriter out, boolean realTime, boolean history)
            throws InterruptedException {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    out.println(Json.write(answer(line, realTime, history)));
                    out.flush();
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode answer(String line, boolean realTime, boolean history) throws InterruptedException {
        JsonNode request;
        try {
            request = AslRun.parse(line, "request line");
        } catch (IllegalArgumentException e) {
            return withId(null, AslRunner.invalidRequest(e.getMessage()));
        }
        JsonNode id = request.get("id");
        try {
            return withId(id, AslRunner.run(toRequest(request, realTime, history)));
        } catch (IllegalArgumentException e) {
            return withId(id, AslRunner.invalidRequest(e.getMessage()));
        }
    }

    private static RunRequest toRequest(JsonNode request, boolean realTime, boolean history) {
        if (!request.isObject() || !request.has("definition")) {
            throw new IllegalArgumentException("each line must be an object with a \"definition\"");
        }
        return new RunRequest(text(request.get("definition")), value(request.get("input"), "input"),
                type(request.get("type")), value(request.get("mockConfig"), "mockConfig"),
                request.path("testCase").asText(null), realTime, history, request.path("name").asText(null),
                request.path("stateMachineName").asText(RunRequest.DEFAULT_STATE_MACHINE), null);
    }

    /** A definition given as JSON text or as a JSON value. */
    private static String text(JsonNode definition) {
        return definition.isTextual() ? definition.textValue() : Json.write(definition);
    }

    /** An input given as a JSON value or as JSON text. */
    private static JsonNode value(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return field.equals("input") ? Json.NODES.objectNode() : null;
        }
        return node.isTextual() ? AslRun.parse(node.textValue(), field) : node;
    }

    private static StateMachineType type(JsonNode type) {
        if (type == null || type.isNull()) {
            return StateMachineType.STANDARD;
        }
        try {
            return StateMachineType.valueOf(type.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"type\" must be STANDARD or EXPRESS, not " + type);
        }
    }

    private static ObjectNode withId(JsonNode id, ObjectNode result) {
        ObjectNode answer = Json.NODES.objectNode();
        answer.set("id", id == null ? Json.NODES.nullNode() : id);
        answer.setAll(result);
        return answer;
    }
}
