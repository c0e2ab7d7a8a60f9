package dev.greenlight.cli.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.component.StateMachineType;

/**
 * One execution to run: the definition as text, the input, and optionally a Step Functions Local
 * mock configuration with the test case to use.
 */
record RunRequest(String definition, JsonNode input, StateMachineType type, JsonNode mockConfig, String testCase,
        boolean realTime, boolean history) {
}
