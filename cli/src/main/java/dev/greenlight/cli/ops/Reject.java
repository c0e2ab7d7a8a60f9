package dev.greenlight.cli.ops;

import dev.greenlight.cli.Arguments;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.aws.AwsCommand;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code greenlight reject}: sends a release waiting for manual approval back, rolling it back. */
@Command(name = "reject", mixinStandardHelpOptions = true,
        description = "Reject a release that waits for manual approval: traffic goes back to the previous "
                + "version and the execution fails with Greenlight.ApprovalRejected. Your AWS identity and the reason "
                + "go into the execution history.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rejected", "1:not rejected (no such execution, not waiting for approval, ended, AWS "
                + "unreachable); the reason is printed", "2:bad usage"})
public final class Reject extends AwsCommand {

    @Parameters(paramLabel = "EXECUTION", description = "The execution's name or ARN.")
    String execution;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "rejected with greenlight reject",
            description = "Why, for the audit trail.")
    String reason;

    @Override
    protected void checkArguments() {
        Arguments.notBlank(spec, execution, "EXECUTION");
    }

    @Override
    protected int run(Aws aws, PrintWriter out) throws Exception {
        return ApprovalAnswer.send(aws, execution, false, reason, out);
    }
}
