package dev.greenlight.local.clock;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waits for work that runs on the clock, for the synchronous SDK calls (Invoke, StartSyncExecution)
 * that must answer with its result. In virtual time nobody else moves the clock, so the caller runs
 * it until the work is done; in real time the clock's own thread does the work and the caller blocks.
 */
public final class Await {

    private Await() {
    }

    /** The future's value; its failure is rethrown unwrapped when it is unchecked. */
    public static <T> T result(Clock clock, CompletableFuture<T> future) {
        if (clock instanceof VirtualClock virtual && !virtual.runUntil(future::isDone)) {
            // Nothing left to run will ever complete it: blocking would hang the caller.
            throw new IllegalStateException("the virtual clock ran out of work before the result was ready");
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
