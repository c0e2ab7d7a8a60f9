package dev.greenlight.cli.ops;

import dev.greenlight.cli.Arguments;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.aws.AwsCommand;
import dev.greenlight.workers.pipeline.RecentExecutions;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code greenlight list}: the pipeline's recent executions, newest first, optionally of one service. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"The pipeline's recent deployments, newest first: when each started, its status, its "
                + "execution name (for status, history, approve and reject), the service and image, and the error "
                + "it ended with."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the list was printed (it may be empty)", "1:AWS unreachable; the reason is printed",
                "2:bad usage"})
public final class ListExecutions extends AwsCommand {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Parameters(paramLabel = "SERVICE", arity = "0..1",
            description = "Only this service's deployments (default: every service's).")
    String service;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N",
            description = "How many to show, 1 to 1000 (default ${DEFAULT-VALUE}).")
    int limit;

    /** One line of the list, from the execution and its input. */
    record Row(String started, String status, String name, String service, String image, String error) {
    }

    @Override
    protected void checkArguments() {
        Arguments.notBlank(spec, service, "SERVICE");
        Arguments.within(spec, limit, 1, RecentExecutions.MOST_EXAMINED, "--limit", "a count from 1 to 1000");
    }

    @Override
    protected int run(Aws aws, PrintWriter out) {
        List<Row> rows = rows(aws);
        if (rows.isEmpty()) {
            out.println("No deployments" + (service == null ? "" : " of " + service) + " yet in " + aws.where()
                    + ". Start one with greenlight start SERVICE --image REPO:TAG" + (aws.twin().isPresent()
                    ? " or greenlight push SERVICE TAG." : ", or push an image to the service's repository."));
            return 0;
        }
        String format = "%-19s  %-9s  %-" + width(rows) + "s  %-10s  %-24s  %s";
        out.println(String.format(format, "STARTED (UTC)", "STATUS", "EXECUTION", "SERVICE", "IMAGE", "ERROR"));
        rows.forEach(row -> out.println(String.format(format, row.started(), row.status(), row.name(), row.service(),
                row.image(), row.error()).stripTrailing()));
        out.println("See one with greenlight status EXECUTION, or its audit report with greenlight history EXECUTION.");
        return 0;
    }

    private List<Row> rows(Aws aws) {
        return RecentExecutions.list(aws.sfn(), aws.stateMachineArn(), limit,
                row -> service == null || service.equals(row.service())).stream()
                .map(row -> new Row(TIME.format(row.started()), row.status(), row.name(), row.service(), row.image(),
                        row.error() == null ? "" : row.error())).toList();
    }

    private static int width(List<Row> rows) {
        return rows.stream().mapToInt(row -> row.name().length()).max().orElse(9);
    }
}
