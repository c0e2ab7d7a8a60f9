package dev.greenlight.workers.smoke;

/**
 * One smoke check's last attempt.
 *
 * @param check     what was asked, e.g. {@code GET /health}
 * @param status    the HTTP status, null when nothing answered
 * @param latencyMs how long the answer took, null when nothing answered
 * @param reason    why it failed, null when it passed
 * @param attempts  how many times the check was asked, the last included
 */
public record CheckResult(String check, boolean passed, Integer status, Long latencyMs, String reason,
        int attempts) {

    /** A first attempt. */
    public CheckResult(String check, boolean passed, Integer status, Long latencyMs, String reason) {
        this(check, passed, status, latencyMs, reason, 1);
    }

    CheckResult withAttempts(int count) {
        return new CheckResult(check, passed, status, latencyMs, reason, count);
    }
}
