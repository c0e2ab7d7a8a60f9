package dev.greenlight.statemachine.twin;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.greenlight.local.aws.lambda.FunctionCode;
import dev.greenlight.local.clock.Clock;
import dev.greenlight.workers.smoke.Sleeper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * A worker that spends time (synthetic load: a request, a pause, the next) in virtual time. It runs
 * on a thread of its own, as on Lambda, and takes turns with the clock: each sleep schedules its
 * wake-up on the clock and hands the turn back, and the clock waits while the worker has the turn.
 * So one thing runs at a time, deterministically, and every request reaches the fleet at its own
 * virtual instant (and so in the right metric period), while the rest of the twin moves on.
 */
final class TurnTaking implements Sleeper {

    private final Clock clock;
    private final ThreadLocal<Turns> current = new ThreadLocal<>();

    TurnTaking(Clock clock) {
        this.clock = clock;
    }

    /** The function's code: each invocation starts the worker's thread and waits for its first turn to end. */
    FunctionCode code(String name, RequestStreamHandler worker) {
        return payload -> {
            Turns turns = new Turns();
            Thread thread = new Thread(() -> {
                current.set(turns);
                try {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    worker.handleRequest(new ByteArrayInputStream(payload), out, null);
                    turns.finish(out.toByteArray(), null);
                } catch (Throwable e) {
                    turns.finish(null, e);
                }
            }, "greenlight-" + name);
            thread.setDaemon(true);
            thread.start();
            turns.clockWaits();
            return turns.result;
        };
    }

    /** On the worker's thread: wake up on the clock {@code duration} from now, giving the turn back meanwhile. */
    @Override
    public void sleep(Duration duration) throws InterruptedException {
        Turns turns = current.get();
        if (turns == null) {
            throw new IllegalStateException("only a worker started by TurnTaking.code sleeps on the virtual clock");
        }
        clock.schedule(duration, turns::workerResumes);
        turns.workerWaits();
    }

    /** One invocation's turns; the semaphores also carry each side's writes to the other. */
    private static final class Turns {
        private final Semaphore clockTurn = new Semaphore(0);
        private final Semaphore workerTurn = new Semaphore(0);
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private byte[] response;
        private Throwable failure;
        private boolean finished;

        /** On the clock: wait until the worker sleeps or ends; completing the result stays on the clock. */
        void clockWaits() {
            clockTurn.acquireUninterruptibly();
            if (finished) {
                if (failure == null) {
                    result.complete(response);
                } else {
                    result.completeExceptionally(failure);
                }
            }
        }

        /** On the clock, when the wake-up is due. */
        void workerResumes() {
            workerTurn.release();
            clockWaits();
        }

        void workerWaits() throws InterruptedException {
            clockTurn.release();
            workerTurn.acquire();
        }

        void finish(byte[] bytes, Throwable thrown) {
            response = bytes;
            failure = thrown;
            finished = true;
            clockTurn.release();
        }
    }
}
