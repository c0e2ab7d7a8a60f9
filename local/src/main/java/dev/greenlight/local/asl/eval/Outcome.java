package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** What a state hands on: its output, and the state to go to ({@code next} null ends the program). */
record Outcome(JsonNode output, String next) {
}
