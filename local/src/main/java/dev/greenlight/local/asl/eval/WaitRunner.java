package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.DataFlow;
import dev.greenlight.local.asl.component.FieldValue;
import dev.greenlight.local.asl.component.WaitState;
import dev.greenlight.local.asl.query.Jsonata;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;

/** Wait: schedules its own end on the clock, never sleeps. */
final class WaitRunner implements StateRunner<WaitState> {

    private final Engine engine;

    WaitRunner(Engine engine) {
        this.engine = engine;
    }

    @Override
    public CompletableFuture<Outcome> run(WaitState state, StateContext context) {
        DataFlow flow = state.dataFlow();
        StateData data = engine.data(flow.language());
        JsonNode effective = data.effectiveInput(context, null);
        Duration delay = delay(state, data, context, effective);
        JsonNode output = data.output(context, effective, null, flow.output(), flow.assign());
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        context.scope.run.clock().schedule(delay, () -> done.complete(new Outcome(output, state.transition().next())));
        return done;
    }

    private static Duration delay(WaitState state, StateData data, StateContext context, JsonNode input) {
        FieldValue<Number> secondsField = state.seconds();
        if (secondsField.isSet()) {
            return Duration.ofSeconds(seconds(secondsField, resolve(data, context, secondsField, input), context));
        }
        FieldValue<String> timestampField = state.timestamp();
        Instant until = instant(timestampField, data.resolve(context, timestampField, input), context);
        Duration left = Duration.between(context.scope.run.clock().now(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** A SecondsPath that finds nothing fails the execution, with AWS's cause. */
    private static JsonNode resolve(StateData data, StateContext context, FieldValue<Number> field, JsonNode input) {
        try {
            return data.resolve(context, field, input);
        } catch (StatesException e) {
            if (field.path() == null) {
                throw e;
            }
            throw StatesError.RUNTIME.withCause("The SecondsPath parameter does not reference an input value: "
                    + field.path());
        }
    }

    /**
     * AWS's causes for a bad SecondsPath value quote the path and the value ("$.s == -1"); they fail
     * the execution, not the state. A JSONata expression's bad value is States.QueryEvaluationError;
     * AWS's wording for it is unrecorded, so ours follows the SecondsPath one.
     */
    private static long seconds(FieldValue<Number> field, JsonNode value, StateContext context) {
        if (value.isIntegralNumber() && value.longValue() >= 0) {
            return value.longValue();
        }
        String problem = value.isIntegralNumber() ? "references a negative value"
                : "cannot be parsed as a long value";
        if (field.expression() != null) {
            throw context.fail(StatesError.QUERY_EVALUATION_ERROR, "The Seconds parameter " + problem + ": "
                    + Jsonata.body(field.expression()) + " == " + shown(value));
        }
        throw StatesError.RUNTIME.withCause("The SecondsPath parameter " + problem + ": " + field.path() + " == "
                + shown(value));
    }

    /**
     * An ISO-8601 extended offset date-time ({@code 2026-01-01T00:00:00Z}, {@code ...+01:00}).
     * TimestampPath's cause is AWS's; a JSONata Timestamp that is no timestamp is
     * States.QueryEvaluationError, with a cause AWS does not publish (ours follows TimestampPath's).
     */
    private static Instant instant(FieldValue<String> field, JsonNode timestamp, StateContext context) {
        try {
            if (timestamp != null && timestamp.isTextual()) {
                return OffsetDateTime.parse(timestamp.textValue()).toInstant();
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        String problem = " parameter does not reference a valid ISO-8601 extended offset date-time format string: ";
        if (field.expression() != null) {
            throw context.fail(StatesError.QUERY_EVALUATION_ERROR, "The Timestamp" + problem
                    + Jsonata.body(field.expression()) + " == " + shown(timestamp));
        }
        throw StatesError.RUNTIME.withCause("The TimestampPath" + problem + field.path() + " == " + shown(timestamp));
    }

    /** Strings as they are, anything else as JSON. */
    private static String shown(JsonNode value) {
        return value != null && value.isTextual() ? value.textValue() : Json.write(value);
    }
}
