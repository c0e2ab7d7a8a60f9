package dev.greenlight.cli.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.component.StateMachineType;
import java.nio.file.Path;

/**
 * One execution to run: the definition as text, the input, and optionally a Step Functions Local
 * mock configuration with the test case to use.
 *
 * @param name the execution's name; null gives it a UUID, as StartExecution does
 * @param stateMachineName the state machine's name, in {@code $$.StateMachine} and the execution's ARN
 * @param s3Dir a directory standing in for S3 (see {@link S3Directory}), or null for none
 */
record RunRequest(String definition, JsonNode input, StateMachineType type, JsonNode mockConfig, String testCase,
        boolean realTime, boolean history, String name, String stateMachineName, Path s3Dir) {

    /** The state machine's name when none is given. */
    static final String DEFAULT_STATE_MACHINE = "local";
}
