package dev.greenlight.local.fleet;

/** The app exited while starting, as a crashing image does: the task that ran it stops. */
public final class AppCrashedException extends RuntimeException {

    public AppCrashedException(String version) {
        super("sample app version " + version + " exited during start (profile: crash)");
    }
}
