package dev.greenlight.workers.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A worker's input or setting that cannot be used: every problem at once, each naming the field and
 * what to pass instead. Never retried; the state machine's Catch routes it like any other failure.
 */
public final class InvalidInput extends IllegalArgumentException {

    private InvalidInput(String message) {
        super(message);
    }

    /** Collects problems of one worker's input; {@link #orThrow()} throws when there are any. */
    public static Check of(String worker) {
        return new Check(worker);
    }

    public static final class Check {
        private final String worker;
        private final List<String> problems = new ArrayList<>();

        private Check(String worker) {
            this.worker = worker;
        }

        public Check require(boolean ok, String problem) {
            if (!ok) {
                problems.add(problem);
            }
            return this;
        }

        public void orThrow() {
            if (!problems.isEmpty()) {
                throw new InvalidInput(worker + " cannot run: " + String.join("; ", problems));
            }
        }
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
