package dev.greenlight.local.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Wall-clock time, for the demo and {@code --real-time}: one thread runs every action in order. */
public final class RealClock implements Clock, AutoCloseable {

    private final ScheduledThreadPoolExecutor loop = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "greenlight-clock");
        thread.setDaemon(true);
        return thread;
    });

    private final ExecutorService outside = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "greenlight-outside-clock");
        thread.setDaemon(true);
        return thread;
    });
    private final Consumer<RuntimeException> failures;

    /** A failing action is reported on standard error, one line, and the clock goes on. */
    public RealClock() {
        this(failure -> System.err.println("greenlight: an action of the twin failed and was skipped: " + failure));
    }

    /**
     * @param failures told of an action that threw: the executor would otherwise keep the exception in
     *                 the action's future, which nobody reads, and the work it stood for (a stack
     *                 operation, an execution's next step) would stop without a word
     */
    public RealClock(Consumer<RuntimeException> failures) {
        this.failures = failures;
        // A cancelled timer leaves the queue at once: kept until due, every execution's year-long limit and every
        // task's default timeout (~3 years) would hold the execution, history and all, that long.
        loop.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public Timer schedule(Duration delay, Runnable action) {
        long nanos = Math.max(0, delay.toNanos());
        ScheduledFuture<?> future = loop.schedule(() -> {
            try {
                action.run();
            } catch (RuntimeException failure) {
                failures.accept(failure);
            }
        }, nanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /** Each piece of outside work on a thread of its own; its outcome completes on the clock's thread. */
    @Override
    public <T> CompletableFuture<T> runOutside(Callable<T> work) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        outside.execute(() -> {
            try {
                T value = work.call();
                execute(() -> outcome.complete(value));
            } catch (Exception | Error failure) {
                execute(() -> outcome.completeExceptionally(failure));
            }
        });
        return outcome;
    }

    @Override
    public void close() {
        loop.shutdownNow();
        outside.shutdownNow();
    }
}
