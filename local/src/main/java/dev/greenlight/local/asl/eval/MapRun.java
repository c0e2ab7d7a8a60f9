package dev.greenlight.local.asl.eval;

import java.time.Instant;
import java.util.List;

/**
 * One Map Run of a Distributed Map, as DescribeMapRun and ListMapRuns show it: its children are
 * read as they run, so the counts are live. {@code itemsPerChild} is how many items each child took
 * (1 without an ItemBatcher).
 */
public final class MapRun {

    /** DescribeMapRun's statuses. */
    public enum Status { RUNNING, SUCCEEDED, FAILED, ABORTED }

    /** Counts of children (or of their items) by how they stand. */
    public record Counts(long pending, long running, long succeeded, long failed, long timedOut, long aborted,
            long total) {
    }

    private final String mapRunArn;
    private final String executionArn;
    private final String stateMachineArn;
    private final Instant startDate;
    private final int maxConcurrency;
    private final int toleratedFailureCount;
    private final float toleratedFailurePercentage;
    private final List<Integer> itemsPerChild;
    private List<Execution> children = List.of();
    private ChildRuns runs;
    private int redriveCount;
    private Instant redriveDate;
    private Status status = Status.RUNNING;
    private Instant stopDate;
    private boolean resultsWritten;

    MapRun(String mapRunArn, String executionArn, String stateMachineArn, Instant startDate, int maxConcurrency,
            int toleratedFailureCount, float toleratedFailurePercentage, List<Integer> itemsPerChild) {
        this.mapRunArn = mapRunArn;
        this.executionArn = executionArn;
        this.stateMachineArn = stateMachineArn;
        this.startDate = startDate;
        this.maxConcurrency = maxConcurrency;
        this.toleratedFailureCount = toleratedFailureCount;
        this.toleratedFailurePercentage = toleratedFailurePercentage;
        this.itemsPerChild = List.copyOf(itemsPerChild);
    }

    /** The children of this run (of its latest redrive), read live as they start. */
    synchronized void children(ChildRuns started) {
        this.runs = started;
        this.children = started.started();
    }

    synchronized ChildRuns runs() {
        return runs;
    }

    /** A redrive of the parent redrives this run: it is RUNNING again and exports its results again. */
    synchronized void redriven(Instant at) {
        status = Status.RUNNING;
        stopDate = null;
        resultsWritten = false;
        redriveCount++;
        redriveDate = at;
    }

    /** DescribeMapRun's redriveCount. */
    public synchronized int redriveCount() {
        return redriveCount;
    }

    /** When the run was last redriven, or null. */
    public synchronized Instant redriveDate() {
        return redriveDate;
    }

    synchronized void end(Status ended, Instant at) {
        if (status == Status.RUNNING) {
            status = ended;
            stopDate = at;
        }
    }

    synchronized void resultsWritten() {
        resultsWritten = true;
    }

    /** Whether a ResultWriter has exported the children's results. */
    public synchronized boolean hasWrittenResults() {
        return resultsWritten;
    }

    /** The child executions started so far (the latest of each item after a redrive), in the items' order. */
    public synchronized List<Execution> children() {
        return List.copyOf(children);
    }

    /** How many items the child at {@code index} took: 1 without an ItemBatcher. */
    public int itemCount(int index) {
        return itemsPerChild.get(index);
    }

    public String mapRunArn() {
        return mapRunArn;
    }

    public String executionArn() {
        return executionArn;
    }

    /** The children's state machine: the parent's ARN with {@code /LABEL}. */
    public String stateMachineArn() {
        return stateMachineArn;
    }

    public Instant startDate() {
        return startDate;
    }

    public synchronized Instant stopDate() {
        return stopDate;
    }

    public synchronized Status status() {
        return status;
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    public int toleratedFailureCount() {
        return toleratedFailureCount;
    }

    public float toleratedFailurePercentage() {
        return toleratedFailurePercentage;
    }

    public synchronized Counts executionCounts() {
        return counts(false);
    }

    public synchronized Counts itemCounts() {
        return counts(true);
    }

    private Counts counts(boolean items) {
        long[] by = new long[ExecutionStatus.values().length];
        long started = 0;
        List<Execution> seen = List.copyOf(children);
        for (int i = 0; i < seen.size(); i++) {
            long weight = items ? itemsPerChild.get(i) : 1;
            by[seen.get(i).status().ordinal()] += weight;
            started += weight;
        }
        long total = items ? itemsPerChild.stream().mapToLong(Integer::longValue).sum() : itemsPerChild.size();
        return new Counts(total - started, by[ExecutionStatus.RUNNING.ordinal()],
                by[ExecutionStatus.SUCCEEDED.ordinal()], by[ExecutionStatus.FAILED.ordinal()],
                by[ExecutionStatus.TIMED_OUT.ordinal()], by[ExecutionStatus.ABORTED.ordinal()], total);
    }
}
