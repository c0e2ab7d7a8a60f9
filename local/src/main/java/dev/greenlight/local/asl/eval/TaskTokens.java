package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.StatesException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/** The tokens that {@code .waitForTaskToken} tasks wait on, and the answers that complete them. */
final class TaskTokens {

    /** A waiting task: its result, and what a heartbeat restarts. */
    record Waiter(CompletableFuture<JsonNode> result, Runnable heartbeat) {
    }

    private final Map<String, Waiter> waiting = new ConcurrentHashMap<>();
    private final Set<String> expired = ConcurrentHashMap.newKeySet();
    private final RandomGenerator random;

    TaskTokens(RandomGenerator random) {
        this.random = random;
    }

    /** A fresh opaque token, as long as AWS's are. */
    String create() {
        byte[] bytes = new byte[96];
        synchronized (random) {
            random.nextBytes(bytes);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    void await(String token, Waiter waiter) {
        waiting.put(token, waiter);
        waiter.result().whenComplete((result, error) -> waiting.remove(token));
    }

    void succeed(String token, JsonNode output) {
        waiter(token).result().complete(output);
    }

    void fail(String token, String error, String cause) {
        waiter(token).result().completeExceptionally(new StatesException(error == null ? "" : error,
                cause == null ? "" : cause));
    }

    void heartbeat(String token) {
        waiter(token).heartbeat().run();
    }

    /** Called when a task stops waiting: its token no longer answers, as TaskTimedOut if it timed out. */
    void forget(String token, boolean timedOut) {
        if (waiting.remove(token) != null && timedOut) {
            expired.add(token);
        }
    }

    private Waiter waiter(String token) {
        if (token == null || token.isBlank() || token.length() > 1024) {
            throw new TaskTokenException("InvalidToken", "Invalid Token: '" + token + "'");
        }
        Waiter waiter = waiting.get(token);
        if (waiter == null && expired.contains(token)) {
            throw new TaskTokenException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
        }
        if (waiter == null) {
            throw new TaskTokenException("TaskDoesNotExist", "Provided task does not exist anymore");
        }
        return waiter;
    }
}
