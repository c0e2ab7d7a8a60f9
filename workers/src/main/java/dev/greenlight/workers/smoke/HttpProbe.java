package dev.greenlight.workers.smoke;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** Sends one smoke request; the answer carries its own latency, measured where the request is made. */
@FunctionalInterface
public interface HttpProbe {

    /**
     * @throws java.net.http.HttpTimeoutException when nothing answers within {@code timeout}
     * @throws IOException when the request cannot be made (connection refused, reset, …)
     */
    Answer send(String method, URI uri, Duration timeout) throws IOException, InterruptedException;

    /** An HTTP answer: status, body and the time from sending to the whole body. */
    record Answer(int status, String body, Duration latency) {
    }
}
