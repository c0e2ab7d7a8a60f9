package dev.greenlight.cli.ops;

import dev.greenlight.cli.Arguments;
import dev.greenlight.cli.CliError;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.aws.AwsCommand;
import dev.greenlight.workers.pipeline.DeploymentStatus;
import dev.greenlight.workers.pipeline.ExecutionHistory;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** {@code greenlight status}: where a deployment is, once or until it ends. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Where a deployment is: the execution's current state, its deployment (CodeDeploy or ECS), the "
                + "production traffic split and the service's alarm states. Without EXECUTION, the pipeline's "
                + "most recent one."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the deployment is running or succeeded", "1:no such execution, or AWS unreachable; the "
                + "reason is printed", "2:bad usage", "3:the deployment failed, rolled back, timed out or was "
                + "aborted"})
public final class Status extends AwsCommand {

    static final int ENDED_BADLY = 3;

    @Parameters(paramLabel = "EXECUTION", arity = "0..1",
            description = "The execution's name or ARN (default: the most recent).")
    String execution;

    @Option(names = "--watch", description = "After the status, print each change as it is seen, until the deployment "
            + "ends: only the lines that changed, each stamped with the time (UTC), the final state line last.")
    boolean watch;

    @Option(names = "--every", defaultValue = "5", paramLabel = "SECONDS",
            description = "How often --watch looks, 1 to 86400 (default ${DEFAULT-VALUE}).")
    int everySeconds;

    @Override
    protected void checkArguments() {
        Arguments.notBlank(spec, execution, "EXECUTION");
        Arguments.within(spec, everySeconds, 1, 86_400, "--every", "a number of seconds from 1 to 86400");
    }

    @Override
    protected int run(Aws aws, PrintWriter out) throws Exception {
        String arn = execution != null ? aws.executionArn(execution) : mostRecent(aws);
        DeploymentStatus status = read(aws, arn);
        List<String> shown = StatusLines.of(status);
        print(shown, out);
        while (watch && !status.ended()) {
            // The refresh interval of a person watching a terminal: the edge of the program, not its logic.
            Thread.sleep(everySeconds * 1000L);
            status = read(aws, arn);
            List<String> lines = StatusLines.of(status);
            print(StatusChanges.between(shown, lines, status.ended(), Instant.now()), out);
            shown = lines;
        }
        return status.status() == ExecutionStatus.RUNNING || status.status() == ExecutionStatus.SUCCEEDED
                ? 0 : ENDED_BADLY;
    }

    /** Where the deployment is now, as every face of Greenlight reads it. */
    static DeploymentStatus read(Aws aws, String executionArn) {
        return DeploymentStatus.of(ExecutionHistory.of(aws.sfn(), executionArn),
                () -> ExecutionHistory.definition(aws.sfn(), executionArn), aws.backends(), aws.elb(),
                aws.cloudWatch());
    }

    private static void print(List<String> lines, PrintWriter out) {
        lines.forEach(out::println);
        out.flush();
    }

    private static String mostRecent(Aws aws) {
        return aws.sfn().listExecutions(r -> r.stateMachineArn(aws.stateMachineArn()).maxResults(100)).executions()
                .stream().max(Comparator.comparing(ExecutionListItem::startDate))
                .map(ExecutionListItem::executionArn)
                .orElseThrow(() -> new CliError("The pipeline has no executions yet in " + aws.where() + ". Start "
                        + "one with greenlight start SERVICE --image REPO:TAG" + (aws.twin().isPresent()
                        ? " or greenlight push SERVICE TAG." : ", or push an image to the service's repository.")));
    }
}
