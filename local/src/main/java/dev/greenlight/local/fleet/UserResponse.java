package dev.greenlight.local.fleet;

import java.time.Duration;

/**
 * What a user saw for one request through a listener: the status (0 when no answer came),
 * the latency and the app version that answered (null when no app did).
 */
public record UserResponse(int status, Duration latency, String version) {

    public static final String VERSION_HEADER = "X-App-Version";

    public static UserResponse noAnswer(Duration latency) {
        return new UserResponse(0, latency, null);
    }

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
