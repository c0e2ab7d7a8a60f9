package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.StatesException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * The tokens that {@code .waitForTaskToken} tasks wait on, and the answers that complete them.
 *
 * <p>Only the tokens of tasks still waiting are kept. A token answers TaskTimedOut once its task no longer
 * waits, however long after: the API reference gives TaskTimedOut for "The task token has either expired
 * or the task associated with the token has already been closed", and sets no time after which a token
 * becomes unknown. So that a twin left running for days need not remember every token it handed out, each
 * token ends in a check value that marks it as one this twin made (a checksum, not a secret: the twin
 * authenticates nothing); a marked token that is not waiting is a closed task's.
 */
final class TaskTokens {

    /** A waiting task: its result, and what a heartbeat restarts. */
    record Waiter(CompletableFuture<JsonNode> result, Runnable heartbeat) {
    }

    /** 96 bytes, as long as AWS's tokens: 64 random, then 32 that check them. */
    private static final int LENGTH = 96;
    private static final int RANDOM = 64;
    private static final byte[] MARK = "greenlight task token".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, Waiter> waiting = new ConcurrentHashMap<>();
    private final RandomGenerator random;

    TaskTokens(RandomGenerator random) {
        this.random = random;
    }

    /** A fresh opaque token. */
    String create() {
        byte[] bytes = new byte[LENGTH];
        synchronized (random) {
            random.nextBytes(bytes);
        }
        System.arraycopy(check(bytes), 0, bytes, RANDOM, LENGTH - RANDOM);
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

    /** Called when a task stops waiting, however it ended: its token answers TaskTimedOut from now on. */
    void forget(String token) {
        waiting.remove(token);
    }

    /** How many tokens are kept: those of the tasks waiting now. */
    int kept() {
        return waiting.size();
    }

    private Waiter waiter(String token) {
        if (token == null || token.isBlank() || token.length() > 1024) {
            throw new TaskTokenException("InvalidToken", "Invalid Token: '" + token + "'");
        }
        Waiter waiter = waiting.get(token);
        if (waiter == null && madeHere(token)) {
            throw new TaskTokenException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
        }
        if (waiter == null) {
            throw new TaskTokenException("TaskDoesNotExist", "Provided task does not exist anymore");
        }
        return waiter;
    }

    private static boolean madeHere(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return bytes.length == LENGTH
                && MessageDigest.isEqual(check(bytes), Arrays.copyOfRange(bytes, RANDOM, LENGTH));
    }

    /** SHA-256 of the mark and the token's random part. */
    private static byte[] check(byte[] token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(MARK);
            digest.update(token, 0, RANDOM);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
