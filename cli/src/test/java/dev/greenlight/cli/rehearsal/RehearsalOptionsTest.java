package dev.greenlight.cli.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.CommandRun;
import dev.greenlight.cli.Greenlight;
import dev.greenlight.cli.RequiredTool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code local up --deploy} and {@code demo --deployed}: what a user gets wrong, or lacks, is one clear
 * line with the next step and its own exit code, before any twin starts.
 */
class RehearsalOptionsTest {

    @TempDir
    Path checkout;

    @TempDir
    Path home;

    @AfterEach
    void forgetTheCheckout() {
        System.clearProperty("greenlight.checkout");
        System.clearProperty("greenlight.home");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "local up --deploy --empty        | --empty does not go with --deploy",
            "local up --deploy --no-users     | --no-users does not go with --deploy",
            "local up --deploy --service pay  | --service does not go with --deploy",
            "demo --deployed --virtual-time   | --virtual-time does not go with --deployed",
            "demo --deployed --manual         | --manual does not go with --deployed",
            "demo --deployed --backend ecs    | --backend does not go with --deployed",
            "demo --keep-stacks               | --keep-stacks keeps what --deployed deploys: add --deployed"})
    void optionsThatDoNotGoTogetherAreBadUsage(String args, String said) {
        CommandRun run = CommandRun.of(args.trim().split(" +"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(said);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"local up --help", "demo --help"})
    void helpListsTheExitCodesTheReadmeNames_andWhatBecomesOfTheLogs(String args) {
        CommandRun run = CommandRun.of(args.split(" "));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes:").containsPattern("(?m)^\\s+1\\s+\\S")
                .containsPattern("(?m)^\\s+2\\s+bad usage")
                .containsPattern("(?m)^\\s+3\\s+--deploy(ed)?: Node\\.js, the pinned CDK CLI or the built CDK app is")
                .containsPattern("(?m)^\\s+4\\s+--deploy(ed)?: a CDK CLI step failed");
        assertThat(run.out().replaceAll("\\s+", " ")).containsAnyOf("removed when the twin stops",
                "removed when the run ends well");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"local up --deploy --port 0", "demo --deployed"})
    void aCheckoutWithoutItsCdkCliSaysHowToInstallIt(String args) throws IOException {
        Files.createDirectories(checkout.resolve("infra"));
        Files.writeString(checkout.resolve("infra/cdk.json"), "{}");
        System.setProperty("greenlight.checkout", checkout.toString());

        CommandRun run = CommandRun.of(args.split(" "));

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo(new Checkout(checkout).problem().orElseThrow());
        assertThat(run.err()).containsAnyOf("run `npm ci` there", "Node.js is not installed");
    }

    @Test
    void anUnbuiltAppSaysWhichCommandBuildsIt() throws IOException {
        Path cdk = Files.createDirectories(checkout.resolve("infra/node_modules/.bin")).resolve("cdk");
        Files.writeString(cdk, "#!/bin/sh\n");
        cdk.toFile().setExecutable(true);

        assertThat(new Checkout(checkout).problem()).hasValueSatisfying(problem -> assertThat(problem)
                .containsAnyOf("run `mvn -q -pl infra -am package -DskipTests` in " + checkout,
                        "Node.js is not installed"));
    }

    @Test
    void aFailedStepShowsItsLogsLastLinesAndPath() {
        Path log = checkout.resolve("deploy-demo.log");
        String output = "start\n" + "line\n".repeat(20) + "\n❌  GreenlightDemo failed: ValidationError\n";

        String message = new CdkStepFailed("deploy GreenlightDemo", new CdkCli.Result(1, output,
                java.time.Duration.ofSeconds(3), log)).getMessage();

        assertThat(message).startsWith("cdk deploy GreenlightDemo failed (exit 1); the last lines of its log:")
                .endsWith("❌  GreenlightDemo failed: ValidationError\nThe whole log: " + log)
                .doesNotContain("start");
        assertThat(message.lines()).hasSize(1 + 8 + 1);
    }

    @Test
    void theTwinStoppingInTheMiddleOfAStep_endsTheStepsLineFirst() throws Exception {
        builtCheckoutWhoseCdk("exec sleep 60");
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread runner = new Thread(() -> exit.complete(Greenlight.commandLine().setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(new StringWriter())).execute("local", "up", "--deploy", "--port", "0")));
        runner.start();
        awaitPrinted(out, "cdk synth");

        runner.interrupt();

        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString().lines().toList()).as(out.toString()).endsWith("  cdk synth".concat(" ".repeat(28)),
                "The twin has stopped.");
        assertThat(out.toString()).as("printed once, with what was deployed").doesNotContain("Twin address:");
    }

    @Test
    void aMessageOnItsOwnLine_endsOnlyAnUnfinishedLine() {
        StringWriter written = new StringWriter();
        ProgressWriter out = new ProgressWriter(new PrintWriter(written));

        out.println("Press Ctrl-C to stop.");
        out.sayOnItsOwnLine("The twin has stopped.");
        out.print("  cdk synth ");
        out.sayOnItsOwnLine("The twin has stopped.");

        assertThat(written.toString().lines()).containsExactly("Press Ctrl-C to stop.", "The twin has stopped.",
                "  cdk synth ", "The twin has stopped.");
    }

    /**
     * A checkout that passes {@link Checkout#problem()} (on a machine with Node.js) whose CDK CLI is a shell
     * script running {@code script}.
     */
    private void builtCheckoutWhoseCdk(String script) throws IOException {
        Files.writeString(Files.createDirectories(checkout.resolve("infra")).resolve("cdk.json"), "{}");
        Path cdk = Files.createDirectories(checkout.resolve("infra/node_modules/.bin")).resolve("cdk");
        Files.writeString(cdk, "#!/bin/sh\n" + script + "\n");
        cdk.toFile().setExecutable(true);
        Files.writeString(Files.createDirectories(checkout.resolve("infra/target")).resolve("classpath.txt"), "");
        Files.createDirectories(checkout.resolve("infra/target/classes/dev/greenlight/infra"));
        Files.writeString(Files.createDirectories(checkout.resolve("workers/target")).resolve("greenlight-workers.jar"),
                "");
        System.setProperty("greenlight.checkout", checkout.toString());
        System.setProperty("greenlight.home", home.toString());
        RequiredTool.assume(new Checkout(checkout).problem().isEmpty(), new Checkout(checkout).problem().orElse(""));
    }

    private static void awaitPrinted(StringWriter out, String text) throws InterruptedException {
        for (int tries = 0; tries < 600 && !out.toString().contains(text); tries++) {
            Thread.sleep(50);
        }
        assertThat(out.toString()).contains(text);
    }
}
