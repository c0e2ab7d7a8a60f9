package dev.greenlight.local.aws.stepfunctions;

import dev.greenlight.local.asl.eval.MapRun;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunRequest;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ListMapRunsRequest;
import software.amazon.awssdk.services.sfn.model.ListMapRunsResponse;
import software.amazon.awssdk.services.sfn.model.MapRunExecutionCounts;
import software.amazon.awssdk.services.sfn.model.MapRunItemCounts;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.component.StateMachine;
import dev.greenlight.local.asl.eval.Engine;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.StartRequest;
import dev.greenlight.local.asl.eval.TaskTokenException;
import dev.greenlight.local.asl.parse.DefinitionParser;
import dev.greenlight.local.asl.parse.InvalidDefinitionException;
import dev.greenlight.local.asl.task.Integrations;
import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.clock.Await;
import dev.greenlight.local.clock.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DeleteStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.DeleteStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionRequest;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineForExecutionRequest;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineForExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryRequest;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.ListExecutionsRequest;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesRequest;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.LoggingConfiguration;
import software.amazon.awssdk.services.sfn.model.RedriveExecutionRequest;
import software.amazon.awssdk.services.sfn.model.RedriveExecutionResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskHeartbeatRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskHeartbeatResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessResponse;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StopExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StopExecutionResponse;
import software.amazon.awssdk.services.sfn.model.TracingConfiguration;
import software.amazon.awssdk.services.sfn.model.UpdateStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.UpdateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionRequest;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;

/**
 * The Step Functions twin: state machines and their executions, run by the ASL {@link Engine} on
 * the shared clock. STANDARD executions are kept for DescribeExecution, ListExecutions and
 * GetExecutionHistory, as long as their {@link ExecutionRetention} says; EXPRESS executions run
 * but, as on AWS, cannot be described or listed.
 */
public final class StepFunctionsTwin implements SfnClient {

    /** RedriveExecution's clientToken: 1 to 64 printable ASCII characters, no space. */
    private static final Pattern CLIENT_TOKEN = Pattern.compile("[!-~]{1,64}");

    private final Clock clock;
    private final RandomGenerator random;
    private final Engine engine;
    private final Map<String, StateMachineRecord> machines = new TreeMap<>();
    private final Map<String, ExecutionRecord> executions = new LinkedHashMap<>();
    private final ExecutionRetention retention;

    public StepFunctionsTwin(Clock clock, Integrations integrations, RandomGenerator random) {
        this(clock, integrations, random, ExecutionRetention.DEFAULT);
    }

    public StepFunctionsTwin(Clock clock, Integrations integrations, RandomGenerator random,
            ExecutionRetention retention) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.engine = new Engine(clock, integrations, random);
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    @Override
    public synchronized CreateStateMachineResponse createStateMachine(CreateStateMachineRequest request) {
        String name = ResourceNames.check(request.name());
        StateMachineType type = type(request);
        Arns.role(require(request.roleArn(), "roleArn"));
        StateMachine machine = parse(Definitions.sized(require(request.definition(), "definition")), type);
        LoggingConfiguration logging = orElse(request.loggingConfiguration(), StateMachineRecord.NO_LOGGING);
        TracingConfiguration tracing = orElse(request.tracingConfiguration(), StateMachineRecord.NO_TRACING);
        String arn = LocalAccount.arn("states", "stateMachine:" + name);
        StateMachineRecord existing = machines.get(arn);
        if (existing != null && existing.deleting()) {
            throw SfnErrors.stateMachineDeleting(arn);
        }
        if (existing != null && !existing.sameAs(request.definition(), type, logging, tracing)) {
            throw SfnErrors.stateMachineAlreadyExists(arn);
        }
        if (existing == null) {
            Instant now = clock.now();
            existing = new StateMachineRecord(arn, name, request.definition(), machine, request.roleArn(), type,
                    logging, tracing, now, now, false);
            machines.put(arn, existing);
        }
        return CreateStateMachineResponse.builder().stateMachineArn(arn).creationDate(existing.creationDate()).build();
    }

    @Override
    public synchronized DescribeStateMachineResponse describeStateMachine(DescribeStateMachineRequest request) {
        return machine(request.stateMachineArn()).describe();
    }

    @Override
    public synchronized ListStateMachinesResponse listStateMachines(ListStateMachinesRequest request) {
        List<StateMachineListItem> all = machines.values().stream().map(StateMachineRecord::listItem).toList();
        Pages<StateMachineListItem> page = Pages.of(all, request.maxResults(), request.nextToken());
        return ListStateMachinesResponse.builder().stateMachines(page.items()).nextToken(page.nextToken()).build();
    }

    @Override
    public synchronized UpdateStateMachineResponse updateStateMachine(UpdateStateMachineRequest request) {
        StateMachineRecord current = activeMachine(request.stateMachineArn());
        if (request.definition() == null && request.roleArn() == null && request.loggingConfiguration() == null
                && request.tracingConfiguration() == null && request.encryptionConfiguration() == null) {
            throw SfnErrors.missingRequiredParameter("Either the definition, the role ARN, the LoggingConfiguration, "
                    + "the EncryptionConfiguration or the TracingConfiguration must be specified");
        }
        if (request.roleArn() != null) {
            Arns.role(request.roleArn());
        }
        String definition = Definitions.sized(orElse(request.definition(), current.definition()));
        StateMachine machine = request.definition() == null ? current.machine() : parse(definition, current.type());
        Instant now = clock.now();
        machines.put(current.arn(), current.updated(definition, machine, orElse(request.roleArn(), current.roleArn()),
                orElse(request.loggingConfiguration(), current.logging()),
                orElse(request.tracingConfiguration(), current.tracing()), now));
        return UpdateStateMachineResponse.builder().updateDate(now).build();
    }

    /**
     * The state machine goes DELETING and is removed, with its executions, once none of them runs;
     * deleting one that does not exist succeeds, as AWS's DeleteStateMachine lists no such error.
     */
    @Override
    public synchronized DeleteStateMachineResponse deleteStateMachine(DeleteStateMachineRequest request) {
        String arn = Arns.stateMachine(request.stateMachineArn());
        StateMachineRecord machine = machines.get(arn);
        if (machine != null) {
            machines.put(arn, machine.markedDeleting());
            removeIfDeleted(arn);
        }
        return DeleteStateMachineResponse.builder().build();
    }

    @Override
    public ValidateStateMachineDefinitionResponse validateStateMachineDefinition(
            ValidateStateMachineDefinitionRequest request) {
        return DefinitionDiagnostics.validate(Definitions.sized(require(request.definition(), "definition")),
                StateMachineRecord.engineType(request.type()), request.maxResults());
    }

    @Override
    public synchronized StartExecutionResponse startExecution(StartExecutionRequest request) {
        StateMachineRecord machine = activeMachine(request.stateMachineArn());
        String name = request.name() == null ? uuid() : ResourceNames.check(request.name());
        String input = orElse(request.input(), "{}");
        JsonNode json = Payloads.executionInput(input);
        if (machine.type() == StateMachineType.EXPRESS) {
            ExecutionRecord express = startExpress(machine, name, input, json);
            return StartExecutionResponse.builder().executionArn(express.executionArn())
                    .startDate(express.execution().startDate()).build();
        }
        String arn = Arns.execution(machine.name(), name);
        ExecutionRecord existing = executions.get(arn);
        switch (NameReuse.of(existing, input)) {
            case SAME_EXECUTION -> {
                return StartExecutionResponse.builder().executionArn(arn)
                        .startDate(existing.execution().startDate()).build();
            }
            case ALREADY_EXISTS -> throw SfnErrors.executionAlreadyExists(arn);
            default -> {
                prune();
                Execution execution = engine.start(machine.machine(), new StartRequest(machine.arn(), name, json,
                        machine.engineType(), machine.roleArn(), arn));
                executions.put(arn, new ExecutionRecord(arn, execution, input, machine));
                execution.completion().whenComplete((done, thrown) -> executionEnded(machine.arn()));
                return StartExecutionResponse.builder().executionArn(arn).startDate(execution.startDate()).build();
            }
        }
    }

    /** Waits for the EXPRESS execution to end, running the virtual clock when time is virtual. */
    @Override
    public StartSyncExecutionResponse startSyncExecution(StartSyncExecutionRequest request) {
        ExecutionRecord execution;
        synchronized (this) {
            StateMachineRecord machine = activeMachine(request.stateMachineArn());
            if (machine.type() != StateMachineType.EXPRESS) {
                throw SfnErrors.typeNotSupported("This operation is only supported by EXPRESS state machines");
            }
            String name = request.name() == null ? uuid() : ResourceNames.check(request.name());
            String input = orElse(request.input(), "{}");
            execution = startExpress(machine, name, input, Payloads.executionInput(input));
        }
        Await.result(clock, execution.execution().completion());
        return execution.syncResponse();
    }

    /**
     * What an EventBridge rule whose target is a state machine does: StartExecution with the
     * event (or its transformed input) and a generated name. Returns the execution ARN.
     */
    public String startExecutionForRule(String stateMachineArn, String input) {
        return startExecution(StartExecutionRequest.builder().stateMachineArn(stateMachineArn).input(input).build())
                .executionArn();
    }

    @Override
    public synchronized DescribeExecutionResponse describeExecution(DescribeExecutionRequest request) {
        Optional<ExecutionRecord> kept = kept(request.executionArn());
        if (kept.isPresent()) {
            return kept.get().describe(redriveReason(kept.get()));
        }
        MapRun run = mapRunOfChild(request.executionArn());
        return ChildExecutions.describe(run, ChildExecutions.find(run, request.executionArn()));
    }

    /**
     * RedriveExecution: an unsuccessful STANDARD execution continues from the state that failed, with the
     * same ARN and history (see {@link Engine#redrive} and {@link Redrivability}). This twin has no limit on
     * running executions, so it never answers ExecutionLimitExceeded.
     */
    @Override
    public synchronized RedriveExecutionResponse redriveExecution(RedriveExecutionRequest request) {
        String arn = Arns.execution(require(request.executionArn(), "executionArn"));
        if (request.clientToken() != null && !CLIENT_TOKEN.matcher(request.clientToken()).matches()) {
            throw SfnErrors.validation("'" + request.clientToken() + "'", "clientToken",
                    "Member must satisfy regular expression pattern: [!-~]+ and have length between 1 and 64");
        }
        if (arn.contains(":express:")) {
            // RedriveExecution "is not supported by EXPRESS state machines"; the error AWS answers is not published.
            throw SfnErrors.executionNotRedrivable(arn, "This operation is not supported by EXPRESS state machines");
        }
        Optional<ExecutionRecord> kept = kept(arn);
        if (kept.isEmpty()) {
            mapRunOfChild(arn);
            // A Map Run's child is redriven by redriving its parent; AWS does not publish this refusal's wording.
            throw SfnErrors.executionNotRedrivable(arn, "A child workflow execution of a Map Run is redriven by "
                    + "redriving its parent execution");
        }
        ExecutionRecord execution = kept.get();
        Instant now = clock.now();
        Optional<Instant> answered = execution.redriveTokens().answered(request.clientToken(), now);
        if (answered.isPresent()) {
            return RedriveExecutionResponse.builder().redriveDate(answered.get()).build();
        }
        String reason = redriveReason(execution);
        if (reason != null) {
            throw SfnErrors.executionNotRedrivable(arn, reason);
        }
        engine.redrive(execution.execution(), execution.machine().machine());
        execution.execution().completion().whenComplete((done, thrown) -> executionEnded(execution.machine().arn()));
        execution.redriveTokens().redrove(request.clientToken(), now, execution.execution().redriveDate());
        return RedriveExecutionResponse.builder().redriveDate(execution.execution().redriveDate()).build();
    }

    private String redriveReason(ExecutionRecord execution) {
        StateMachineRecord machine = machines.get(execution.machine().arn());
        return Redrivability.reason(execution.execution(), machine == null || machine.deleting(), clock.now());
    }

    @Override
    public synchronized DescribeStateMachineForExecutionResponse describeStateMachineForExecution(
            DescribeStateMachineForExecutionRequest request) {
        return execution(request.executionArn()).describeStateMachine();
    }

    /** Most recent first, as AWS lists them. */
    @Override
    public synchronized ListExecutionsResponse listExecutions(ListExecutionsRequest request) {
        if (request.statusFilter() == ExecutionStatus.UNKNOWN_TO_SDK_VERSION) {
            throw SfnErrors.validation("'" + request.statusFilterAsString() + "'", "statusFilter",
                    "Member must satisfy enum value set: " + ExecutionStatus.knownValues());
        }
        if (request.mapRunArn() != null) {
            return listChildren(request);
        }
        StateMachineRecord machine = machine(require(request.stateMachineArn(), "stateMachineArn"));
        if (machine.type() == StateMachineType.EXPRESS) {
            throw SfnErrors.typeNotSupported("This operation is not supported by EXPRESS state machines");
        }
        prune();
        // Executions are kept in the order they started.
        List<ExecutionRecord> newestFirst = new ArrayList<>(executions.values());
        Collections.reverse(newestFirst);
        List<ExecutionListItem> all = newestFirst.stream()
                .filter(execution -> execution.machine().arn().equals(machine.arn()))
                .filter(execution -> request.statusFilter() == null || execution.status() == request.statusFilter())
                .filter(execution -> redriveFilter(request, execution))
                .map(ExecutionRecord::listItem)
                .toList();
        Pages<ExecutionListItem> page = Pages.of(all, request.maxResults(), request.nextToken());
        return ListExecutionsResponse.builder().executions(page.items()).nextToken(page.nextToken()).build();
    }

    /**
     * ListExecutions with a mapRunArn: the Map Run's child executions, with how many items each took. AWS does
     * not publish the wording of the refusal when both mapRunArn and stateMachineArn are given.
     */
    private ListExecutionsResponse listChildren(ListExecutionsRequest request) {
        if (request.stateMachineArn() != null) {
            throw SfnErrors.validation("'" + request.mapRunArn() + "'", "mapRunArn",
                    "You can specify either a mapRunArn or a stateMachineArn, but not both");
        }
        MapRun run = engine.mapRun(MapRunArns.check(request.mapRunArn()))
                .orElseThrow(() -> SfnErrors.mapRunDoesNotExist(request.mapRunArn()));
        List<ExecutionListItem> all = ChildExecutions.list(run).stream()
                .filter(child -> request.statusFilter() == null || child.status() == request.statusFilter())
                .filter(child -> request.redriveFilter() == null
                        || (request.redriveFilter() == ExecutionRedriveFilter.REDRIVEN) == (child.redriveCount() > 0))
                .toList();
        Pages<ExecutionListItem> page = Pages.of(all, request.maxResults(), request.nextToken());
        return ListExecutionsResponse.builder().executions(page.items()).nextToken(page.nextToken()).build();
    }

    /** ListExecutions' redriveFilter: REDRIVEN lists the executions redriven at least once, NOT_REDRIVEN the rest. */
    private static boolean redriveFilter(ListExecutionsRequest request, ExecutionRecord execution) {
        if (request.redriveFilter() == null) {
            return true;
        }
        boolean redriven = execution.execution().redriveCount() > 0;
        return request.redriveFilter() == ExecutionRedriveFilter.REDRIVEN ? redriven : !redriven;
    }

    @Override
    public GetExecutionHistoryResponse getExecutionHistory(GetExecutionHistoryRequest request) {
        Execution execution;
        synchronized (this) {
            Optional<ExecutionRecord> kept = kept(request.executionArn());
            execution = kept.isPresent() ? kept.get().execution()
                    : ChildExecutions.find(mapRunOfChild(request.executionArn()), request.executionArn());
        }
        List<dev.greenlight.local.asl.eval.HistoryEvent> events = new ArrayList<>(execution.history().events());
        if (Boolean.TRUE.equals(request.reverseOrder())) {
            Collections.reverse(events);
        }
        Pages<dev.greenlight.local.asl.eval.HistoryEvent> page = Pages.of(events, request.maxResults(),
                request.nextToken());
        boolean includeData = !Boolean.FALSE.equals(request.includeExecutionData());
        List<HistoryEvent> sdkEvents = page.items().stream().map(event -> HistoryEvents.of(event, includeData))
                .toList();
        return GetExecutionHistoryResponse.builder().events(sdkEvents).nextToken(page.nextToken()).build();
    }

    /** The Map Runs of an execution's Distributed Map states, the first first. */
    @Override
    public ListMapRunsResponse listMapRuns(ListMapRunsRequest request) {
        ExecutionRecord execution;
        synchronized (this) {
            execution = execution(require(request.executionArn(), "executionArn"));
        }
        List<MapRunListItem> all = engine.mapRuns(execution.executionArn()).stream()
                .map(run -> MapRunListItem.builder().executionArn(run.executionArn()).mapRunArn(run.mapRunArn())
                        .stateMachineArn(run.stateMachineArn()).startDate(run.startDate()).stopDate(run.stopDate())
                        .build())
                .toList();
        Pages<MapRunListItem> page = Pages.of(all, request.maxResults(), request.nextToken());
        return ListMapRunsResponse.builder().mapRuns(page.items()).nextToken(page.nextToken()).build();
    }

    @Override
    public DescribeMapRunResponse describeMapRun(DescribeMapRunRequest request) {
        String arn = MapRunArns.check(require(request.mapRunArn(), "mapRunArn"));
        MapRun run = engine.mapRun(arn).orElseThrow(() -> SfnErrors.mapRunDoesNotExist(arn));
        MapRun.Counts items = run.itemCounts();
        MapRun.Counts children = run.executionCounts();
        return DescribeMapRunResponse.builder().mapRunArn(run.mapRunArn()).executionArn(run.executionArn())
                .status(run.status().name()).startDate(run.startDate()).stopDate(run.stopDate())
                .maxConcurrency(run.maxConcurrency()).toleratedFailureCount((long) run.toleratedFailureCount())
                .toleratedFailurePercentage(run.toleratedFailurePercentage())
                .itemCounts(MapRunItemCounts.builder().pending(items.pending()).running(items.running())
                        .succeeded(items.succeeded()).failed(items.failed()).timedOut(items.timedOut())
                        .aborted(items.aborted()).total(items.total()).resultsWritten(written(run, items)).build())
                .executionCounts(MapRunExecutionCounts.builder().pending(children.pending())
                        .running(children.running()).succeeded(children.succeeded()).failed(children.failed())
                        .timedOut(children.timedOut()).aborted(children.aborted()).total(children.total())
                        .resultsWritten(written(run, children)).build())
                .redriveCount(run.redriveCount())
                .redriveDate(run.redriveDate())
                .build();
    }

    /** Only a ResultWriter writes results: every ended child's, once the Map Run has exported them. */
    private static long written(MapRun run, MapRun.Counts counts) {
        return run.hasWrittenResults() ? counts.succeeded() + counts.failed() + counts.timedOut() + counts.aborted()
                : 0;
    }

    /** The execution ends ABORTED before the call returns; a closed execution is left as it is. */
    @Override
    public StopExecutionResponse stopExecution(StopExecutionRequest request) {
        ExecutionRecord execution;
        synchronized (this) {
            execution = execution(request.executionArn());
        }
        ErrorAndCause.check(request.error(), request.cause());
        if (execution.isRunning()) {
            engine.stop(execution.executionArn(), request.error(), request.cause());
            Await.result(clock, execution.execution().completion());
        }
        return StopExecutionResponse.builder().stopDate(execution.execution().stopDate()).build();
    }

    @Override
    public SendTaskSuccessResponse sendTaskSuccess(SendTaskSuccessRequest request) {
        JsonNode output = Payloads.taskOutput(require(request.output(), "output"));
        answer(() -> engine.sendTaskSuccess(require(request.taskToken(), "taskToken"), output));
        return SendTaskSuccessResponse.builder().build();
    }

    @Override
    public SendTaskFailureResponse sendTaskFailure(SendTaskFailureRequest request) {
        ErrorAndCause.check(request.error(), request.cause());
        answer(() -> engine.sendTaskFailure(require(request.taskToken(), "taskToken"), request.error(),
                request.cause()));
        return SendTaskFailureResponse.builder().build();
    }

    @Override
    public SendTaskHeartbeatResponse sendTaskHeartbeat(SendTaskHeartbeatRequest request) {
        answer(() -> engine.sendTaskHeartbeat(require(request.taskToken(), "taskToken")));
        return SendTaskHeartbeatResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    private ExecutionRecord startExpress(StateMachineRecord machine, String name, String input, JsonNode json) {
        String arn = Arns.expressExecution(machine.name(), name, uuid());
        Execution execution = engine.start(machine.machine(), new StartRequest(machine.arn(), name, json,
                machine.engineType(), machine.roleArn(), arn));
        // EXPRESS executions are not kept: neither are the Map Runs they start.
        execution.completion().whenComplete((done, thrown) -> engine.forget(arn));
        return new ExecutionRecord(arn, execution, input, machine);
    }

    private synchronized void executionEnded(String machineArn) {
        removeIfDeleted(machineArn);
        prune();
    }

    /** Drops the executions the retention no longer keeps, and their Map Runs. */
    private void prune() {
        retention.prune(executions.values(), clock.now()).forEach(gone -> engine.forget(gone.executionArn()));
    }

    private void removeIfDeleted(String machineArn) {
        StateMachineRecord machine = machines.get(machineArn);
        boolean running = executions.values().stream()
                .anyMatch(execution -> execution.machine().arn().equals(machineArn) && execution.isRunning());
        if (machine != null && machine.deleting() && !running) {
            machines.remove(machineArn);
            executions.values().removeIf(execution -> {
                boolean gone = execution.machine().arn().equals(machineArn);
                if (gone) {
                    engine.forget(execution.executionArn());
                }
                return gone;
            });
        }
    }

    private StateMachineRecord machine(String arn) {
        StateMachineRecord machine = machines.get(Arns.stateMachine(arn));
        if (machine == null) {
            throw SfnErrors.stateMachineDoesNotExist(arn);
        }
        return machine;
    }

    private StateMachineRecord activeMachine(String arn) {
        StateMachineRecord machine = machine(arn);
        if (machine.deleting()) {
            throw SfnErrors.stateMachineDeleting(arn);
        }
        return machine;
    }

    private ExecutionRecord execution(String arn) {
        return kept(arn).orElseThrow(() -> SfnErrors.executionDoesNotExist(arn));
    }

    /** The execution with this ARN among those the twin keeps (not Map Run children). */
    private Optional<ExecutionRecord> kept(String arn) {
        prune();
        return Optional.ofNullable(executions.get(Arns.execution(arn)));
    }

    /** The Map Run that started this child execution; ExecutionDoesNotExist when none did. */
    private MapRun mapRunOfChild(String arn) {
        return engine.mapRunOfChild(arn).orElseThrow(() -> SfnErrors.executionDoesNotExist(arn));
    }

    private static StateMachine parse(String definition, StateMachineType type) {
        try {
            return DefinitionParser.parse(definition, StateMachineRecord.engineType(type));
        } catch (InvalidDefinitionException e) {
            throw SfnErrors.invalidDefinition(e.getMessage());
        }
    }

    private static StateMachineType type(CreateStateMachineRequest request) {
        if (request.type() == null) {
            return StateMachineType.STANDARD;
        }
        if (request.type() == StateMachineType.UNKNOWN_TO_SDK_VERSION) {
            throw SfnErrors.validation("'" + request.typeAsString() + "'", "type",
                    "Member must satisfy enum value set: [STANDARD, EXPRESS]");
        }
        return request.type();
    }

    private static void answer(Runnable callback) {
        try {
            callback.run();
        } catch (TaskTokenException e) {
            throw SfnErrors.taskToken(e.code(), e.getMessage());
        }
    }

    private String uuid() {
        synchronized (random) {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
    }

    private static <T> T require(T value, String member) {
        if (value == null) {
            throw SfnErrors.validation("null", member, "Member must not be null");
        }
        return value;
    }

    private static <T> T orElse(T value, T otherwise) {
        return value != null ? value : otherwise;
    }
}
