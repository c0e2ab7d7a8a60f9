package dev.greenlight.local.asl.component;

import com.fasterxml.jackson.databind.JsonNode;

/** Passes its input (or {@code Result}) to its output. */
public record PassState(String name, DataFlow dataFlow, Transition transition, JsonNode result) implements State {
    public String type() {
        return "Pass";
    }
}
