package dev.greenlight.local.asl.eval;

import dev.greenlight.local.asl.component.StateMachineType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.QueryLanguage;
import dev.greenlight.local.asl.component.StateMachine;
import dev.greenlight.local.asl.intrinsics.IntrinsicFunctions;
import dev.greenlight.local.asl.intrinsics.UuidFunction;
import dev.greenlight.local.asl.task.Integrations;
import dev.greenlight.local.clock.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/**
 * Runs state machines as AWS Step Functions does: executions, their histories, and the task
 * tokens that callbacks answer. Everything happens on the one {@link Clock}.
 */
public final class Engine {

    /** An EXPRESS execution may run for five minutes at most. */
    static final Duration EXPRESS_LIMIT = Duration.ofMinutes(5);
    /** A STANDARD execution may run for a year at most. */
    static final Duration STANDARD_LIMIT = Duration.ofDays(365);

    private final Clock clock;
    private final Integrations integrations;
    private final RandomGenerator random;
    private final IntrinsicFunctions intrinsics;
    private final TaskTokens tokens;
    private final ProgramRunner programs;
    private final Runners runners;
    private final Map<QueryLanguage, StateData> data = new ConcurrentHashMap<>();
    private final Map<String, ExecutionRun> runs = new ConcurrentHashMap<>();
    private final Map<String, MapRun> mapRuns = new ConcurrentHashMap<>();
    private final Map<String, List<MapRun>> mapRunsByExecution = new ConcurrentHashMap<>();
    private final Map<String, MapRun> mapRunsByChild = new ConcurrentHashMap<>();

    public Engine(Clock clock, Integrations integrations, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.integrations = Objects.requireNonNull(integrations, "integrations");
        this.random = Objects.requireNonNull(random, "random");
        this.intrinsics = new IntrinsicFunctions(random);
        this.tokens = new TaskTokens(random);
        this.programs = new ProgramRunner(this);
        this.runners = new Runners(this, programs);
    }

    /** Starts an execution; it runs as the clock runs. */
    public Execution start(StateMachine machine, StartRequest request) {
        String name = request.name() != null ? request.name() : uuid();
        String arn = request.executionArn() != null ? request.executionArn() : executionArn(request, name);
        History history = new History(clock::now);
        Execution execution = new Execution(arn, name, request, clock.now(), history);
        ExecutionRun run = new ExecutionRun(this, execution, machine, request.roleArn());
        Scope scope = Scope.root(run);
        scope.event("ExecutionStarted", "executionStartedEventDetails", History.details(
                "input", request.input(), "roleArn", request.roleArn()));
        run(run, scope, machine, request);
        return execution;
    }

    /**
     * RedriveExecution (guide, "Redriving executions"): an ended, unsuccessful execution continues from
     * the state that did not exit, with the input that state was given; states that succeeded are not
     * rerun, and inside a Parallel or inline Map only the failed or aborted branches and iterations run
     * again. The history goes on after an ExecutionRedriven event; the state machine's TimeoutSeconds
     * counts again from the redrive. The caller checks that the execution is redrivable.
     */
    public void redrive(Execution execution, StateMachine machine) {
        RedrivePoint point = execution.redrivePoint();
        execution.redriven(clock.now());
        ExecutionRun run = new ExecutionRun(this, execution, machine, execution.roleArn());
        Scope scope = Scope.root(run);
        scope.thread.lastEventId = run.history.size();
        scope.event("ExecutionRedriven", "executionRedrivenEventDetails",
                History.details("redriveCount", execution.redriveCount()));
        scope.resumeAt(point);
        run(run, scope, machine, execution.request());
    }

    private void run(ExecutionRun run, Scope scope, StateMachine machine, StartRequest request) {
        String arn = run.execution.executionArn();
        run.root = scope;
        runs.put(arn, run);
        run.execution.completion().whenComplete((done, thrown) -> runs.remove(arn));
        scheduleTimeout(run, machine, request.type());
        programs.run(machine.program(), request.input(), scope).whenComplete((output, thrown) -> {
            if (thrown == null) {
                end(run, scope, ExecutionStatus.SUCCEEDED, "ExecutionSucceeded", "executionSucceededEventDetails",
                        output, null, null);
            } else {
                StatesException failure = Recovery.unwrap(thrown);
                end(run, scope, ExecutionStatus.FAILED, "ExecutionFailed", "executionFailedEventDetails", null,
                        failure.error(), failure.cause());
            }
        });
    }

    /** AWS's execution ARNs: {@code ...:execution:MACHINE:NAME}, and {@code ...:express:MACHINE:NAME:ID} for EXPRESS. */
    private String executionArn(StartRequest request, String name) {
        String machine = request.stateMachineArn();
        if (request.type() == StateMachineType.EXPRESS) {
            return machine.replace(":stateMachine:", ":express:") + ":" + name + ":" + uuid();
        }
        return machine.replace(":stateMachine:", ":execution:") + ":" + name;
    }

    private String uuid() {
        return UuidFunction.uuid(random).textValue();
    }

    /** StopExecution: the execution ends ABORTED; a finished one is left as it is. */
    public void stop(String executionArn, String error, String cause) {
        ExecutionRun run = runs.get(executionArn);
        if (run != null) {
            clock.execute(() -> end(run, Scope.root(run), ExecutionStatus.ABORTED, "ExecutionAborted",
                    "executionAbortedEventDetails", null, error, cause));
        }
    }

    /** The Map Run with this ARN, if a Distributed Map of this engine started it and it is not forgotten. */
    public Optional<MapRun> mapRun(String mapRunArn) {
        return Optional.ofNullable(mapRuns.get(mapRunArn));
    }

    /** The Map Runs an execution started, the first first. */
    public List<MapRun> mapRuns(String executionArn) {
        return List.copyOf(mapRunsByExecution.getOrDefault(executionArn, List.of()));
    }

    /**
     * Forgets the Map Runs {@code executionArn} started, with their children and the Map Runs those started
     * in turn: the Step Functions twin calls this when it no longer keeps the execution (AWS keeps a closed
     * execution, and so its Map Runs, for 90 days), so that a long-running twin's Map Runs stay bounded.
     */
    public void forget(String executionArn) {
        List<MapRun> started = mapRunsByExecution.remove(executionArn);
        if (started != null) {
            started.forEach(run -> {
                mapRuns.remove(run.mapRunArn());
                run.children().forEach(child -> {
                    mapRunsByChild.remove(child.executionArn());
                    forget(child.executionArn());
                });
            });
        }
    }

    /** The Map Run that started the child execution {@code executionArn}, if it is kept. */
    public Optional<MapRun> mapRunOfChild(String executionArn) {
        return Optional.ofNullable(mapRunsByChild.get(executionArn));
    }

    /** How many Map Runs, and children of theirs, are kept: what {@link #forget} bounds. */
    int keptMapRuns() {
        return mapRuns.size() + mapRunsByChild.size();
    }

    void mapRunStarted(MapRun run) {
        mapRuns.put(run.mapRunArn(), run);
        mapRunsByExecution.computeIfAbsent(run.executionArn(), arn -> new CopyOnWriteArrayList<>()).add(run);
    }

    /** A Map Run started {@code child}, in place of {@code replaced} (an EXPRESS child run again) when not null. */
    void mapRunChildStarted(MapRun run, Execution child, Execution replaced) {
        if (replaced != null) {
            mapRunsByChild.remove(replaced.executionArn());
        }
        mapRunsByChild.put(child.executionArn(), run);
    }

    public void sendTaskSuccess(String token, JsonNode output) {
        tokens.succeed(token, output);
    }

    public void sendTaskFailure(String token, String error, String cause) {
        tokens.fail(token, error, cause);
    }

    public void sendTaskHeartbeat(String token) {
        tokens.heartbeat(token);
    }

    private void scheduleTimeout(ExecutionRun run, StateMachine machine, StateMachineType type) {
        Duration maximum = type == StateMachineType.EXPRESS ? EXPRESS_LIMIT : STANDARD_LIMIT;
        Duration limit = machine.timeoutSeconds() == null ? maximum
                : min(Duration.ofSeconds(machine.timeoutSeconds()), maximum);
        Clock.Timer timer = clock.schedule(limit, () -> end(run, Scope.root(run), ExecutionStatus.TIMED_OUT,
                "ExecutionTimedOut", "executionTimedOutEventDetails", null, StatesError.TIMEOUT.errorName(), null));
        run.execution.completion().whenComplete((done, thrown) -> timer.cancel());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void end(ExecutionRun run, Scope scope, ExecutionStatus status, String type, String detailsField,
            JsonNode output, String error, String cause) {
        if (run.isOver()) {
            return;
        }
        scope.thread.lastEventId = run.history.size();
        scope.event(type, detailsField, output != null ? History.details("output", output)
                : History.details("error", error, "cause", cause));
        // DescribeExecution of a TIMED_OUT execution has no error or cause: States.Timeout is in the history only.
        boolean timedOut = status == ExecutionStatus.TIMED_OUT;
        if (status != ExecutionStatus.SUCCEEDED && run.execution.type() == StateMachineType.STANDARD) {
            run.execution.redrivePoint(RedrivePoint.of(run.root));
        }
        run.execution.end(status, clock.now(), output, timedOut ? null : error, timedOut ? null : cause);
    }

    /** The history's last event is ExecutionFailed: the execution reached the most events AWS records. */
    void failOnHistoryLimit(ExecutionRun run) {
        end(run, Scope.root(run), ExecutionStatus.FAILED, "ExecutionFailed", "executionFailedEventDetails", null,
                HistoryLimit.ERROR, HistoryLimit.CAUSE);
    }

    Clock clock() {
        return clock;
    }

    Integrations integrations() {
        return integrations;
    }

    RandomGenerator random() {
        return random;
    }

    IntrinsicFunctions intrinsics() {
        return intrinsics;
    }

    TaskTokens tokens() {
        return tokens;
    }

    Runners runners() {
        return runners;
    }

    StateData data(QueryLanguage language) {
        return data.computeIfAbsent(language, lang -> StateData.of(lang, this));
    }
}
