package dev.greenlight.local.asl.eval;

import dev.greenlight.local.asl.component.StateMachineType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** An execution as DescribeExecution shows it, with its history; {@link #completion()} ends with it. */
public final class Execution {

    private final String executionArn;
    private final String name;
    private final StartRequest request;
    private final Instant startDate;
    private final History history;
    private volatile CompletableFuture<Execution> completion = new CompletableFuture<>();
    private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
    private volatile Instant stopDate;
    private volatile JsonNode output;
    private volatile String error;
    private volatile String cause;
    private volatile int redriveCount;
    private volatile Instant redriveDate;
    private volatile RedrivePoint redrivePoint;

    Execution(String executionArn, String name, StartRequest request, Instant startDate, History history) {
        this.executionArn = executionArn;
        this.name = name;
        this.request = request;
        this.startDate = startDate;
        this.history = history;
    }

    /** Records the end once; later calls (a stop racing a failure) change nothing. */
    synchronized boolean end(ExecutionStatus endStatus, Instant at, JsonNode endOutput, String endError,
            String endCause) {
        if (status.isTerminal()) {
            return false;
        }
        this.output = endOutput;
        this.error = endError;
        this.cause = endCause;
        this.stopDate = at;
        this.status = endStatus;
        completion.complete(this);
        return true;
    }

    /**
     * RedriveExecution: the execution runs again (same ARN, same history), its end is forgotten and a new
     * completion stands for the next one.
     */
    synchronized void redriven(Instant at) {
        if (!status.isTerminal()) {
            throw new IllegalStateException("only an ended execution can be redriven: " + executionArn);
        }
        redriveCount++;
        redriveDate = at;
        output = null;
        error = null;
        cause = null;
        stopDate = null;
        status = ExecutionStatus.RUNNING;
        completion = new CompletableFuture<>();
    }

    void redrivePoint(RedrivePoint point) {
        this.redrivePoint = point;
    }

    RedrivePoint redrivePoint() {
        return redrivePoint;
    }

    /** How many times the execution has been redriven (DescribeExecution's redriveCount). */
    public int redriveCount() {
        return redriveCount;
    }

    /** When it was last redriven, or null. */
    public Instant redriveDate() {
        return redriveDate;
    }

    public String executionArn() {
        return executionArn;
    }

    public String name() {
        return name;
    }

    StartRequest request() {
        return request;
    }

    String roleArn() {
        return request.roleArn();
    }

    public String stateMachineArn() {
        return request.stateMachineArn();
    }

    public StateMachineType type() {
        return request.type();
    }

    public JsonNode input() {
        return request.input();
    }

    public Instant startDate() {
        return startDate;
    }

    public ExecutionStatus status() {
        return status;
    }

    public Instant stopDate() {
        return stopDate;
    }

    public JsonNode output() {
        return output;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    public History history() {
        return history;
    }

    /** Completes when the execution ends; after a redrive, a new one stands for the redriven run's end. */
    public CompletableFuture<Execution> completion() {
        return completion;
    }
}
