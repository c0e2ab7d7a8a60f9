package dev.greenlight.local.fleet;

/**
 * A registered target's health and the counts of consecutive check results that move it.
 * The transitions are pure: {@link #afterProbe} returns the next health.
 */
public record TargetHealth(TargetState state, String reason, String description, int passes, int failures) {

    public static final String REASON_REGISTRATION = "Elb.RegistrationInProgress";
    public static final String REASON_INITIAL_CHECKS = "Elb.InitialHealthChecking";
    public static final String REASON_CODE_MISMATCH = "Target.ResponseCodeMismatch";
    public static final String REASON_TIMEOUT = "Target.Timeout";
    public static final String REASON_FAILED = "Target.FailedHealthChecks";
    public static final String REASON_NOT_REGISTERED = "Target.NotRegistered";
    public static final String REASON_NOT_IN_USE = "Target.NotInUse";
    public static final String REASON_DEREGISTRATION = "Target.DeregistrationInProgress";

    /** Just registered with a target group that a listener uses: no check has answered yet. */
    public static TargetHealth registered() {
        return new TargetHealth(TargetState.INITIAL, REASON_REGISTRATION, "Target registration is in progress", 0, 0);
    }

    /** Registered with a target group no listener forwards to: ELB does not check it. */
    public static TargetHealth notInUse() {
        return new TargetHealth(TargetState.UNUSED, REASON_NOT_IN_USE,
                "Target group is not configured to receive traffic from the load balancer", 0, 0);
    }

    public static TargetHealth notRegistered() {
        return new TargetHealth(TargetState.UNUSED, REASON_NOT_REGISTERED,
                "Target is not registered to the target group", 0, 0);
    }

    public static TargetHealth draining() {
        return new TargetHealth(TargetState.DRAINING, REASON_DEREGISTRATION, "Target deregistration is in progress",
                0, 0);
    }

    /** The health after one more check: one pass makes a new target healthy (ELB's rule). */
    public TargetHealth afterProbe(ProbeResult result, HealthCheck check) {
        return switch (state) {
            case INITIAL -> result.passed() ? healthy() : failing(result, check, TargetState.INITIAL);
            case HEALTHY -> result.passed() ? healthy() : failing(result, check, TargetState.HEALTHY);
            case UNHEALTHY -> result.passed() ? recovering(check) : unhealthy(result, failures + 1);
            case UNUSED, DRAINING -> this;
        };
    }

    public boolean receivesTraffic() {
        return state == TargetState.HEALTHY;
    }

    private static TargetHealth healthy() {
        return new TargetHealth(TargetState.HEALTHY, null, null, 0, 0);
    }

    private TargetHealth failing(ProbeResult result, HealthCheck check, TargetState stayIn) {
        int failed = failures + 1;
        if (failed >= check.unhealthyThreshold()) {
            return unhealthy(result, failed);
        }
        if (stayIn == TargetState.INITIAL) {
            return new TargetHealth(TargetState.INITIAL, REASON_INITIAL_CHECKS, "Initial health checks in progress",
                    0, failed);
        }
        return new TargetHealth(TargetState.HEALTHY, null, null, 0, failed);
    }

    private TargetHealth recovering(HealthCheck check) {
        int passed = passes + 1;
        return passed >= check.healthyThreshold() ? healthy()
                : new TargetHealth(TargetState.UNHEALTHY, reason, description, passed, 0);
    }

    private static TargetHealth unhealthy(ProbeResult result, int failed) {
        return new TargetHealth(TargetState.UNHEALTHY, result.reason(), result.description(), 0, failed);
    }
}
