package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.component.DataFlow;
import dev.greenlight.local.asl.component.WaitState;
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
        JsonNode seconds = data.resolve(context, state.seconds(), input);
        if (seconds != null) {
            if (!seconds.isIntegralNumber() || seconds.longValue() < 0) {
                throw context.fail(StatesError.RUNTIME, "The SecondsPath parameter does not reference a valid "
                        + "integer value: " + seconds);
            }
            return Duration.ofSeconds(seconds.longValue());
        }
        JsonNode timestamp = data.resolve(context, state.timestamp(), input);
        Instant until = instant(timestamp, context);
        Duration left = Duration.between(context.scope.run.clock().now(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Instant instant(JsonNode timestamp, StateContext context) {
        try {
            return OffsetDateTime.parse(timestamp.asText()).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw context.fail(StatesError.RUNTIME, "The TimestampPath parameter does not reference a valid ISO-8601 "
                    + "extended offset date-time format string: " + timestamp);
        }
    }
}
