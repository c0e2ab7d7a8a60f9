package dev.greenlight.local.asl.eval;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Turns code that may throw before it returns a future into a future that fails. */
final class Attempts {

    private Attempts() {
    }

    static <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
