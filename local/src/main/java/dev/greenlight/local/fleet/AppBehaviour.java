package dev.greenlight.local.fleet;

/**
 * How one running sample app answers, decided from its profile alone: {@code /} fails as the
 * error pattern says, the health path fails when the profile says so, anything else is 404.
 * The real server and the model both ask it, so both modes answer the same.
 */
final class AppBehaviour {

    static final String HEALTH_PATH = "/health";

    private final AppProfile profile;
    private final ErrorPattern errors;
    private long served;

    AppBehaviour(AppProfile profile) {
        this.profile = profile;
        this.errors = profile.errorPattern();
    }

    synchronized int status(String path) {
        if (HEALTH_PATH.equals(path)) {
            return profile.healthCheckFails() ? 503 : 200;
        }
        if ("/".equals(path)) {
            return errors.failsAt(served++) ? 500 : 200;
        }
        return 404;
    }

    AppProfile profile() {
        return profile;
    }
}
