package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.FieldValue;
import dev.greenlight.local.asl.intrinsics.IntrinsicFunctions;
import dev.greenlight.local.asl.query.PathNotFoundException;
import dev.greenlight.local.asl.query.PathReader;
import dev.greenlight.local.asl.component.DataFlow;
import dev.greenlight.local.asl.component.FailState;
import dev.greenlight.local.asl.component.SucceedState;
import java.util.concurrent.CompletableFuture;

/** The terminal states: Succeed ends the program with its output, Fail with its error and cause. */
final class EndRunner {

    private final Engine engine;

    EndRunner(Engine engine) {
        this.engine = engine;
    }

    CompletableFuture<Outcome> succeed(SucceedState state, StateContext context) {
        DataFlow flow = state.dataFlow();
        StateData data = engine.data(flow.language());
        JsonNode effective = data.effectiveInput(context, null);
        return CompletableFuture.completedFuture(new Outcome(data.output(context, effective, null, flow.output(), null),
                null));
    }

    CompletableFuture<Outcome> fail(FailState state, StateContext context) {
        StateData data = engine.data(state.dataFlow().language());
        JsonNode error = resolve(data, context, state.error());
        JsonNode cause = resolve(data, context, state.cause());
        throw new StatesException(error == null ? null : error.asText(), cause == null ? null : cause.asText());
    }

    /**
     * ErrorPath and CausePath: a reference path, whose miss is AWS's States.Runtime naming the field
     * and the input, or an intrinsic function (Fail state page).
     */
    private JsonNode resolve(StateData data, StateContext context, FieldValue<String> field) {
        String path = field.path();
        if (path == null) {
            return data.resolve(context, field, context.rawInput);
        }
        PathReader reader = context.reader(context.rawInput);
        if (IntrinsicFunctions.isIntrinsic(path)) {
            try {
                return engine.intrinsics().evaluate(path, reader);
            } catch (StatesException e) {
                throw context.fail(e);
            }
        }
        try {
            return reader.read(path);
        } catch (PathNotFoundException e) {
            throw context.fail(StatesError.RUNTIME, "The JSONPath '" + path + "' specified for the field '"
                    + field.field() + "Path' could not be found in the input '" + Json.write(context.rawInput) + "'");
        }
    }
}
