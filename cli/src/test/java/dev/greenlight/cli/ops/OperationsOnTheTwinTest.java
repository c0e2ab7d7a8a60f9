package dev.greenlight.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.cli.CommandRun;
import dev.greenlight.cli.Greenlight;
import dev.greenlight.cli.TwinOnPort;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import dev.greenlight.workers.core.Worker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The operational commands against a twin served on a free port, found through its discovery file as
 * after {@code greenlight local up}; the test drives the twin's virtual clock.
 */
class OperationsOnTheTwinTest {

    /** The caller the twin's default keys stand for, as STS GetCallerIdentity names it. */
    private static final String ROOT = "arn:aws:iam::123456789012:root";

    @TempDir
    Path home;

    private TwinOnPort twin;

    @BeforeEach
    void start() {
        twin = new TwinOnPort(ApprovalMode.auto, home);
    }

    @AfterEach
    void stop() {
        twin.close();
    }

    @Test
    void push_startsThePipelineThroughEventBridge_andStatusAndHistoryTellTheRelease() throws Exception {
        CommandRun push = CommandRun.of("push", "orders", "2.0");
        assertThat(push.exitCode()).as(push.err()).isZero();
        assertThat(push.out()).startsWith("Pushed orders:2.0 (healthy): 123456789012.dkr.ecr.us-east-1.amazonaws.com/orders@sha256:");

        twin.advanceUntil(() -> !twin.executions().isEmpty());
        twin.clock.advance(Duration.ofSeconds(40));
        CommandRun running = CommandRun.of("status");
        assertThat(running.exitCode()).as(running.err()).isZero();
        assertThat(running.out()).contains(execution().name() + ": RUNNING, in ")
                .containsPattern("deployment: d-[A-Z0-9]+")
                .containsPattern("traffic: +orders-blue \\d+% \\[[#-]{20}\\] \\d+% orders-green")
                .as("each alarm with the role of its target group").contains("orders-blue-5xx (blue) OK", "orders-green-5xx (green) OK");

        twin.runToEnd();
        CommandRun done = CommandRun.of("status", execution().name());
        assertThat(done.exitCode()).isZero();
        assertThat(done.out()).contains(": SUCCEEDED, in Deployed");

        CommandRun history = CommandRun.of("history", execution().name());
        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out()).contains("Deployment " + execution().name() + ": SUCCEEDED", "by ecr-push",
                "VerifyImage", "accepted=true", "digest=sha256:", "StartDeployment", "WatchCanary x",
                "DriveSyntheticLoadCanary x", "sent=50", "Promote", "Outcome: SUCCEEDED");
        assertThat(history.out()).as("local up's pipeline runs the demo's canary analysis").containsPattern(
                "WatchCanary x\\d+ .* analysis=PASS \\(green served \\d+ requests");
        assertThat(history.out()).as("the first gate's evidence").containsPattern(
                "smoke: +SUCCEEDED \\(the smoke-test hook's report\\)\n +GET /health 200 \\d+ms 1 attempt passed");
        assertThat(history.out().lines().filter(line -> line.contains("  WatchCanary "))).as("the canary's loop "
                + "of looks and synthetic load is one line each").hasSize(1);

        JsonNode json = Worker.JSON.readTree(CommandRun.of("history", execution().name(), "--format", "json").out());
        assertThat(json.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.path("input").path("image").path("tag").asText()).isEqualTo("2.0");
        assertThat(json.path("timeline").findValuesAsText("state")).contains("VerifyImage", "Promote");
        assertThat(json.path("smokeTest").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(CommandRun.of("history", execution().name(), "--format", "markdown").out())
                .contains("| time (UTC) | state | evidence |", "| VerifyImage | `accepted=true");
    }

    @Test
    void badPush_rollsBack_statusExitsThree_andHistoryGivesTheAlarmAsTheCause() {
        twin.rolledBackRelease();

        CommandRun status = CommandRun.of("status");
        assertThat(status.exitCode()).isEqualTo(Status.ENDED_BADLY);
        assertThat(status.out()).contains(": FAILED").contains("error:      Greenlight.AlarmFired: ")
                .contains("orders-blue 100% [####################] 0% orders-green");
        assertThat(status.out()).as("the verdict, then the alarm that fired with its role and a short reason")
                .containsPattern("error:      Greenlight.AlarmFired: An alarm fired while \\S+ was watched \\(deployment "
                        + "d-\\w+\\)\\. Traffic went back to the previous version; read the alarms and the new version "
                        + "logs\\.\n {14}alarm orders-green-5xx \\(green\\) in ALARM since \\d\\d:\\d\\d:\\d\\d UTC: "
                        + "Threshold Crossed: .* was greater than or equal to the threshold \\(1\\.0\\)\n")
                .as("no JSON").doesNotContain("{\"", "targetGroup");
        CommandRun history = CommandRun.of("history", execution().name());
        assertThat(history.out()).contains("Rollback", "verdict=ALARM",
                "Outcome: FAILED with Greenlight.AlarmFired: An alarm fired while")
                .containsPattern("\n  alarm orders-green-5xx \\(green\\) in ALARM since ");
        assertThat(CommandRun.of("history", execution().name(), "--format", "json").out())
                .as("the figures stay in the JSON").contains("\\\"targetGroup\\\":\\\"orders-green\\\"");
    }

    @Test
    void aPushRightAfterARolledBackRelease_waitsInPreflight_andStatusSaysForWhichAlarmAndUntilWhen() {
        twin.rolledBackRelease();
        assertThat(CommandRun.of("push", "orders", "3.1").exitCode()).isZero();

        twin.advanceUntil(() -> CommandRun.of("status").out().contains("waiting:    Preflight"));

        CommandRun waiting = CommandRun.of("status");
        assertThat(waiting.exitCode()).isZero();
        assertThat(waiting.out()).contains(": RUNNING, in Preflight").containsPattern("waiting:    Preflight since "
                + "\\d\\d:\\d\\d:\\d\\d UTC: alarm orders-green-5xx \\(target group orders-green, in ALARM since "
                + "2026-01-01T[0-9:.]+Z\\) still fires on the target group no user is served from")
                .containsPattern("\n {14}looked \\d+ times?, every 30 s; next look \\d\\d:\\d\\d:\\d\\d UTC; the release "
                        + "fails with StaleAlarmStillFiring if it still waits at \\d\\d:\\d\\d:\\d\\d UTC\n");
        twin.runToEnd();
        assertThat(CommandRun.of("status").out()).contains(": SUCCEEDED, in Deployed").doesNotContain("waiting:");
    }

    @Test
    void manualStart_waitsForApproval_andApproveReleasesItWithWhoAndWhyInTheHistory() {
        String name = startManually("2.0");
        twin.advanceUntil(() -> CommandRun.of("status", name).out().contains("waiting for approval"));
        assertThat(CommandRun.of("status", name).out()).containsPattern("waiting for approval until \\d\\d:\\d\\d:"
                + "\\d\\d UTC \\(then rolled back\\): greenlight approve " + name);

        CommandRun approve = CommandRun.of("approve", name, "--reason", "canary looks clean");
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(approve.out()).startsWith("Approved " + name + " as " + ROOT);
        twin.runToEnd();

        assertThat(execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(CommandRun.of("history", name).out())
                .contains("by manual (" + ROOT + "): hotfix for the checkout")
                .contains("RequestApproval", "approved=true", "by=" + ROOT,
                        "reason=canary looks clean")
                .as("what the approval waited for, who could answer and until when")
                .containsPattern("AwaitApproval +waitsFor=a person's answer: greenlight approve " + name + " --reason "
                        + "TEXT, or greenlight reject " + name + " --reason TEXT approvers=anyone whose AWS identity "
                        + "may call states:SendTaskSuccess and states:SendTaskFailure on this pipeline; asked through "
                        + "SNS topic arn:aws:sns:us-east-1:123456789012:greenlight timesOutAt=2026-01-01T\\S+Z \\(then "
                        + "it is rolled back\\)");
    }

    @Test
    void reject_rollsTheReleaseBack_withApprovalRejectedNamingWhoRejected() {
        String name = startManually("2.1");
        twin.advanceUntil(() -> CommandRun.of("status", name).out().contains("waiting for approval"));

        assertThat(CommandRun.of("reject", name, "--reason", "wrong build").exitCode()).isZero();
        twin.runToEnd();

        assertThat(execution().status()).isEqualTo(ExecutionStatus.FAILED);
        CommandRun status = CommandRun.of("status", name);
        assertThat(status.exitCode()).isEqualTo(Status.ENDED_BADLY);
        assertThat(status.out()).contains("Greenlight.ApprovalRejected")
                .contains("rejected by " + ROOT + ": wrong build");
    }

    @Test
    void statusWatch_printsEachChange_untilTheDeploymentEnds() throws Exception {
        assertThat(CommandRun.of("push", "orders", "2.0").exitCode()).isZero();
        twin.advanceUntil(() -> !twin.executions().isEmpty());
        String name = execution().name();
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> watch = CompletableFuture.supplyAsync(() -> Greenlight.commandLine()
                .setOut(new PrintWriter(out, true)).execute("status", name, "--watch", "--every", "1"));
        while (!out.toString().contains("alarms:") && !watch.isDone()) {
            Thread.sleep(20);
        }

        twin.runToEnd();

        assertThat(watch.get(30, TimeUnit.SECONDS)).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith(name + ": RUNNING, in ");
        assertThat(lines).as("the whole status once").filteredOn(line -> line.startsWith("  traffic:")).hasSize(1);
        List<String> changes = lines.subList(lines.indexOf(lines.stream().filter(line -> line.startsWith("  alarms:"))
                .findFirst().orElseThrow()) + 1, lines.size());
        assertThat(changes).as("then only what changed, stamped like a log").isNotEmpty()
                .allMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d  .+"))
                .anyMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d    traffic: .*"))
                .as("the alarms keep their roles after the promotion: unchanged, not printed again")
                .noneMatch(line -> line.contains("alarms:"));
        assertThat(changes.get(changes.size() - 1)).as("ending on the final state")
                .matches("\\d\\d:\\d\\d:\\d\\d  " + name + ": SUCCEEDED, in Deployed");
    }

    @Test
    void approve_whenNothingWaits_saysWhyAndWhatToDo() {
        assertThat(CommandRun.of("push", "orders", "2.0").exitCode()).isZero();
        twin.advanceUntil(() -> !twin.executions().isEmpty());

        CommandRun approve = CommandRun.of("approve", execution().name());

        assertThat(approve.exitCode()).isEqualTo(1);
        assertThat(approve.err()).contains("is not waiting for an approval now")
                .contains("greenlight status " + execution().name());
    }

    @Test
    void start_ofAnImageAlreadyDeployed_orNotInEcr_isRefusedWithANextStep() {
        String name = startManually("2.0");

        CommandRun again = CommandRun.of("start", "orders", "--image", "orders:2.0");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("is being released right now by execution " + name)
                .contains("greenlight status " + name + " --watch");

        CommandRun missing = CommandRun.of("start", "orders", "--image", "orders:9.9");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("has no image orders:9.9").contains("Push it first");

        CommandRun unknown = CommandRun.of("start", "billing", "--image", "billing:1.0");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("Unknown service 'billing': the configuration has orders.")
                .doesNotContain("The configuration has problems");
    }

    @Test
    void start_afterARolledBackRelease_saysItRolledBackAndWhatToDoNext() {
        String name = startManually("2.1");
        twin.advanceUntil(() -> CommandRun.of("status", name).out().contains("waiting for approval"));
        assertThat(CommandRun.of("reject", name, "--reason", "wrong build").exitCode()).isZero();
        twin.runToEnd();

        CommandRun again = CommandRun.of("start", "orders", "--image", "orders:2.1");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("by execution " + name + ", which ended FAILED with "
                        + "Greenlight.ApprovalRejected and was rolled back")
                .contains("greenlight history " + name).contains("new tag").doesNotContain("already deployed");
    }

    @Test
    void list_showsTheRecentDeploymentsNewestFirst_andFiltersByService() {
        assertThat(CommandRun.of("push", "orders", "2.0").exitCode()).isZero();
        twin.advanceUntil(() -> !twin.executions().isEmpty());
        twin.runToEnd();

        CommandRun all = CommandRun.of("list");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out().lines()).first().asString().startsWith("STARTED (UTC)");
        assertThat(all.out()).contains(execution().name(), "SUCCEEDED", "orders:2.0", "greenlight history EXECUTION");
        assertThat(CommandRun.of("list", "orders").out()).contains(execution().name());
        CommandRun billing = CommandRun.of("list", "billing");
        assertThat(billing.exitCode()).isZero();
        assertThat(billing.out()).startsWith("No deployments of billing yet");
        assertThat(CommandRun.of("list", "--limit", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void pushOfAServiceTheConfigurationDoesNotHave_namesTheKnownServices() {
        CommandRun push = CommandRun.of("push", "order", "2.1");

        assertThat(push.exitCode()).isEqualTo(1);
        assertThat(push.err()).startsWith("Unknown service 'order': the configuration has orders.")
                .doesNotContain("The configuration has problems");
    }

    @Test
    void aRefusedPush_saysAwsErrorCodeAndMessage_withoutTheSdksInternals() {
        assertThat(CommandRun.of("push", "orders", "2.0").exitCode()).isZero();

        CommandRun again = CommandRun.of("push", "orders", "2.0");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("ImageAlreadyExistsException: Image with digest 'sha256:")
                .doesNotContain("Service: null").doesNotContain("Request ID");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            push orders ''            | TAG is empty
            push '' 2.0               | SERVICE is empty
            status ''                 | EXECUTION is empty
            history ' '               | EXECUTION is empty
            status --watch --every -5 | Invalid value for option '--every': -5 is not a number of seconds
            status --watch --every 0  | Invalid value for option '--every': 0 is not a number of seconds
            """)
    void emptyArgumentsAndNonsenseIntervals_areBadUsageSaidPlainly(String command, String message) {
        CommandRun run = CommandRun.of(words(command));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(message);
        assertThat(twin.executions()).isEmpty();
    }

    /** Splits on spaces, with '' for an empty word and ' ' for a blank one, as a shell would pass them. */
    private static String[] words(String command) {
        java.util.List<String> words = new java.util.ArrayList<>();
        java.util.regex.Matcher word = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(command);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        return words.toArray(String[]::new);
    }

    @Test
    void start_withADigest_buildsTheTriggersInputWithSourceManual() throws Exception {
        twin.twin.eventBridge().disableRule(r -> r.name("greenlight-orders"));
        String digest = DemoService.push(twin.twin, "orders", "2.0", "healthy").split("@")[1];

        CommandRun start = CommandRun.of("start", "orders", "--image", "orders@" + digest, "--endpoint-url",
                twin.endpointUrl());

        assertThat(start.exitCode()).as(start.err()).isZero();
        JsonNode input = Worker.JSON.readTree(twin.twin.stepFunctions()
                .describeExecution(r -> r.executionArn(execution().executionArn())).input());
        assertThat(execution().name()).isEqualTo(
                dev.greenlight.workers.core.DeploymentInput.executionName("orders", "2.0", digest));
        assertThat(input.path("image").path("tag").asText()).isEqualTo("2.0");
        assertThat(input.path("image").path("digest").asText()).isEqualTo(digest);
        assertThat(input.path("trigger").path("source").asText()).isEqualTo("manual");
        assertThat(input.path("trigger").path("by").asText()).isEqualTo(ROOT);
        assertThat(input.path("config").path("approval").path("mode").asText()).isEqualTo("auto");
    }

    @Test
    void approve_withAnAssumedRolesKeys_recordsThatRoleSession_asCloudTrailWouldNameIt() {
        twin.twin.iam().createRole(r -> r.roleName("releaser").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}"""));
        twin.twin.iam().attachRolePolicy(r -> r.roleName("releaser")
                .policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
        var keys = twin.twin.sts().assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/releaser")
                .roleSessionName("alice")).credentials();
        String name = startManually("2.0");
        twin.advanceUntil(() -> CommandRun.of("status", name).out().contains("waiting for approval"));

        System.setProperty("aws.accessKeyId", keys.accessKeyId());
        System.setProperty("aws.secretAccessKey", keys.secretAccessKey());
        System.setProperty("aws.sessionToken", keys.sessionToken());
        CommandRun approve;
        try {
            approve = CommandRun.of("approve", name, "--reason", "canary looks clean");
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            System.clearProperty("aws.sessionToken");
        }

        String alice = "arn:aws:sts::123456789012:assumed-role/releaser/alice";
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(approve.out()).startsWith("Approved " + name + " as " + alice);
        twin.runToEnd();
        assertThat(CommandRun.of("history", name).out()).contains("approved=true", "by=" + alice);
    }

    @Test
    void start_withOverrideAlarms_recordsWhoAndWhyInTheInputAndTheHistory() throws Exception {
        twin.twin.eventBridge().disableRule(r -> r.name("greenlight-orders"));
        DemoService.push(twin.twin, "orders", "2.0", "healthy");

        CommandRun start = CommandRun.of("start", "orders", "--image", "orders:2.0", "--override-alarms",
                "--reason", "the idle target group's alarm is from the last rollback");

        assertThat(start.exitCode()).as(start.err()).isZero();
        String by = ROOT;
        assertThat(start.out()).contains("manual start by " + by + " (your AWS identity)",
                "Firing alarms overridden by " + by + ": the idle target group's alarm is from the last rollback");
        JsonNode input = Worker.JSON.readTree(twin.twin.stepFunctions()
                .describeExecution(r -> r.executionArn(execution().executionArn())).input());
        assertThat(input.path("override").path("alarmsFiring").path("by").asText()).isEqualTo(by);
        assertThat(input.path("override").path("alarmsFiring").path("reason").asText())
                .isEqualTo("the idle target group's alarm is from the last rollback");
        assertThat(CommandRun.of("history", execution().name()).out()).contains("override: deployed although "
                + "alarms fired, decided by " + by + ": the idle target group's alarm is from the last rollback");
    }

    @Test
    void start_withOverrideAlarmsButNoReason_isRefusedBeforeAnythingStarts() {
        twin.twin.eventBridge().disableRule(r -> r.name("greenlight-orders"));
        DemoService.push(twin.twin, "orders", "2.0", "healthy");

        CommandRun start = CommandRun.of("start", "orders", "--image", "orders:2.0", "--override-alarms");

        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.err()).contains("--override-alarms needs --reason TEXT");
        assertThat(twin.executions()).isEmpty();
    }

    @Test
    void push_withAnUnknownProfile_isRefusedBeforeAnythingIsPushed() {
        CommandRun push = CommandRun.of("push", "orders", "2.0", "--profile", "flaky");

        assertThat(push.exitCode()).isEqualTo(1);
        assertThat(push.err()).contains("Nothing pushed: --profile flaky is not an app profile",
                "profiles: healthy, errors[:SHARE], slow[:MILLIS], unhealthy, crash");
        assertThat(twin.executions()).isEmpty();
    }

    private String startManually(String tag) {
        twin.twin.eventBridge().disableRule(r -> r.name("greenlight-orders"));
        DemoService.push(twin.twin, "orders", tag, "healthy");
        CommandRun start = CommandRun.of("start", "orders", "--image", "orders:" + tag, "--approval", "manual",
                "--reason", "hotfix for the checkout");
        assertThat(start.exitCode()).as(start.err()).isZero();
        assertThat(start.out()).contains("approval manual");
        return execution().name();
    }

    private ExecutionListItem execution() {
        assertThat(twin.executions()).hasSize(1);
        return twin.executions().get(0);
    }
}
