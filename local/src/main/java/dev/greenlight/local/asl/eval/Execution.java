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
    private final CompletableFuture<Execution> completion = new CompletableFuture<>();
    private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
    private volatile Instant stopDate;
    private volatile JsonNode output;
    private volatile String error;
    private volatile String cause;

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

    public String executionArn() {
        return executionArn;
    }

    public String name() {
        return name;
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

    public CompletableFuture<Execution> completion() {
        return completion;
    }
}
