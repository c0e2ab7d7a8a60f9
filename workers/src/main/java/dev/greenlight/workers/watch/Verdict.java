package dev.greenlight.workers.watch;

/** What a look at a deployment found; the state machine's Choice routes on it. */
public enum Verdict {
    /** Nothing wrong so far: keep watching, or promote once the window is over with the analysis PASS. */
    HEALTHY,
    /** An alarm is in ALARM, or went to ALARM at any time since the window opened: roll back. */
    ALARM,
    /** CodeDeploy ended the deployment Failed or Stopped (its errorCode says why): roll back. */
    DEPLOYMENT_FAILED,
    /** CodeDeploy finished the deployment: green serves everything and blue is gone. */
    DEPLOYMENT_SUCCEEDED,
    /** The canary analysis found green significantly worse than blue (or than the limits): roll back. */
    ANALYSIS_FAILED,
    /** Evidence was due and green had not served enough to judge: roll back, never promote blind. */
    INSUFFICIENT_EVIDENCE;

    /** Whether the pipeline must roll back. */
    public boolean rollsBack() {
        return this == ALARM || this == DEPLOYMENT_FAILED || this == ANALYSIS_FAILED || this == INSUFFICIENT_EVIDENCE;
    }
}
