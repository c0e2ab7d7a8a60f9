package dev.greenlight.local.aws.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.clock.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DeleteRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.DisableRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DisableRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EnableRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.EnableRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRulesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.eventbridge.model.TestEventPatternRequest;
import software.amazon.awssdk.services.eventbridge.model.TestEventPatternResponse;

/**
 * EventBridge's default bus: rules with event patterns (matched by Event Ruler), their targets
 * with Input, InputPath and InputTransformer, and PutEvents. Matched events reach targets
 * through {@link EventTargets}, on the clock, after PutEvents has answered, as on AWS.
 * Scheduled rules run on the clock ({@link Schedule}); other buses are not modelled.
 */
public final class EventBridgeTwin implements EventBridgeClient {

    static final String DEFAULT_BUS = "default";
    static final int MAX_RULES = 300;
    static final int MAX_TARGETS_PER_RULE = 5;
    static final int MAX_TARGETS_PER_CALL = 10;
    static final int MAX_ENTRIES_PER_CALL = 10;
    static final int MAX_ENTRIES_SIZE = 256 * 1024;
    private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
    private static final Set<String> REQUIRED_EVENT_FIELDS =
            Set.of("id", "account", "source", "time", "region", "detail-type");
    private static final Logger LOG = LoggerFactory.getLogger(EventBridgeTwin.class);

    private final Clock clock;
    private final EventTargets targets;
    private final Map<String, EventRule> rules = new LinkedHashMap<>();
    private final ScheduledRuns schedules;

    public EventBridgeTwin(Clock clock, EventTargets targets) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.schedules = new ScheduledRuns(clock, this::runScheduled);
    }

    @Override
    public synchronized PutRuleResponse putRule(PutRuleRequest request) {
        String bus = bus(request.eventBusName());
        checkName(request.name(), "name");
        if (request.eventPattern() == null && request.scheduleExpression() == null) {
            throw EventBridgeErrors.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        Optional<EventPattern> pattern = Optional.ofNullable(request.eventPattern()).map(EventPattern::compile);
        Optional<Schedule> schedule = Optional.ofNullable(request.scheduleExpression()).map(Schedule::parse);
        RuleState state = ruleState(request.state());
        EventRule existing = rules.get(request.name());
        if (existing == null && rules.size() >= MAX_RULES) {
            throw EventBridgeErrors.limitExceeded();
        }
        EventRule rule = existing == null
                ? new EventRule(request.name(), bus, pattern, schedule, state, request.description(), List.of(),
                        clock.now())
                : new EventRule(request.name(), bus, pattern, schedule, state, request.description(),
                        existing.targets(), existing.createdAt());
        rules.put(rule.name(), rule);
        schedules.restart(rule);
        return PutRuleResponse.builder().ruleArn(rule.arn()).build();
    }

    @Override
    public synchronized DescribeRuleResponse describeRule(DescribeRuleRequest request) {
        EventRule rule = rule(request.name(), request.eventBusName());
        return DescribeRuleResponse.builder()
                .name(rule.name())
                .arn(rule.arn())
                .eventPattern(rule.patternText())
                .scheduleExpression(rule.scheduleExpression())
                .state(rule.state())
                .description(rule.description())
                .eventBusName(rule.eventBusName())
                .createdBy(LocalAccount.ID)
                .build();
    }

    @Override
    public synchronized ListRulesResponse listRules(ListRulesRequest request) {
        bus(request.eventBusName());
        List<EventRule> matching = rules.values().stream()
                .filter(rule -> request.namePrefix() == null || rule.name().startsWith(request.namePrefix()))
                .toList();
        Page page = Page.of(matching.size(), request.limit(), request.nextToken());
        return ListRulesResponse.builder()
                .rules(matching.subList(page.from(), page.to()).stream().map(EventBridgeTwin::summary).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /** AWS refuses to delete a rule that still has targets; deleting a rule that is not there is no error. */
    @Override
    public synchronized DeleteRuleResponse deleteRule(DeleteRuleRequest request) {
        bus(request.eventBusName());
        EventRule rule = rules.get(request.name());
        if (rule != null && !rule.targets().isEmpty()) {
            throw EventBridgeErrors.validation("EventRule can't be deleted since it has targets.");
        }
        rules.remove(request.name());
        schedules.stop(request.name());
        return DeleteRuleResponse.builder().build();
    }

    @Override
    public synchronized EnableRuleResponse enableRule(EnableRuleRequest request) {
        EventRule rule = rule(request.name(), request.eventBusName());
        rules.put(rule.name(), rule.withState(RuleState.ENABLED));
        return EnableRuleResponse.builder().build();
    }

    @Override
    public synchronized DisableRuleResponse disableRule(DisableRuleRequest request) {
        EventRule rule = rule(request.name(), request.eventBusName());
        rules.put(rule.name(), rule.withState(RuleState.DISABLED));
        return DisableRuleResponse.builder().build();
    }

    @Override
    public synchronized PutTargetsResponse putTargets(PutTargetsRequest request) {
        EventRule rule = rule(request.rule(), request.eventBusName());
        checkTargetsShape(request.targets());
        Map<String, Target> stored = new LinkedHashMap<>();
        rule.targets().forEach(target -> stored.put(target.id(), target));
        List<PutTargetsResultEntry> failed = new ArrayList<>();
        for (Target target : request.targets()) {
            Optional<String> problem = TargetCheck.problem(target);
            if (problem.isPresent()) {
                failed.add(PutTargetsResultEntry.builder().targetId(target.id())
                        .errorCode("ValidationException").errorMessage(problem.get()).build());
            } else {
                stored.put(target.id(), target);
            }
        }
        if (stored.size() > MAX_TARGETS_PER_RULE) {
            throw EventBridgeErrors.limitExceeded();
        }
        rules.put(rule.name(), rule.withTargets(List.copyOf(stored.values())));
        return PutTargetsResponse.builder().failedEntryCount(failed.size()).failedEntries(failed).build();
    }

    @Override
    public synchronized ListTargetsByRuleResponse listTargetsByRule(ListTargetsByRuleRequest request) {
        EventRule rule = rule(request.rule(), request.eventBusName());
        Page page = Page.of(rule.targets().size(), request.limit(), request.nextToken());
        return ListTargetsByRuleResponse.builder()
                .targets(rule.targets().subList(page.from(), page.to()))
                .nextToken(page.nextToken())
                .build();
    }

    /** Ids the rule does not have are not an error: there is nothing left to remove. */
    @Override
    public synchronized RemoveTargetsResponse removeTargets(RemoveTargetsRequest request) {
        EventRule rule = rule(request.rule(), request.eventBusName());
        if (request.ids().isEmpty() || request.ids().size() > MAX_TARGETS_PER_CALL) {
            throw EventBridgeErrors.validation("1 validation error detected: Value at 'ids' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_TARGETS_PER_CALL
                    + " and greater than or equal to 1");
        }
        Set<String> removed = Set.copyOf(request.ids());
        rules.put(rule.name(), rule.withTargets(rule.targets().stream()
                .filter(target -> !removed.contains(target.id())).toList()));
        return RemoveTargetsResponse.builder().failedEntryCount(0).failedEntries(List.of()).build();
    }

    @Override
    public PutEventsResponse putEvents(PutEventsRequest request) {
        checkEntriesShape(request.entries());
        List<PutEventsResultEntry> results = new ArrayList<>();
        for (PutEventsRequestEntry entry : request.entries()) {
            results.add(put(entry));
        }
        int failed = (int) results.stream().filter(result -> result.errorCode() != null).count();
        return PutEventsResponse.builder().entries(results).failedEntryCount(failed).build();
    }

    @Override
    public TestEventPatternResponse testEventPattern(TestEventPatternRequest request) {
        EventPattern pattern = EventPattern.compile(request.eventPattern());
        JsonNode event = parseTestEvent(request.event());
        return TestEventPatternResponse.builder().result(pattern.matches(Json.write(event))).build();
    }

    /**
     * An event from an AWS service (ECR's image pushes and scans): it skips PutEvents' checks,
     * which refuse {@code aws.*} sources to callers. Returns the event id.
     */
    public String putServiceEvent(String source, String detailType, List<String> resources, JsonNode detail) {
        BusEvent event = new BusEvent(UUID.randomUUID().toString(), detailType, source, clock.now(), resources,
                detail, clock.now());
        route(event);
        return event.id();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    private PutEventsResultEntry put(PutEventsRequestEntry entry) {
        if (entry.eventBusName() != null && !isDefaultBus(entry.eventBusName())) {
            return PutEventsResultEntry.builder().errorCode("ResourceNotFoundException")
                    .errorMessage("Event bus " + entry.eventBusName() + " does not exist.").build();
        }
        Optional<PutEventsResultEntry> failure = EntryCheck.failure(entry);
        if (failure.isPresent()) {
            return failure.get();
        }
        BusEvent event = new BusEvent(UUID.randomUUID().toString(), entry.detailType(), entry.source(),
                entry.time() == null ? clock.now() : entry.time(), entry.resources(), Json.parse(entry.detail()),
                clock.now());
        route(event);
        return PutEventsResultEntry.builder().eventId(event.id()).build();
    }

    /** Each enabled rule whose pattern matches sends the event to each of its targets, later on the clock. */
    private void route(BusEvent event) {
        String eventJson = Json.write(event.toJson());
        List<EventRule> matched;
        synchronized (this) {
            matched = rules.values().stream().filter(EventRule::enabled)
                    .filter(rule -> rule.matches(eventJson)).toList();
        }
        for (EventRule rule : matched) {
            for (Target target : rule.targets()) {
                TargetInput.of(target, event, rule.name(), rule.arn())
                        .ifPresent(input -> clock.execute(() -> deliver(rule.arn(), target.arn(), target.roleArn(),
                                input)));
            }
        }
    }

    /**
     * A scheduled rule's run: the "Scheduled Event" from {@code aws.events}, naming the rule, goes to
     * its targets if the rule is still there with that schedule and enabled; true to keep running.
     */
    private boolean runScheduled(String ruleName, Schedule schedule, Instant due) {
        EventRule rule;
        synchronized (this) {
            rule = rules.get(ruleName);
        }
        if (rule == null || !rule.schedule().equals(Optional.of(schedule))) {
            return false;
        }
        if (rule.enabled()) {
            BusEvent event = new BusEvent(UUID.randomUUID().toString(), "Scheduled Event", "aws.events", due,
                    List.of(rule.arn()), Json.NODES.objectNode(), clock.now());
            for (Target target : rule.targets()) {
                TargetInput.of(target, event, rule.name(), rule.arn())
                        .ifPresent(input -> clock.execute(() -> deliver(rule.arn(), target.arn(), target.roleArn(),
                                input)));
            }
        }
        return true;
    }

    /** A target that fails is AWS's FailedInvocations: logged, and the other targets still get the event. */
    private void deliver(String ruleArn, String targetArn, String roleArn, String input) {
        try {
            targets.deliver(ruleArn, targetArn, roleArn, input);
        } catch (RuntimeException e) {
            LOG.warn("delivery to {} failed: {}", targetArn, e.toString());
        }
    }

    private EventRule rule(String name, String busName) {
        String bus = bus(busName);
        EventRule rule = rules.get(name);
        if (rule == null) {
            throw EventBridgeErrors.ruleNotFound(name, bus);
        }
        return rule;
    }

    private static String bus(String name) {
        if (name == null || isDefaultBus(name)) {
            return DEFAULT_BUS;
        }
        throw EventBridgeErrors.busNotFound(name);
    }

    private static boolean isDefaultBus(String name) {
        return DEFAULT_BUS.equals(name) || LocalAccount.arn("events", "event-bus/" + DEFAULT_BUS).equals(name);
    }

    private static void checkName(String value, String field) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw EventBridgeErrors.validation("1 validation error detected: Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "[\\.\\-_A-Za-z0-9]+");
        }
    }

    private static RuleState ruleState(RuleState requested) {
        if (requested == null) {
            return RuleState.ENABLED;
        }
        if (requested != RuleState.ENABLED && requested != RuleState.DISABLED) {
            throw EventBridgeErrors.validation("1 validation error detected: Value '" + requested
                    + "' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]");
        }
        return requested;
    }

    private static void checkTargetsShape(List<Target> targets) {
        if (targets.isEmpty() || targets.size() > MAX_TARGETS_PER_CALL) {
            throw EventBridgeErrors.validation("1 validation error detected: Value at 'targets' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_TARGETS_PER_CALL
                    + " and greater than or equal to 1");
        }
        for (Target target : targets) {
            checkName(target.id(), "targets.member.id");
            if (target.arn() == null || target.arn().isEmpty()) {
                throw EventBridgeErrors.validation("1 validation error detected: Value null at 'targets.member.arn' "
                        + "failed to satisfy constraint: Member must not be null");
            }
            if (target.roleArn() == null && TargetCheck.needsRole(target.arn())) {
                throw EventBridgeErrors.validation("RoleArn is required for target " + target.arn() + ".");
            }
        }
        if (targets.stream().map(Target::id).collect(Collectors.toSet()).size() < targets.size()) {
            throw EventBridgeErrors.validation("Target ids must be unique within a request.");
        }
    }

    private static void checkEntriesShape(List<PutEventsRequestEntry> entries) {
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES_PER_CALL) {
            throw EventBridgeErrors.validation("1 validation error detected: Value at 'entries' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_ENTRIES_PER_CALL
                    + " and greater than or equal to 1");
        }
        long size = entries.stream().mapToLong(EventBridgeTwin::size).sum();
        if (size > MAX_ENTRIES_SIZE) {
            throw EventBridgeErrors.validation("Total size of the entries in the request is over the limit.");
        }
    }

    /** An entry's size as AWS counts it: its Source, DetailType, Detail and Resources in UTF-8, plus 14 bytes for Time. */
    private static long size(PutEventsRequestEntry entry) {
        long size = entry.time() == null ? 0 : 14;
        for (String part : new String[] {entry.source(), entry.detailType(), entry.detail()}) {
            size += part == null ? 0 : part.getBytes(StandardCharsets.UTF_8).length;
        }
        return size + entry.resources().stream().mapToLong(r -> r.getBytes(StandardCharsets.UTF_8).length).sum();
    }

    private static JsonNode parseTestEvent(String text) {
        JsonNode event;
        try {
            event = text == null ? null : Json.parse(text);
        } catch (RuntimeException e) {
            event = null;
        }
        if (event == null || !event.isObject() || !REQUIRED_EVENT_FIELDS.stream().allMatch(event::has)) {
            throw EventBridgeErrors.validation("Parameter Event is not valid.");
        }
        return event;
    }

    private static software.amazon.awssdk.services.eventbridge.model.Rule summary(EventRule rule) {
        return software.amazon.awssdk.services.eventbridge.model.Rule.builder()
                .name(rule.name())
                .arn(rule.arn())
                .eventPattern(rule.patternText())
                .scheduleExpression(rule.scheduleExpression())
                .state(rule.state())
                .description(rule.description())
                .eventBusName(rule.eventBusName())
                .build();
    }
}
