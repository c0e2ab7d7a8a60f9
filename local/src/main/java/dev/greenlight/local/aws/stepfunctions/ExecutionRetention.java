package dev.greenlight.local.aws.stepfunctions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Which closed executions the twin keeps. AWS keeps a closed execution for 90 days, after which
 * DescribeExecution answers {@code ExecutionDoesNotExist} and ListExecutions leaves it out; the twin
 * does the same, and also keeps at most {@code maxClosed} of them (the earliest started go first),
 * so that a twin left running holds a bounded memory (a closed execution is a few KB).
 * Running executions are always kept.
 */
public record ExecutionRetention(Duration maxAge, int maxClosed) {

    public static final String MAX_AGE_DAYS = "GREENLIGHT_SFN_RETENTION_DAYS";
    public static final String MAX_CLOSED = "GREENLIGHT_SFN_MAX_CLOSED_EXECUTIONS";

    /** AWS's 90 days, and 10,000 closed executions (about 40 MB). */
    public static final ExecutionRetention DEFAULT = new ExecutionRetention(Duration.ofDays(90), 10_000);

    public ExecutionRetention {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the retention of closed executions must be positive: " + maxAge);
        }
        if (maxClosed < 1) {
            throw new IllegalArgumentException("at least one closed execution must be kept: " + maxClosed);
        }
    }

    /** {@link #DEFAULT}, with {@value #MAX_AGE_DAYS} and {@value #MAX_CLOSED} from {@code environment} when set. */
    public static ExecutionRetention from(Map<String, String> environment) {
        return new ExecutionRetention(
                Duration.ofDays(number(environment, MAX_AGE_DAYS, DEFAULT.maxAge().toDays())),
                (int) number(environment, MAX_CLOSED, DEFAULT.maxClosed()));
    }

    /**
     * Removes from {@code executions} (in the order they started) the closed ones this retention does not
     * keep, and returns them.
     */
    List<ExecutionRecord> prune(Collection<ExecutionRecord> executions, Instant now) {
        Instant oldestKept = now.minus(maxAge);
        List<ExecutionRecord> removed = new ArrayList<>();
        executions.removeIf(execution -> {
            boolean tooOld = !execution.isRunning() && execution.execution().stopDate() != null
                    && execution.execution().stopDate().isBefore(oldestKept);
            if (tooOld) {
                removed.add(execution);
            }
            return tooOld;
        });
        long closed = executions.stream().filter(execution -> !execution.isRunning()).count();
        for (Iterator<ExecutionRecord> it = executions.iterator(); closed > maxClosed && it.hasNext(); ) {
            ExecutionRecord execution = it.next();
            if (!execution.isRunning()) {
                it.remove();
                removed.add(execution);
                closed--;
            }
        }
        return removed;
    }

    private static long number(Map<String, String> environment, String name, long otherwise) {
        String text = environment.get(name);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 1 && value <= Integer.MAX_VALUE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the variable's name.
        }
        throw new IllegalArgumentException(name + " must be a whole number from 1 to " + Integer.MAX_VALUE
                + ", not '" + text + "'");
    }
}
