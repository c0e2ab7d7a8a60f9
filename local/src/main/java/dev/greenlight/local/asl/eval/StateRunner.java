package dev.greenlight.local.asl.eval;

import dev.greenlight.local.asl.component.State;
import java.util.concurrent.CompletableFuture;

/** Runs one type of state once it is entered; fails with a {@code StatesException}. */
interface StateRunner<S extends State> {

    CompletableFuture<Outcome> run(S state, StateContext context);
}
