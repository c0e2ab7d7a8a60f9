package dev.greenlight.local.aws.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.task.FunctionErrorDocument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The response payloads of failed invocations, as Lambda and its Java runtime write them. */
final class ErrorPayload {

    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ErrorPayload() {
    }

    /**
     * An unhandled exception as the Java runtime serialises it: errorMessage, errorType (the class
     * name), stackTrace (one "Class.method(File.java:line)" per frame) and the cause, nested alike.
     */
    static byte[] unhandled(Throwable thrown) {
        return Json.write(FunctionErrorDocument.of(thrown)).getBytes(StandardCharsets.UTF_8);
    }

    /** Lambda's own answer when the function outlives its Timeout; it carries no errorType. */
    static byte[] timedOut(Instant at, String requestId, int timeoutSeconds) {
        ObjectNode payload = Json.NODES.objectNode();
        payload.put("errorMessage", LOG_TIME.format(at) + " " + requestId + " Task timed out after "
                + String.format(Locale.ROOT, "%.2f", (double) timeoutSeconds) + " seconds");
        return Json.write(payload).getBytes(StandardCharsets.UTF_8);
    }

    /** Lambda's document when the runtime could not start the function. */
    static byte[] runtimeFailure(RuntimeStartFailure failure) {
        ObjectNode payload = Json.NODES.objectNode();
        payload.put("errorMessage", failure.getMessage());
        payload.put("errorType", failure.errorType());
        return Json.write(payload).getBytes(StandardCharsets.UTF_8);
    }
}
