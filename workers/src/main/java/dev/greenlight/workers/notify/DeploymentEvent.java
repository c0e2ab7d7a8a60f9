package dev.greenlight.workers.notify;

/** The moments people hear about, with the words the subject line uses. */
public enum DeploymentEvent {
    STARTED("deployment started"), SUCCEEDED("deployed"), ROLLED_BACK("rolled back");

    private final String phrase;

    DeploymentEvent(String phrase) {
        this.phrase = phrase;
    }

    public String phrase() {
        return phrase;
    }
}
