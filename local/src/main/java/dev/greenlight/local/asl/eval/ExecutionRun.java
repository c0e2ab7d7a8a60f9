package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.component.StateMachine;
import dev.greenlight.local.asl.component.StateMachineType;
import dev.greenlight.local.asl.query.Jsonata;
import dev.greenlight.local.clock.Clock;
import java.util.Map;

/** Everything one running execution shares: the engine, its history and its context object. */
final class ExecutionRun {

    final Engine engine;
    final Execution execution;
    final History history;
    final StateMachine machine;
    final HistoryLimit historyLimit;
    /** Which run of the execution this is: 0 first, then one more per redrive. */
    private final int attempt;
    /** The execution's own scope (not a branch's or iteration's), set when the program starts. */
    Scope root;
    private final ObjectNode executionContext;
    private final String roleArn;
    private volatile Map<String, Object> plainExecutionContext;

    ExecutionRun(Engine engine, Execution execution, StateMachine machine, String roleArn) {
        this.engine = engine;
        this.execution = execution;
        this.history = execution.history();
        this.machine = machine;
        this.historyLimit = HistoryLimit.of(execution.type());
        this.attempt = execution.redriveCount();
        this.roleArn = roleArn;
        this.executionContext = Json.NODES.objectNode();
        ObjectNode exec = executionContext.putObject("Execution");
        exec.put("Id", execution.executionArn());
        exec.set("Input", execution.input());
        exec.put("Name", execution.name());
        exec.put("RoleArn", roleArn);
        exec.put("StartTime", StateContext.TIMESTAMP.format(execution.startDate()));
        // Only STANDARD executions can be redriven (RedriveExecution: "not supported by EXPRESS state
        // machines"), and only theirs carry the count.
        if (execution.type() == StateMachineType.STANDARD) {
            exec.put("RedriveCount", execution.redriveCount());
        }
        ObjectNode stateMachine = executionContext.putObject("StateMachine");
        stateMachine.put("Id", execution.stateMachineArn());
        stateMachine.put("Name", execution.stateMachineArn().substring(execution.stateMachineArn().lastIndexOf(':') + 1));
    }

    /** The role the execution calls its resources as. */
    String roleArn() {
        return roleArn;
    }

    Clock clock() {
        return engine.clock();
    }

    /** The execution-wide part of the context object: Execution and StateMachine. */
    ObjectNode executionContext() {
        return executionContext;
    }

    /** The same, as JSONata takes it, converted once: it holds the execution's input, which may be large. */
    Map<String, Object> plainExecutionContext() {
        Map<String, Object> plain = plainExecutionContext;
        if (plain == null) {
            plain = Jsonata.toPlainFields(executionContext);
            plainExecutionContext = plain;
        }
        return plain;
    }

    /** Whether this run has ended: the execution ended, or a redrive has since started another run. */
    boolean isOver() {
        return execution.status().isTerminal() || execution.redriveCount() != attempt;
    }
}
