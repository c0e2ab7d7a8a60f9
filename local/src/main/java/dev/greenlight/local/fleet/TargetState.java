package dev.greenlight.local.fleet;

/** A target's health state, as DescribeTargetHealth names it. */
public enum TargetState {
    INITIAL("initial"),
    HEALTHY("healthy"),
    UNHEALTHY("unhealthy"),
    UNUSED("unused"),
    DRAINING("draining");

    private final String wireName;

    TargetState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
