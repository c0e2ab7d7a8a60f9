package dev.greenlight.cli.demo;

import dev.greenlight.cli.Arguments;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.aws.TwinAddress;
import dev.greenlight.cli.console.Console;
import dev.greenlight.cli.console.ConsolePortOption;
import dev.greenlight.cli.local.DeployedEndpoints;
import dev.greenlight.cli.local.PushEndpoint;
import dev.greenlight.cli.rehearsal.CdkStepFailed;
import dev.greenlight.cli.rehearsal.Checkout;
import dev.greenlight.cli.rehearsal.DeployedStacks;
import dev.greenlight.cli.rehearsal.ProgressWriter;
import dev.greenlight.cli.rehearsal.Rehearsal;
import dev.greenlight.local.clock.RealClock;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.gateway.WireGateway;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code greenlight demo}: a real blue/green release and rollback on the local twin, in a few minutes. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Release a good version and roll back a bad one on the local twin, in real time with "
                + "real HTTP users, then summarise each deployment.",
                "With --deployed, the same story on the stacks the CDK app deploys: the pinned CDK CLI deploys "
                        + "GreenlightDemo and Greenlight onto an empty twin first, and the releases go through "
                        + "what CloudFormation created."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the story was told", "1:the demo stopped, or --deployed could not write the CDK CLI's logs "
                + "(the line says why)", "2:bad usage",
                "3:--deployed: Node.js, the pinned CDK CLI or the built CDK app is missing (the line says how to "
                        + "get it)",
                "4:--deployed: a CDK CLI step failed (the line names it, shows its log's last lines and path)"})
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

    @Option(names = "--deployed", description = "Tell the story on the stacks the CDK app in infra/ deploys: "
            + "start an empty twin, bootstrap it and deploy GreenlightDemo and Greenlight with the pinned CDK CLI "
            + "(as local up --deploy, with the demo's windows: a 10 %% canary for 3 minutes with synthetic load, "
            + "a 1-minute bake), then push to the ECR repository CloudFormation created, whose EventBridge rule "
            + "starts the state machine CloudFormation created, which deploys the ECS service behind the ALB "
            + "CloudFormation created. Each CDK step is printed with its time; cdk destroy --all removes both "
            + "stacks at the end. About 15 minutes; needs Node.js and a built checkout. The CDK CLI's logs go to a "
            + "temporary directory, removed when the run ends well; a failed run keeps them (the error names them).")
    boolean deployed;

    @Option(names = "--keep-stacks", description = "With --deployed: do not destroy the stacks at the end; the "
            + "twin keeps serving them until Ctrl-C, recorded in ~/.greenlight/twin.json as local up --deploy records "
            + "it (removed on stop), so push, status and list reach it; the next commands are printed.")
    boolean keepStacks;

    @Option(names = "--approve-after", hidden = true, paramLabel = "SECONDS",
            description = "With --manual: approve on the person's behalf after SECONDS (unattended runs).")
    Integer approveAfterSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        int consolePort = consolePortOption.port(spec);
        if (keepStacks && !deployed) {
            throw new ParameterException(spec.commandLine(), "--keep-stacks keeps what --deployed deploys: add "
                    + "--deployed, or drop --keep-stacks.");
        }
        if (deployed) {
            Arguments.refuseWith(spec, "--deployed", "tells the two automatic rounds and the one without users, in "
                    + "real time, on the service the CDK app deploys as greenlight.json configures it.",
                    "--virtual-time", "--manual", "--backend");
            return tellDeployed(consolePort);
        }
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
        ProgressDisplay display = display(spec.commandLine().getOut(), virtual);
        try {
            DemoStage stage = DemoStage.setUp(twin, virtual, backend);
            display.say("Greenlight demo: service orders (2 tasks of 1.0) on the local twin, "
                    + (int) DemoStage.USERS_PER_SECOND + " user requests a second through its production listener.");
            List<DeploymentSummary> deployments;
            try (WireGateway gateway = twin.serve(0)) {
                deployments = story(stage, gateway, pause, display, consolePort);
            }
            summarise(deployments);
            return 0;
        } catch (DemoFailed e) {
            return stopped(display, e);
        }
    }

    /** The story on the stacks the CDK CLI deploys onto an empty twin; destroyed at the end unless kept. */
    private int tellDeployed(int consolePort) throws InterruptedException {
        Optional<Checkout> checkout = Checkout.find();
        Optional<String> problem = Checkout.problem(checkout, "--deployed");
        if (problem.isPresent()) {
            spec.commandLine().getErr().println(problem.get());
            return 3;
        }
        ProgressWriter out = new ProgressWriter(spec.commandLine().getOut());
        ProgressDisplay display = display(out, false);
        Path logs = null;
        try (RealClock clock = new RealClock(); LocalTwin twin = LocalTwin.realTime(clock);
                WireGateway gateway = twin.serve(0)) {
            display.say("Greenlight demo on the deployed stacks: the CDK app in " + checkout.get().root()
                    .resolve("infra") + ", deployed onto an empty twin by its pinned CDK CLI.");
            logs = Files.createTempDirectory("greenlight-demo-");
            Rehearsal rehearsal = new Rehearsal(twin, gateway.port(), checkout.get(), logs, out);
            DeployedStacks stacks = rehearsal.deploy(DemoStage::deployedWindows);
            DemoStage stage = DemoStage.deployed(twin, stacks);
            display.say("Service orders: the ECS service, load balancer, alarms and CodeDeploy group of "
                    + Rehearsal.DEMO_STACK + "; pipeline " + stacks.stateMachineArn() + " of "
                    + Rehearsal.PIPELINE_STACK + "; " + (int) DemoStage.USERS_PER_SECOND
                    + " user requests a second through the production listener.");
            List<DeploymentSummary> deployments = story(stage, gateway, Pause.REAL, display, consolePort);
            if (keepStacks) {
                summarise(deployments);
                keepServing(twin, gateway, rehearsal, stacks, out);
            }
            rehearsal.destroy(stacks);
            summarise(deployments);
            rehearsal.removeLogs();
            return 0;
        } catch (DemoFailed e) {
            display.endLine();
            spec.commandLine().getErr().println("The demo stopped: " + e.getMessage() + "." + (logs == null ? ""
                    : " The CDK CLI's logs are in " + logs + "."));
            return 1;
        } catch (CdkStepFailed e) {
            display.endLine();
            spec.commandLine().getErr().println(e.getMessage());
            return 4;
        } catch (IOException e) {
            spec.commandLine().getErr().println("Cannot write the CDK CLI's logs (" + e.getMessage() + "); check the "
                    + "temporary directory's free space and permissions.");
            return 1;
        }
    }

    /**
     * With --keep-stacks: the twin serves the stacks until Ctrl-C, recorded for the other greenlight
     * commands as {@code local up --deploy} records them; stopping removes the record and the logs.
     */
    private static void keepServing(LocalTwin twin, WireGateway gateway, Rehearsal rehearsal, DeployedStacks stacks,
            ProgressWriter out) throws InterruptedException {
        PushEndpoint push = PushEndpoint.start(twin);
        TwinAddress address = DeployedEndpoints.publish(twin, gateway.port(), push.url(), rehearsal, stacks, out);
        // Ctrl-C stops the JVM: the hook is the only way out of the wait below.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            address.remove();
            push.close();
            rehearsal.removeLogs();
            out.sayOnItsOwnLine("The twin has stopped.");
        }, "greenlight-demo-down"));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        new CountDownLatch(1).await();
    }

    /** The rounds, with the web console on the pipeline. */
    private List<DeploymentSummary> story(DemoStage stage, WireGateway gateway, Pause pause, ProgressDisplay display,
            int consolePort) throws InterruptedException {
        try (Aws aws = Aws.connect("http://127.0.0.1:" + gateway.port(), "us-east-1",
                        stage.pipeline().stateMachineArn());
                Console console = Console.start(aws, new GreenlightConfig(Map.of(DemoStage.SERVICE,
                        stage.auto())), consolePort)) {
            display.say("Watch it in the web console: " + console.url());
            return new Demo(stage, pause, display).run(!manual ? null : new ManualApproval(
                    "http://127.0.0.1:" + gateway.port(),
                    approveAfterSeconds == null ? null : Duration.ofSeconds(approveAfterSeconds)));
        }
    }

    private ProgressDisplay display(PrintWriter out, boolean virtual) {
        boolean terminal = !virtual && System.console() != null;
        return new ProgressDisplay(out, terminal,
                terminal ? TerminalWidth.of(System.getenv()) : Integer.MAX_VALUE);
    }

    private void summarise(List<DeploymentSummary> deployments) {
        PrintWriter out = spec.commandLine().getOut();
        out.println();
        out.print(SummaryTable.render(deployments));
        if (json) {
            out.println(SummaryJson.render(deployments));
        }
        out.flush();
    }

    private int stopped(ProgressDisplay display, DemoFailed e) {
        display.endLine();
        spec.commandLine().getErr().println("The demo stopped: " + e.getMessage() + ".");
        return 1;
    }
}
