package dev.greenlight.local.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * Virtual time: time stands still while actions run and jumps to the next due action when
 * there is nothing else to do. Deterministic: actions due at the same instant run in the order
 * they were scheduled. Whoever drives the clock calls {@link #runUntilIdle()} or
 * {@link #runUntil(BooleanSupplier)} on its own thread.
 */
public final class VirtualClock implements Clock {

    /** Where a virtual clock starts unless told: parsed once, since a clock is made per local execution. */
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private Instant now;
    private long sequence;
    /** Cancelled entries still queued: once they are most of the queue they are dropped, so none holds its action long. */
    private int cancelledQueued;

    public VirtualClock(Instant start) {
        this.now = start;
    }

    public VirtualClock() {
        this(START);
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Timer schedule(Duration delay, Runnable action) {
        Instant due = delay.isNegative() ? now : now.plus(delay);
        Entry entry = new Entry(due, sequence++, action);
        queue.add(entry);
        return entry;
    }

    /** Runs every action, advancing time as needed, until none is left. */
    public void runUntilIdle() {
        runUntil(() -> false);
    }

    /**
     * Runs actions in time order until {@code done} holds or nothing is left to run.
     *
     * @return whether {@code done} holds
     */
    public boolean runUntil(BooleanSupplier done) {
        while (!done.getAsBoolean()) {
            Entry next = take(null);
            if (next == null) {
                return false;
            }
            next.action.run();
        }
        return true;
    }

    /** Runs what is due up to {@code until} and leaves the clock there. */
    public void advanceTo(Instant until) {
        for (Entry next = take(until); next != null; next = take(until)) {
            next.action.run();
        }
        synchronized (this) {
            if (until.isAfter(now)) {
                now = until;
            }
        }
    }

    public void advance(Duration by) {
        advanceTo(now().plus(by));
    }

    /** Whether anything is scheduled. */
    public synchronized boolean isIdle() {
        return queue.stream().allMatch(entry -> entry.cancelled);
    }

    private synchronized Entry take(Instant until) {
        while (!queue.isEmpty()) {
            Entry head = queue.peek();
            if (until != null && head.due.isAfter(until)) {
                return null;
            }
            queue.poll();
            if (head.cancelled) {
                cancelledQueued--;
            } else {
                if (head.due.isAfter(now)) {
                    now = head.due;
                }
                head.done = true;
                return head;
            }
        }
        return null;
    }

    private final class Entry implements Comparable<Entry>, Timer {
        final Instant due;
        final long order;
        final Runnable action;
        boolean cancelled;
        boolean done;

        Entry(Instant due, long order, Runnable action) {
            this.due = due;
            this.order = order;
            this.action = action;
        }

        @Override
        public int compareTo(Entry other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }

        @Override
        public boolean cancel() {
            synchronized (VirtualClock.this) {
                if (cancelled || done) {
                    return false;
                }
                cancelled = true;
                if (++cancelledQueued > 64 && cancelledQueued > queue.size() / 2) {
                    queue.removeIf(entry -> entry.cancelled);
                    cancelledQueued = 0;
                }
                return true;
            }
        }
    }
}
