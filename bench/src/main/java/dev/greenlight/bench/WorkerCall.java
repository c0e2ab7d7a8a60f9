package dev.greenlight.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.core.Worker;
import java.util.Map;

/** One worker's invocation for the cold-start bench: its event, and what its answer must be. */
interface WorkerCall {

    /** The handler class, as a Lambda function's configuration names it. */
    Class<? extends Worker<?, ?>> worker();

    /** Readies the twin for this worker's samples and returns the event every sample sends. */
    Object prepare();

    /** What the function's configuration adds to the environment. */
    default Map<String, String> environment() {
        return Map.of();
    }

    /**
     * Checks one answer, then undoes what the call changed, so that every sample meets the same state.
     *
     * @throws WrongResultException when the answer is not what the call should give
     */
    void check(JsonNode response);

    static byte[] json(Object event) {
        try {
            return Worker.JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the event " + event, e);
        }
    }
}
