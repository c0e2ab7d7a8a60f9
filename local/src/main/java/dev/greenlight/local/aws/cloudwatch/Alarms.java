package dev.greenlight.local.aws.cloudwatch;

import dev.greenlight.local.clock.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The metric alarms, their history and their evaluation on the clock: each alarm evaluates at
 * every multiple of its period and changes state only when the verdict differs from its state.
 * Guarded by the twin's lock, which scheduled evaluations take too.
 */
final class Alarms {

    private final Clock clock;
    private final Object lock;
    private final MetricStore metrics;
    private final AlarmStateListener listener;
    private final Optional<AlarmActionInvoker> actions;
    private final int quota;
    private final Map<String, Alarm> alarms = new TreeMap<>();
    private final Map<String, Clock.Timer> evaluations = new HashMap<>();
    private final AlarmHistory history = new AlarmHistory();

    /** Without an action invoker, actions are stored but not executed and leave no Action history. */
    Alarms(Clock clock, Object lock, MetricStore metrics, AlarmStateListener listener,
            Optional<AlarmActionInvoker> actions, int quota) {
        this.clock = clock;
        this.lock = lock;
        this.metrics = metrics;
        this.listener = listener;
        this.actions = actions;
        this.quota = quota;
    }

    AlarmHistory history() {
        return history;
    }

    Collection<Alarm> all() {
        return alarms.values();
    }

    /** Creates or replaces an alarm; "when you update an existing alarm, its state is left unchanged". */
    void put(AlarmDefinition definition) {
        Alarm existing = alarms.get(definition.name());
        if (existing == null && alarms.size() >= quota) {
            throw CloudWatchErrors.limitExceeded("The maximum number of alarms (" + quota
                    + ") for this account has been reached.");
        }
        AlarmState state = existing == null ? AlarmState.initial(clock.now()) : existing.state();
        alarms.put(definition.name(), new Alarm(definition, state));
        history.configurationUpdate(definition, existing == null ? ConfigurationChange.CREATE
                : ConfigurationChange.UPDATE, clock.now());
        scheduleEvaluation(definition);
    }

    /** All or nothing: one unknown name deletes none. */
    void delete(List<String> names) {
        for (String name : names) {
            require(name);
        }
        for (String name : names) {
            Alarm removed = alarms.remove(name);
            evaluations.remove(name).cancel();
            history.configurationUpdate(removed.definition(), ConfigurationChange.DELETE, clock.now());
        }
    }

    /** Unknown names are skipped. */
    void setActionsEnabled(List<String> names, boolean enabled) {
        for (String name : names) {
            Alarm alarm = alarms.get(name);
            if (alarm != null) {
                alarms.put(name, new Alarm(alarm.definition().withActionsEnabled(enabled), alarm.state()));
            }
        }
    }

    /** SetAlarmState: holds only until the next evaluation decides otherwise. */
    void setState(String name, StateValue value, String reason, String reasonData) {
        Alarm alarm = require(name);
        transition(alarm, new AlarmState(value, reason, reasonData, clock.now()));
    }

    private Alarm require(String name) {
        Alarm alarm = alarms.get(name);
        if (alarm == null) {
            throw CloudWatchErrors.resourceNotFound("Alarm " + name + " does not exist.");
        }
        return alarm;
    }

    private void scheduleEvaluation(AlarmDefinition definition) {
        Clock.Timer previous = evaluations.remove(definition.name());
        if (previous != null) {
            previous.cancel();
        }
        long periodMillis = definition.period().toMillis();
        long sincePeriodStart = Math.floorMod(clock.now().toEpochMilli(), periodMillis);
        scheduleAt(definition.name(), Duration.ofMillis(periodMillis - sincePeriodStart));
    }

    /**
     * An evaluation runs only while it is still the alarm's current one: a PutMetricAlarm or
     * DeleteAlarms that won the lock while it waited has replaced or cancelled it.
     */
    private void scheduleAt(String name, Duration delay) {
        Clock.Timer[] self = new Clock.Timer[1];
        self[0] = clock.schedule(delay, () -> {
            synchronized (lock) {
                if (evaluations.get(name) == self[0]) {
                    evaluate(name);
                }
            }
        });
        evaluations.put(name, self[0]);
    }

    private void evaluate(String name) {
        Alarm alarm = alarms.get(name);
        AlarmDefinition definition = alarm.definition();
        Instant now = clock.now();
        int range = AlarmEvaluation.evaluationRange(definition.evaluationPeriods());
        Instant rangeStart = now.minus(definition.period().multipliedBy(range));
        List<PeriodValue> periods = periods(definition, rangeStart, now, range);
        AlarmEvaluation.evaluate(definition, periods)
                .filter(verdict -> verdict.state() != alarm.state().value())
                .ifPresent(verdict -> transition(alarm,
                        StateReason.of(definition, verdict, now, rangeStart)));
        scheduleAt(name, definition.period());
    }

    /** The periods of the evaluation range, newest first. */
    private List<PeriodValue> periods(AlarmDefinition definition, Instant rangeStart, Instant now, int range) {
        NavigableMap<Instant, PeriodAggregate> aggregates = metrics.aggregate(definition.metric(), rangeStart, now,
                definition.period(), definition.unit());
        MetricStatistic statistic = new MetricStatistic(definition.statistic());
        List<PeriodValue> periods = new ArrayList<>();
        for (int age = 1; age <= range; age++) {
            Instant start = now.minus(definition.period().multipliedBy(age));
            PeriodAggregate aggregate = aggregates.get(start);
            periods.add(aggregate == null ? PeriodValue.missing(start)
                    : statistic.of(aggregate).stream()
                            .mapToObj(v -> new PeriodValue(start, v, aggregate.statistics().sampleCount()))
                            .findFirst().orElse(PeriodValue.missing(start)));
        }
        return periods;
    }

    private static AlarmStateChange.Configuration configuration(AlarmDefinition definition) {
        java.util.Map<String, String> dimensions = new java.util.LinkedHashMap<>();
        definition.metric().dimensions().forEach(d -> dimensions.put(d.name(), d.value()));
        return new AlarmStateChange.Configuration(definition.description(), definition.metric().namespace(),
                definition.metric().metricName(), dimensions, definition.periodSeconds(), definition.statistic());
    }

    private void transition(Alarm alarm, AlarmState newState) {
        AlarmState oldState = alarm.state();
        AlarmDefinition definition = alarm.definition();
        alarms.put(definition.name(), alarm.withState(newState));
        if (oldState.value() == newState.value()) {
            return;
        }
        history.stateUpdate(definition, oldState, newState);
        AlarmStateChange change = new AlarmStateChange(definition.name(), definition.arn(), oldState, newState,
                configuration(definition));
        clock.execute(() -> listener.onStateChange(change));
        if (definition.actionsEnabled()) {
            actions.ifPresent(invoker -> actionsFor(definition, newState.value())
                    .forEach(arn -> clock.execute(() -> execute(invoker, arn, change))));
        }
    }

    private static List<String> actionsFor(AlarmDefinition definition, StateValue state) {
        return switch (state) {
            case ALARM -> definition.alarmActions();
            case OK -> definition.okActions();
            default -> definition.insufficientDataActions();
        };
    }

    /** Runs on the clock without the lock, so the target may take its own; the outcome is recorded under it. */
    private void execute(AlarmActionInvoker invoker, String actionArn, AlarmStateChange change) {
        String error = null;
        try {
            invoker.invoke(actionArn, change);
        } catch (RuntimeException e) {
            error = e.getMessage();
        }
        synchronized (lock) {
            history.action(change.alarmName(), actionArn, change.state(), error, clock.now());
        }
    }
}
