package dev.greenlight.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;

/** An in-process Lambda function: the event in, the response payload out; a throw is a function error. */
@FunctionalInterface
public interface LambdaHandler {
    JsonNode handle(JsonNode event) throws Exception;
}
