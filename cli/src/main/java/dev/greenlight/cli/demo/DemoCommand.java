package dev.greenlight.cli.demo;

import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.console.Console;
import dev.greenlight.cli.console.ConsolePortOption;
import dev.greenlight.local.clock.RealClock;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.gateway.WireGateway;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greenlight demo}: a real blue/green release and rollback on the local twin, in a few minutes. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Release a good version and roll back a bad one on the local twin, in real time with "
                + "real HTTP users, then summarise each deployment."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--json", description = "End with the summary as one JSON object on the last line.")
    boolean json;

    @Option(names = "--manual", description = "Add a third round whose approval waits for you (the command "
            + "to approve it is printed; it runs against the twin's API).")
    boolean manual;

    @Option(names = "--virtual-time", description = "Tell the same story in virtual time: deterministic, in "
            + "seconds, with modelled users instead of real HTTP (scripts/bench reports its figures).")
    boolean virtualTime;

    @Mixin
    ConsolePortOption consolePortOption;

    @Option(names = "--backend", paramLabel = "BACKEND", defaultValue = "codedeploy",
            description = "Who deploys the service: codedeploy (a CodeDeploy deployment group, the default) or ecs "
                    + "(Amazon ECS blue/green itself).")
    Backend backend;

    @Option(names = "--approve-after", hidden = true, paramLabel = "SECONDS",
            description = "With --manual: approve on the person's behalf after SECONDS (unattended runs).")
    Integer approveAfterSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        int consolePort = consolePortOption.port(spec);
        if (virtualTime) {
            VirtualClock clock = new VirtualClock();
            try (LocalTwin twin = LocalTwin.virtualTime(clock)) {
                return tell(twin, true, clock::advance, consolePort);
            }
        }
        try (RealClock clock = new RealClock(); LocalTwin twin = LocalTwin.realTime(clock)) {
            return tell(twin, false, Pause.REAL, consolePort);
        }
    }

    private int tell(LocalTwin twin, boolean virtual, Pause pause, int consolePort) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        boolean terminal = !virtual && System.console() != null;
        ProgressDisplay display = new ProgressDisplay(out, terminal,
                terminal ? TerminalWidth.of(System.getenv()) : Integer.MAX_VALUE);
        try {
            DemoStage stage = DemoStage.setUp(twin, virtual, backend);
            display.say("Greenlight demo: service orders (2 tasks of 1.0) on the local twin, "
                    + (int) DemoStage.USERS_PER_SECOND + " user requests a second through its production listener.");
            List<DeploymentSummary> deployments;
            try (WireGateway gateway = twin.serve(0);
                    Aws aws = Aws.connect("http://127.0.0.1:" + gateway.port(), "us-east-1",
                            stage.pipeline().stateMachineArn());
                    Console console = Console.start(aws, new GreenlightConfig(Map.of(DemoStage.SERVICE,
                            stage.auto())), consolePort)) {
                display.say("Watch it in the web console: " + console.url());
                deployments = new Demo(stage, pause, display).run(!manual ? null : new ManualApproval(
                        "http://127.0.0.1:" + gateway.port(),
                        approveAfterSeconds == null ? null : Duration.ofSeconds(approveAfterSeconds)));
            }
            out.println();
            out.print(SummaryTable.render(deployments));
            if (json) {
                out.println(SummaryJson.render(deployments));
            }
            out.flush();
            return 0;
        } catch (DemoFailed e) {
            display.endLine();
            spec.commandLine().getErr().println("The demo stopped: " + e.getMessage() + ".");
            return 1;
        }
    }
}
