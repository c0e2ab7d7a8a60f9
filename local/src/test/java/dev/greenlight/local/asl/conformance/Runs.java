package dev.greenlight.local.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.LocalRun;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.task.LocalIntegrations;

/**
 * Runs a definition to its end in virtual time. Definitions and payloads are written with single
 * quotes, so that a table row stays readable: {@code '} stands for {@code "}, and a backtick for the
 * single quote that intrinsic functions need.
 */
final class Runs {

    /** The ARN {@code StartRequest.of("test", ...)} gives the execution. */
    static final String EXECUTION_ARN = "arn:aws:states:us-east-1:123456789012:execution:local:test";

    /** A function that answers with its event, and one that always throws. */
    static final LocalIntegrations FUNCTIONS = new LocalIntegrations()
            .function("echo", event -> event)
            .function("boom", event -> {
                throw new IllegalStateException("boom");
            });

    private Runs() {
    }

    static JsonNode json(String singleQuoted) {
        return Json.parse(quoted(singleQuoted));
    }

    static Execution run(String definition, String input) {
        return LocalRun.run(quoted(definition), json(input), FUNCTIONS);
    }

    private static String quoted(String text) {
        return text.replace('\'', '"').replace('`', '\'');
    }

    /** A machine whose only state is {@code state} (its JSON members, without braces), ending there. */
    static String single(String queryLanguage, String state) {
        return "{'QueryLanguage': '" + queryLanguage + "', 'StartAt': 'S', 'States': {'S': {" + state
                + ", 'End': true}}}";
    }

    /** The cause AWS gives a failure inside state {@code name} entered at history event {@code eventId}. */
    static String inState(String name, int eventId, String detail) {
        return "An error occurred while executing the state '" + name + "' (entered at the event id #" + eventId
                + "). " + detail;
    }
}
