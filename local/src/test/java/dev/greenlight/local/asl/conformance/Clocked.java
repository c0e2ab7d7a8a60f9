package dev.greenlight.local.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.eval.Engine;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.HistoryEvent;
import dev.greenlight.local.asl.eval.StartRequest;
import dev.greenlight.local.asl.parse.DefinitionParser;
import dev.greenlight.local.asl.task.Integrations;
import dev.greenlight.local.asl.task.TaskCall;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** One engine on a virtual clock, for tests that step time and answer task tokens themselves. */
final class Clocked {

    final VirtualClock clock = new VirtualClock();
    final List<TaskCall> calls = new CopyOnWriteArrayList<>();
    final Engine engine;

    /** Every call is recorded and then answered by {@code integrations}. */
    Clocked(Integrations integrations) {
        this.engine = new Engine(clock, call -> {
            calls.add(call);
            return integrations.invoke(call);
        }, new SplittableRandom(1));
    }

    /** Integrations that never answer: the task waits for its token, or for its timeout. */
    static Integrations never() {
        return call -> new CompletableFuture<>();
    }

    Execution start(String definition, String input) {
        return engine.start(DefinitionParser.parse(definition), StartRequest.of("test", Json.parse(input)));
    }

    /** Runs until {@code execution} ends and returns how long it took in virtual time. */
    Duration finish(Execution execution) {
        clock.runUntil(() -> execution.status().isTerminal());
        return Duration.between(execution.startDate(), execution.stopDate());
    }

    /** Runs until the task has been called {@code count} times, and returns the last call's token. */
    String tokenOfCall(int count) {
        clock.runUntil(() -> calls.size() >= count);
        return calls.get(count - 1).taskToken();
    }

    static List<String> types(Execution execution) {
        return execution.history().events().stream().map(HistoryEvent::type).toList();
    }

    static JsonNode json(String text) {
        return Json.parse(text);
    }
}
