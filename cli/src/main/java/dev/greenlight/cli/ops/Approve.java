package dev.greenlight.cli.ops;

import dev.greenlight.cli.Arguments;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.aws.AwsCommand;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code greenlight approve}: lets a release waiting for manual approval go to all traffic. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approve a release that waits for manual approval: it is promoted to all traffic. "
                + "Your AWS identity (STS GetCallerIdentity) and the reason go into the execution history.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:approved", "1:not approved (no such execution, not waiting for approval, ended, AWS "
                + "unreachable); the reason is printed", "2:bad usage"})
public final class Approve extends AwsCommand {

    @Parameters(paramLabel = "EXECUTION", description = "The execution's name or ARN.")
    String execution;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "approved with greenlight approve",
            description = "Why, for the audit trail.")
    String reason;

    @Override
    protected void checkArguments() {
        Arguments.notBlank(spec, execution, "EXECUTION");
    }

    @Override
    protected int run(Aws aws, PrintWriter out) throws Exception {
        return ApprovalAnswer.send(aws, execution, true, reason, out);
    }
}
