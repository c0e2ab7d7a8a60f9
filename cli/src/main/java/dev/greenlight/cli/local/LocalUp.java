package dev.greenlight.cli.local;

import dev.greenlight.cli.Arguments;
import dev.greenlight.cli.console.ConsolePortOption;
import dev.greenlight.cli.rehearsal.CdkStepFailed;
import dev.greenlight.cli.rehearsal.Checkout;
import dev.greenlight.cli.rehearsal.DeployedStacks;
import dev.greenlight.cli.rehearsal.ProgressWriter;
import dev.greenlight.cli.rehearsal.Rehearsal;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import java.io.PrintWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greenlight local up}: the twin in the foreground, on the wall clock, until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start the local twin in the foreground in real time, deploy the pipeline onto it for the "
                + "demo service (a 10 %% canary for 2 minutes with synthetic load on green and the canary analysis of "
                + "green against blue, greenlight demo's own; a 1-minute bake), keep "
                + "steady users on its production listener, and print its endpoints.",
                "While it runs, the other greenlight commands reach it without --endpoint-url: its address is in "
                        + "~/.greenlight/twin.json (removed on stop). Point any AWS SDK or the AWS CLI at it with "
                        + "--endpoint-url. Stop it with Ctrl-C."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly", "1:the twin could not start (the port is taken)", "2:bad usage",
                "3:--deploy: Node.js, the pinned CDK CLI or the built CDK app is missing (the line says how to get it)",
                "4:--deploy: a CDK CLI step failed (the line names it, shows its log's last lines and path), or its "
                        + "logs could not be written"})
public final class LocalUp implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "4566", paramLabel = "N",
            description = "The gateway's port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--service", defaultValue = "orders", paramLabel = "NAME",
            description = "The demo service to provision (default ${DEFAULT-VALUE}).")
    String service;

    @Mixin
    ConsolePortOption consolePortOption;

    @Option(names = "--empty", description = "Provision nothing and deploy no pipeline: an empty account.")
    boolean empty;

    @Option(names = "--deploy", description = "Rehearse exactly what you deploy: start an empty twin, then "
            + "bootstrap it and deploy both stacks of the CDK app in infra/ with the pinned CDK CLI, as in AWS: "
            + "GreenlightDemo, then Greenlight with a copy of greenlight.json whose smoke.testUrl is the demo's test "
            + "listener. Prints each step with its time; push, status, list and iam report then work on the "
            + "deployed pipeline. Needs Node.js and a built checkout (the error says what is missing). The CDK CLI's "
            + "logs go to a temporary directory, removed when the twin stops; a failed step keeps them (the error "
            + "names them).")
    boolean deploy;

    @Option(names = "--approval", defaultValue = "auto", paramLabel = "auto|manual",
            description = "How the demo service's releases are approved (default ${DEFAULT-VALUE}); manual waits "
                    + "for greenlight approve.")
    ApprovalMode approval;

    @Option(names = "--users", defaultValue = "10", paramLabel = "N",
            description = "User requests a second on the demo service's production listener (default "
                    + "${DEFAULT-VALUE}, at most 1000).")
    double users;

    @Option(names = "--no-users", description = "No user traffic at all: releases then rest on the synthetic load "
            + "the pipeline drives at green.")
    boolean noUsers;

    @Option(names = "--no-iam-enforcement", description = "Serve every call unchecked. By default every call made "
            + "as a role is checked against the role's policies, as AWS checks them: the pipeline's workers and state "
            + "machine as their roles as the CDK app synthesizes them, and calls signed with credentials from aws sts "
            + "assume-role (also GREENLIGHT_IAM_ENFORCEMENT=off).")
    boolean noIamEnforcement;

    @Spec
    CommandSpec spec;

    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Standard output; the twin's stop ends a CDK step's unfinished line before it says so. */
    private ProgressWriter out;
    /** The rehearsal that deployed both stacks; its logs go when the twin stops (a failed one keeps them). */
    private volatile Rehearsal deployedBy;
    private final AtomicBoolean stopping = new AtomicBoolean();

    @Override
    public Integer call() {
        Arguments.within(spec, port, 0, 65_535, "--port", "a port: use 1 to 65535, or 0 for a free one");
        int consolePort = consolePortOption.port(spec);
        if (!noUsers && (users <= 0 || users > 1000)) {
            spec.commandLine().getErr().println("--users must be more than 0 and at most 1000 requests a second, got "
                    + users + ". For no user traffic at all, pass --no-users.");
            return 2;
        }
        Checkout checkout = null;
        if (deploy) {
            Arguments.refuseWith(spec, "--deploy", "starts an empty twin and deploys the CDK app's own demo service ("
                    + Rehearsal.DEMO_SERVICE + ", as greenlight.json configures it).", "--empty", "--service",
                    "--approval", "--users", "--no-users");
            Optional<Checkout> found = Checkout.find();
            Optional<String> problem = Checkout.problem(found, "--deploy");
            if (problem.isPresent()) {
                spec.commandLine().getErr().println(problem.get());
                return 3;
            }
            checkout = found.get();
        }
        TwinSession session;
        try {
            session = new TwinSession(port, empty || deploy ? null : service, approval, noUsers ? 0 : users,
                    consolePort);
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("Cannot start the gateway on 127.0.0.1:" + port + " or the console on "
                    + "127.0.0.1:" + consolePort + " (" + e.getCause().getMessage() + "). Is another twin running? "
                    + "Pick other ports with --port N and --console-port N.");
            return 1;
        }
        if (noIamEnforcement) {
            session.twin.iamEnforcement().enforce(false);
        }
        out = new ProgressWriter(spec.commandLine().getOut());
        // Ctrl-C and SIGTERM stop the JVM: the hook stops the twin, and nothing may touch the hooks after that.
        Thread hook = new Thread(() -> stopOnce(session), "greenlight-local-down");
        Runtime.getRuntime().addShutdownHook(hook);
        Endpoints.print(session, deploy, out);
        try {
            if (deploy && !deployed(session, checkout, out)) {
                removeHook(hook);
                stopOnce(session);
                return 4;
            }
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stopped.await();
        } catch (InterruptedException e) {
            // Interrupted (an embedding caller, a test): stop here, unless a signal is stopping the JVM already.
            Thread.currentThread().interrupt();
            if (!stopping.get()) {
                removeHook(hook);
            }
            stopOnce(session);
        }
        return 0;
    }

    /** Deploys both stacks with the CDK CLI and records the pipeline; false (said why) when a step failed. */
    private boolean deployed(TwinSession session, Checkout checkout, PrintWriter out) throws InterruptedException {
        out.println("Deploying the CDK app in " + checkout.root().resolve("infra") + " with its pinned CDK CLI:");
        out.flush();
        try {
            Path logs = Files.createTempDirectory("greenlight-rehearsal-");
            Rehearsal rehearsal = new Rehearsal(session.twin, session.gateway.port(), checkout, logs, out);
            DeployedStacks stacks = rehearsal.deploy(entry -> { });
            session.address = DeployedEndpoints.publish(session.twin, session.gateway.port(), session.pushEndpoint.url(),
                    rehearsal, stacks, out);
            deployedBy = rehearsal;
            return true;
        } catch (CdkStepFailed e) {
            spec.commandLine().getErr().println(e.getMessage());
        } catch (IOException e) {
            spec.commandLine().getErr().println("Cannot write the rehearsal's files (" + e.getMessage() + "); "
                    + "check the temporary directory's free space and permissions.");
        }
        return false;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // A signal came in meanwhile; the hook finds the twin stopped, or stops it.
        }
    }

    private void stopOnce(TwinSession session) {
        if (stopping.compareAndSet(false, true)) {
            session.close();
            if (deployedBy != null) {
                deployedBy.removeLogs();
            }
            out.sayOnItsOwnLine("The twin has stopped.");
        }
        stopped.countDown();
    }
}
