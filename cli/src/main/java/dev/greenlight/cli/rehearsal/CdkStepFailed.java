package dev.greenlight.cli.rehearsal;

/** A step of the rehearsal the CDK CLI did not finish: the step, its log's last lines and the log's path. */
public final class CdkStepFailed extends Exception {

    public CdkStepFailed(String step, CdkCli.Result result) {
        super("cdk " + step + " failed (" + (result.exit() < 0 ? "no end within its time limit" : "exit "
                + result.exit()) + "); the last lines of its log:\n    " + String.join("\n    ", result.lastLines(8))
                + "\nThe whole log: " + result.log());
    }
}
