package dev.greenlight.cli.local;

import dev.greenlight.cli.Arguments;
import dev.greenlight.cli.console.ConsolePortOption;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
        exitCodeList = {"0:stopped cleanly", "1:the twin could not start (the port is taken)", "2:bad usage"})
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
        TwinSession session;
        try {
            session = new TwinSession(port, empty ? null : service, approval, noUsers ? 0 : users, consolePort);
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("Cannot start the gateway on 127.0.0.1:" + port + " or the console on "
                    + "127.0.0.1:" + consolePort + " (" + e.getCause().getMessage() + "). Is another twin running? "
                    + "Pick other ports with --port N and --console-port N.");
            return 1;
        }
        if (noIamEnforcement) {
            session.twin.iamEnforcement().enforce(false);
        }
        // Ctrl-C and SIGTERM stop the JVM: the hook stops the twin, and nothing may touch the hooks after that.
        Thread hook = new Thread(() -> stopOnce(session), "greenlight-local-down");
        Runtime.getRuntime().addShutdownHook(hook);
        Endpoints.print(session, spec.commandLine().getOut());
        try {
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
            PrintWriter out = spec.commandLine().getOut();
            out.println("The twin has stopped.");
            out.flush();
        }
        stopped.countDown();
    }
}
