package dev.greenlight.cli.ops;

import dev.greenlight.cli.Arguments;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.aws.AwsCommand;
import dev.greenlight.cli.history.ReportFormat;
import dev.greenlight.workers.pipeline.AuditReport;
import dev.greenlight.workers.pipeline.ExecutionHistory;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code greenlight history}: the audit report of one deployment, from its execution history. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"The audit report of a deployment, built from its execution history: who or what started "
                + "it and with which image, each step with its evidence (digest and findings, verdicts, alarm "
                + "states, who approved and why) and how it ended (the rollback cause)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was printed", "1:no such execution, or AWS unreachable; the reason is "
                + "printed", "2:bad usage"})
public final class History extends AwsCommand {

    @Parameters(paramLabel = "EXECUTION", description = "The execution's name or ARN.")
    String execution;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|markdown|json",
            description = "text for a terminal, markdown for a ticket, json for tools (default ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Override
    protected void checkArguments() {
        Arguments.notBlank(spec, execution, "EXECUTION");
    }

    @Override
    protected int run(Aws aws, PrintWriter out) {
        out.print(format.render(AuditReport.of(ExecutionHistory.of(aws.sfn(), aws.executionArn(execution)))));
        return 0;
    }
}
