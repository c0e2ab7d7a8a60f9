package dev.greenlight.cli.config;

import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.aws.AwsOptions;
import dev.greenlight.workers.analysis.TimeToFire;
import dev.greenlight.workers.config.ConfigException;
import dev.greenlight.workers.config.ConfigLoader;
import dev.greenlight.workers.config.ConfigSize;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * {@code greenlight config validate FILE}: the loader's verdict, every problem on its own line, and
 * whether each canary is long enough to see anything. Offline it checks the analysis' minimum (one
 * load balancer period and its publication delay); an alarm's time to fire depends on its definition,
 * which only CloudWatch knows, so {@code --check-alarms} reads the alarms (from the running twin or
 * AWS) and checks them too, as Preflight does before every deployment.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Read a configuration file as the workers and the CDK app read it and print every problem, "
                + "one per line, each naming the service and field; the file must also fit the Lambda environment "
                + "variable it travels in (3,500 characters without white space):",
                "  FILE: services.orders.canary.percent: must be a whole number from 1 to 99, got 150",
                "Each canary must be long enough for the analysis (2 minutes); with --check-alarms, also for each "
                        + "configured alarm to fire (Period x DatapointsToAlarm + 60 s)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the file is valid", "1:the file has problems (each is printed) or cannot be read",
                "2:bad usage"})
public final class ConfigValidate implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The configuration file, e.g. greenlight.json.")
    Path file;

    @Option(names = "--check-alarms", description = "Also read each service's alarms from CloudWatch (the running "
            + "twin, or AWS) and refuse a canary shorter than an alarm's time to fire.")
    boolean checkAlarms;

    @Mixin
    AwsOptions awsOptions;

    @Spec
    CommandSpec spec;

    /** Larger than any configuration that fits its environment variable, whatever its white space: not read. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            String text = read(file);
            GreenlightConfig config = ConfigLoader.parse(text);
            ConfigSize.problem(text).ifPresent(problem -> {
                throw new ConfigException(List.of(problem));
            });
            List<String> problems = new ArrayList<>();
            if (checkAlarms) {
                try (Aws aws = awsOptions.connect()) {
                    try {
                        config.services().forEach((name, service) -> problems.addAll(
                                windowProblems(name, service, alarmTimes(aws, service))));
                    } catch (SdkException e) {
                        throw aws.explain(e);
                    }
                }
            } else {
                config.services().forEach((name, service) -> problems.addAll(windowProblems(name, service, List.of())));
            }
            if (!problems.isEmpty()) {
                problems.forEach(problem -> err.println(file + ": " + problem));
                err.flush();
                return 1;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(file + ": valid (" + config.services().size() + " service"
                    + (config.services().size() == 1 ? "" : "s") + ": "
                    + String.join(", ", config.services().keySet()) + ")"
                    + (checkAlarms ? ", each canary long enough for its alarms" : ""));
            out.flush();
            return 0;
        } catch (ConfigException e) {
            e.problems().forEach(problem -> err.println(file + ": " + problem));
            err.flush();
            return 1;
        }
    }

    private static List<String> windowProblems(String name, ServiceConfig service, List<TimeToFire.AlarmTime> alarms) {
        return TimeToFire.tooShort(service.canary().minutes(), alarms).stream()
                .map(problem -> "services." + name + "." + problem).toList();
    }

    /** Each of the service's metric alarms with its time to fire; composite alarms fire when their parts do. */
    private static List<TimeToFire.AlarmTime> alarmTimes(Aws aws, ServiceConfig service) {
        if (service.alarms().isEmpty()) {
            return List.of();
        }
        List<TimeToFire.AlarmTime> times = new ArrayList<>();
        for (int from = 0; from < service.alarms().size(); from += 100) {
            List<String> names = service.alarms().subList(from, Math.min(service.alarms().size(), from + 100));
            aws.cloudWatch().describeAlarmsPaginator(r -> r.alarmNames(names).alarmTypes(AlarmType.METRIC_ALARM))
                    .metricAlarms().forEach(alarm -> times.add(TimeToFire.of((MetricAlarm) alarm)));
        }
        return times;
    }

    private static String read(Path file) {
        try {
            long bytes = Files.size(file);
            if (bytes > MAX_FILE_BYTES) {
                throw new ConfigException(List.of(String.format("the file is %,d bytes; the configuration travels in "
                        + "a Lambda environment variable, and Lambda allows 4 KB for all of a function's variables: "
                        + "keep it within %,d characters without white space", bytes, ConfigSize.MAX_CHARS)));
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(List.of("cannot read the configuration file " + file + " ("
                    + e.getClass().getSimpleName() + ")"));
        }
    }
}
