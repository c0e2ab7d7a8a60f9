package dev.greenlight.local.asl.component;

import com.fasterxml.jackson.databind.JsonNode;

/** A parsed, valid definition. {@code timeoutSeconds} is null when the machine sets none. */
public record StateMachine(Program program, Integer timeoutSeconds, String comment, JsonNode source) {
}
