package dev.greenlight.statemachine;

import static dev.greenlight.statemachine.PipelineMocks.FOREVER;
import static dev.greenlight.statemachine.PipelineMocks.TRANSIENT;
import static dev.greenlight.statemachine.PipelineMocks.alarm;
import static dev.greenlight.statemachine.PipelineMocks.failedDeployment;
import static dev.greenlight.statemachine.PipelineMocks.fails;
import static dev.greenlight.statemachine.PipelineMocks.object;
import static dev.greenlight.statemachine.PipelineMocks.preflight;
import static dev.greenlight.statemachine.PipelineMocks.returns;
import static dev.greenlight.statemachine.PipelineMocks.verified;
import static dev.greenlight.statemachine.PipelineMocks.watch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.LocalRun;
import dev.greenlight.local.asl.component.StateMachine;
import dev.greenlight.local.asl.eval.Engine;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import dev.greenlight.local.asl.eval.HistoryEvent;
import dev.greenlight.local.asl.eval.StartRequest;
import dev.greenlight.local.asl.parse.DefinitionParser;
import dev.greenlight.local.clock.VirtualClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The definition's paths on the engine with mocked workers (Step Functions Local's mock configuration). */
class PipelineScenarioTest {

    private static final StateMachine MACHINE = DefinitionParser.parse(PipelineDefinition.forTwin());

    // ---- releases that go out

    @Test
    void goodRelease_withAutomaticApproval_bakesPromotesAndSucceeds() {
        Execution execution = run(PipelineMocks.goodRelease(), input());

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(entered(execution)).containsSubsequence("CheckInput", "NotifyStarted", "VerifyImage", "Preflight",
                "RegisterTaskDefinition", "StartDeployment", "WatchCanary", "WaitCanary", "WatchCanary", "StartBake",
                "WatchBake", "WaitBake", "WatchBake", "Promote", "WatchPromote", "WaitPromoted", "WatchPromote",
                "NotifySucceeded", "Deployed").doesNotContain("Rollback", "AwaitApproval");
        assertThat(taskInput(execution, "Rollback")).isNull();
        assertThat(taskInput(execution, "WatchBake").path("Payload").path("windowMinutes").asInt()).isEqualTo(10);
        assertThat(taskInput(execution, "Promote").path("Payload").path("deploymentId").asText())
                .isEqualTo(PipelineMocks.DEPLOYMENT_ID);
    }

    @Test
    void manualApproval_answeredWithApproval_promotesAndRecordsWhoApproved() {
        Approval approval = new Approval(manual(input(), 30), PipelineMocks.goodRelease());
        String token = approval.awaitToken();
        assertThat(approval.requestPayload().path("evidence").path("image").path("imageUri").asText())
                .isEqualTo(PipelineMocks.IMAGE_URI);

        approval.engine.sendTaskSuccess(token, object("approved", true, "by", "alice", "reason", "dashboards fine"));
        Execution execution = approval.finish();

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(entered(execution)).containsSubsequence("ComputeApprovalTimeout", "AwaitApproval",
                "RequestApproval", "RecordApproval", "Promote", "NotifySucceeded").doesNotContain("Rollback");
        assertThat(Json.write(execution.output().path("approval"))).contains("alice", "dashboards fine");
    }

    @Test
    void manualApproval_rejectedWithSendTaskFailure_rollsBackWithTheRejectersCause() {
        Approval approval = new Approval(manual(input(), 30), PipelineMocks.goodRelease());
        approval.engine.sendTaskFailure(approval.awaitToken(), "Greenlight.ApprovalRejected", "bob: p99 latency up");
        Execution execution = approval.finish();

        assertFailed(execution, "Greenlight.ApprovalRejected", "bob: p99 latency up");
        assertRolledBack(execution);
    }

    @Test
    void manualApproval_rejectedWithoutACause_stillRollsBackWithAReadableCause() {
        Approval approval = new Approval(manual(input(), 30), PipelineMocks.goodRelease());
        approval.engine.sendTaskFailure(approval.awaitToken(), "Greenlight.ApprovalRejected", null);
        Execution execution = approval.finish();

        assertFailed(execution, "Greenlight.ApprovalRejected", "No cause was given");
        assertRolledBack(execution);
    }

    @Test
    void inputWithoutService_failsSayingWhatTheInputNeeds() {
        ObjectNode input = input();
        input.remove("service");
        Execution execution = run(PipelineMocks.goodRelease(), input);

        assertFailed(execution, "Greenlight.InvalidInput", "service");
    }

    @Test
    void manualApproval_answeredNotApproved_rollsBackAsRejected() {
        Approval approval = new Approval(manual(input(), 30), PipelineMocks.goodRelease());
        approval.engine.sendTaskSuccess(approval.awaitToken(), object("approved", false, "by", "carol",
                "reason", "wrong build"));
        Execution execution = approval.finish();

        assertFailed(execution, "Greenlight.ApprovalRejected", "carol", "wrong build", PipelineMocks.IMAGE_URI);
        assertRolledBack(execution);
    }

    @Test
    void manualApproval_withoutAnswer_timesOutAfterTheConfiguredMinutesAndRollsBack() {
        Execution execution = run(PipelineMocks.goodRelease(), manual(input(), 30));

        assertFailed(execution, "Greenlight.ApprovalTimedOut", "within 30 minutes", PipelineMocks.IMAGE_URI);
        assertRolledBack(execution);
        HistoryEvent scheduled = scheduled(execution, "invoke.waitForTaskToken");
        assertThat(scheduled.details().path("timeoutInSeconds").asLong()).isEqualTo(1800);
    }

    @Test
    void alarmWhileAwaitingApproval_stopsWaitingAndRollsBack() {
        PipelineMocks mocks = PipelineMocks.goodRelease().answer("WatchDuringApproval",
                returns(3, watch("HEALTHY", false, true, 24)), returns(alarm("orders-green-5xx", "5xx above 1%")));
        Execution execution = run(mocks, manual(input(), 60));

        assertFailed(execution, "Greenlight.AlarmFired", "orders-green-5xx", "awaited approval");
        assertRolledBack(execution);
        assertThat(Duration.between(execution.startDate(), execution.stopDate())).isLessThan(Duration.ofMinutes(60));
    }

    // ---- refused before anything is deployed

    @Test
    void rejectedImage_failsWithTheReasonsAndDeploysNothing() {
        PipelineMocks mocks = PipelineMocks.goodRelease().answer("VerifyImage",
                returns(verified(false, List.of("3 CRITICAL findings, at most 0 allowed"))));
        Execution execution = run(mocks, input());

        assertFailed(execution, "Greenlight.ImageRejected", "3 CRITICAL findings, at most 0 allowed",
                PipelineMocks.IMAGE_URI, "greenlight.json");
        assertThat(entered(execution)).doesNotContain("Preflight", "StartDeployment", "Rollback");
    }

    @Test
    void scanInProgress_isRetriedEvery30SecondsUntilTheFindingsAreThere() {
        PipelineMocks mocks = PipelineMocks.goodRelease().answer("VerifyImage",
                fails(3, "dev.greenlight.workers.verify.ScanInProgress", "scan of orders:2.0 is IN_PROGRESS"),
                returns(verified(true, List.of())));
        Execution execution = run(mocks, input());

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(taskFailures(execution, "VerifyImage")).isEqualTo(3);
        assertThat(Duration.between(scheduledAt(execution, "VerifyImage", 0), scheduledAt(execution, "VerifyImage", 3)))
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void supersededImage_succeedsWithoutDeploying() {
        PipelineMocks mocks = PipelineMocks.goodRelease().answer("Preflight", returns(preflight("SUPERSEDED", List.of())));
        Execution execution = run(mocks, input());

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(entered(execution)).endsWith("Superseded").doesNotContain("RegisterTaskDefinition", "StartDeployment");
    }

    @Test
    void alarmAlreadyFiring_withoutOverride_failsNamingTheAlarm() {
        PipelineMocks mocks = PipelineMocks.goodRelease().answer("Preflight",
                returns(preflight("ALARM_FIRING", List.of("orders-blue-5xx"))));
        Execution execution = run(mocks, input());

        assertFailed(execution, "Greenlight.AlarmAlreadyFiring", "orders-blue-5xx", "override.alarmsFiring");
        assertThat(entered(execution)).doesNotContain("RegisterTaskDefinition", "StartDeployment");
    }

    @Test
    void alarmAlreadyFiring_withARecordedOverride_deploys() {
        PipelineMocks mocks = PipelineMocks.goodRelease().answer("Preflight",
                returns(preflight("ALARM_FIRING", List.of("orders-blue-5xx"))));
        ObjectNode input = input();
        input.putObject("override").putObject("alarmsFiring").put("by", "dave").put("reason", "this release fixes it");
        Execution execution = run(mocks, input);

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(entered(execution)).contains("StartDeployment", "Promote");
        assertThat(taskInput(execution, "Preflight").path("Payload").path("override").path("alarmsFiring")
                .path("by").asText()).isEqualTo("dave");
    }

    @Test
    void inputWithoutConfig_failsSayingWhatTheInputNeeds() {
        ObjectNode input = input();
        input.remove("config");
        Execution execution = run(PipelineMocks.goodRelease(), input);

        assertFailed(execution, "Greenlight.InvalidInput", "config", "statemachine/README.md");
        assertThat(entered(execution)).doesNotContain("NotifyStarted");
    }

    @Test
    void workerFailingBeforeDeployment_failsWithoutRollback_namingTheStep() {
        PipelineMocks mocks = PipelineMocks.goodRelease().answer("RegisterTaskDefinition",
                fails(1, "software.amazon.awssdk.services.ecs.model.ClientException", "Container app not found"));
        Execution execution = run(mocks, input());

        assertFailed(execution, "Greenlight.DeploymentFailed", "RegisterTaskDefinition failed, nothing was deployed",
                "Container app not found");
        assertThat(entered(execution)).doesNotContain("StartDeployment", "Rollback");
    }

    // ---- rolled back

    @Test
    void alarmDuringCanary_rollsBackAndNamesTheAlarm() {
        PipelineMocks mocks = PipelineMocks.goodRelease().answer("WatchCanary",
                returns(watch("HEALTHY", false, false, 10)), returns(alarm("orders-green-5xx", "5xx above 1%")));
        Execution execution = run(mocks, input());

        assertFailed(execution, "Greenlight.AlarmFired", "orders-green-5xx", "5xx above 1%", PipelineMocks.DEPLOYMENT_ID);
        assertRolledBack(execution);
        assertThat(taskInput(execution, "Rollback").path("Payload").path("reason").asText())
                .startsWith("Greenlight.AlarmFired: ");
        assertThat(taskInput(execution, "Rollback").path("Payload").path("previousTaskDefinitionArn").asText())
                .endsWith("orders:7");
    }

    @Test
    void failingCanaryAnalysis_rollsBackAsCanaryAnalysisFailedWithTheNumbers() {
        ObjectNode failing = (ObjectNode) watch("ANALYSIS_FAILED", false, false, 10);
        failing.set("analysis", PipelineMocks.analysis("FAIL"));
        PipelineMocks mocks = PipelineMocks.goodRelease().answer("WatchCanary",
                returns(watch("HEALTHY", false, false, 10)), returns(failing));
        Execution execution = run(mocks, input());

        assertFailed(execution, "Greenlight.CanaryAnalysisFailed", "green served 300 requests, 30 5xx",
                "fisher-exact", PipelineMocks.DEPLOYMENT_ID);
        assertRolledBack(execution);
    }

    @Test
    void evidenceMissingWhenDue_rollsBackAsInsufficientEvidence_neverPromotes() {
        ObjectNode missing = (ObjectNode) watch("INSUFFICIENT_EVIDENCE", true, false, 10);
        missing.set("analysis", PipelineMocks.analysis("INSUFFICIENT_EVIDENCE"));
        PipelineMocks mocks = PipelineMocks.goodRelease().answer("WatchCanary",
                returns(watch("HEALTHY", false, false, 10)), returns(missing));
        Execution execution = run(mocks, input());

        assertFailed(execution, "Greenlight.InsufficientEvidence", "green served 40 requests", "canary.maxMinutes");
        assertRolledBack(execution);
        assertThat(entered(execution)).doesNotContain("Promote", "WatchBake");
    }

    @Test
    void windowOverButEvidenceNotYetPositive_keepsWatching() {
        ObjectNode over = (ObjectNode) watch("HEALTHY", true, true, 10);
        over.set("analysis", PipelineMocks.analysis("INSUFFICIENT_EVIDENCE"));
        PipelineMocks mocks = PipelineMocks.goodRelease().answer("WatchCanary",
                returns(over), returns(watch("HEALTHY", true, true, 10)));
        Execution execution = run(mocks, input());

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(entered(execution)).contains("WaitCanary", "Promote");
    }

    @Test
    void canaryTooShortForItsAlarms_failsBeforeDeployingNamingTheAlarm() {
        ObjectNode tooShort = (ObjectNode) preflight("WINDOW_TOO_SHORT", List.of());
        tooShort.set("reasons", Json.MAPPER.valueToTree(List.of("canary.minutes 1 is shorter than alarm "
                + "orders-green-5xx needs to fire: at least 2 minutes")));
        PipelineMocks mocks = PipelineMocks.goodRelease().answer("Preflight", returns(tooShort));
        Execution execution = run(mocks, input());

        assertFailed(execution, "Greenlight.CanaryWindowTooShort", "orders-green-5xx", "at least 2 minutes");
        assertThat(entered(execution)).doesNotContain("RegisterTaskDefinition", "StartDeployment");
    }

    @Test
    void failedSmokeTestHook_rollsBackAsSmokeTestFailed() {
        PipelineMocks mocks = PipelineMocks.goodRelease().answer("WatchCanary", returns(failedDeployment(
                "HOOK_EXECUTION_FAILURE", "GET /health answered 503, expected 200")));
        Execution execution = run(mocks, input());

        assertFailed(execution, "Greenlight.SmokeTestFailed", "GET /health answered 503, expected 200", "SmokeTestHook");
        assertRolledBack(execution);
    }

    @Test
    void otherCodeDeployFailure_rollsBackAsDeploymentFailedWithTheCode() {
        PipelineMocks mocks = PipelineMocks.goodRelease().answer("WatchCanary", returns(failedDeployment(
                "ECS_UPDATE_ERROR", "tasks failed to start")));
        Execution execution = run(mocks, input());

        assertFailed(execution, "Greenlight.DeploymentFailed", "ECS_UPDATE_ERROR", "tasks failed to start");
        assertRolledBack(execution);
    }

    @ParameterizedTest(name = "{0} throwing {1} every time")
    @CsvSource({
            "StartDeployment, java.lang.IllegalArgumentException, 1",
            "WatchCanary,     java.lang.IllegalStateException,    1",
            "WatchBake,       java.lang.NullPointerException,     1",
            "Promote,         " + TRANSIENT + ",                  11",
            "WatchPromote,    Lambda.ServiceException,            11"})
    void workerThatAlwaysFailsAfterStartDeployment_rollsBack(String state, String error, int attempts) {
        PipelineMocks mocks = PipelineMocks.goodRelease().answer(state, fails(FOREVER, error, "boom in " + state));
        Execution execution = run(mocks, input());

        assertFailed(execution, "Greenlight.DeploymentFailed", state + " failed", error, "boom in " + state);
        assertRolledBack(execution);
        assertThat(taskFailures(execution, state)).isEqualTo(attempts);
    }

    @Test
    void rollbackThatFails_saysTrafficMayBeOnTheNewVersion() {
        PipelineMocks mocks = PipelineMocks.goodRelease()
                .answer("WatchCanary", returns(alarm("orders-green-5xx", "5xx above 1%")))
                .answer("Rollback", fails(FOREVER, "software.amazon.awssdk.services.codedeploy.model."
                        + "DeploymentAlreadyCompletedException", "already completed"));
        Execution execution = run(mocks, input());

        assertFailed(execution, "Greenlight.RollbackFailed", "already completed", "Greenlight.AlarmFired", "by hand");
    }

    @Test
    void rollbackByRedeploying_isWatchedUntilTheRedeploymentEnds() {
        PipelineMocks mocks = PipelineMocks.goodRelease()
                .answer("WatchCanary", returns(alarm("orders-green-5xx", "5xx above 1%")))
                .answer("Rollback", returns(object("action", "REDEPLOYED", "rollbackDeploymentId", "d-BACK")))
                .answer("WatchRollback", returns(2, watch("HEALTHY", false, false, 10)),
                        returns(watch("DEPLOYMENT_SUCCEEDED", false, false, 10)));
        Execution execution = run(mocks, input());

        assertFailed(execution, "Greenlight.AlarmFired", "orders-green-5xx");
        assertThat(entered(execution).stream().filter("WatchRollback"::equals).count()).isEqualTo(3);
        assertThat(taskInput(execution, "WatchRollback").path("Payload").path("deploymentId").asText())
                .isEqualTo("d-BACK");
    }

    // ---- retries and polling

    @Test
    void transientErrors_areRetriedAndTheReleaseGoesOut() {
        PipelineMocks mocks = PipelineMocks.goodRelease()
                .answer("VerifyImage", fails(2, "Lambda.TooManyRequestsException", "Rate exceeded"),
                        returns(verified(true, List.of())))
                .answer("StartDeployment", fails(2, TRANSIENT, "ThrottlingException"),
                        returns(object("deploymentId", PipelineMocks.DEPLOYMENT_ID, "startedAt", "2025-01-01T00:00:00Z")));
        Execution execution = run(mocks, input());

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(taskFailures(execution, "VerifyImage")).isEqualTo(2);
        assertThat(taskFailures(execution, "StartDeployment")).isEqualTo(2);
        assertThat(entered(execution)).doesNotContain("Rollback");
    }

    @Test
    void fortyEightHourBake_atTheLongestPollingInterval_staysUnder2000HistoryEvents() {
        int bakeMinutes = 2880;
        int nextCheckSeconds = Math.max(10, Math.min(1800, (int) Math.ceil(bakeMinutes * 60 / 150.0)));
        int polls = (int) Math.ceil(bakeMinutes * 60.0 / nextCheckSeconds);
        PipelineMocks mocks = PipelineMocks.goodRelease().answer("WatchBake",
                returns(polls, watch("HEALTHY", false, false, nextCheckSeconds)),
                returns(watch("HEALTHY", true, true, nextCheckSeconds)));
        ObjectNode input = input();
        ((ObjectNode) input.path("config")).put("bakeMinutes", bakeMinutes);
        Execution execution = run(mocks, input);

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(entered(execution).stream().filter("WatchBake"::equals).count()).isEqualTo(polls + 1);
        assertThat(Duration.between(execution.startDate(), execution.stopDate())).isGreaterThanOrEqualTo(Duration.ofHours(48));
        assertThat(execution.history().size()).isLessThan(2000);
    }

    // ---- helpers

    private static Execution run(PipelineMocks mocks, JsonNode input) {
        return LocalRun.virtualTime(MACHINE, StartRequest.of("orders-2_0-2f1c9a7b0e4d", input), mocks.integrations());
    }

    /** An execution driven step by step, so a test can answer the approval's task token. */
    private static final class Approval {
        final VirtualClock clock = new VirtualClock();
        final Engine engine;
        final Execution execution;

        Approval(JsonNode input, PipelineMocks mocks) {
            engine = new Engine(clock, mocks.integrations(), new SplittableRandom(42));
            execution = engine.start(MACHINE, StartRequest.of("orders-2_0-2f1c9a7b0e4d", input));
        }

        String awaitToken() {
            clock.runUntil(() -> execution.status().isTerminal() || requestPayloadOrNull() != null);
            assertThat(execution.status()).as("still running, waiting for the approval").isEqualTo(ExecutionStatus.RUNNING);
            return requestPayload().path("taskToken").asText();
        }

        JsonNode requestPayload() {
            JsonNode payload = requestPayloadOrNull();
            assertThat(payload).as("RequestApproval was scheduled").isNotNull();
            return payload;
        }

        private JsonNode requestPayloadOrNull() {
            HistoryEvent event = scheduledOrNull(execution, "invoke.waitForTaskToken");
            return event == null ? null : Json.parse(event.details().path("parameters").asText()).path("Payload");
        }

        Execution finish() {
            clock.runUntil(() -> execution.status().isTerminal());
            return execution;
        }
    }

    private static void assertFailed(Execution execution, String error, String... causeMentions) {
        assertThat(execution.status()).as("status; cause: %s", execution.cause()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).as("error; cause: %s", execution.cause()).isEqualTo(error);
        assertThat(execution.cause()).contains(causeMentions);
    }

    /** After StartDeployment was entered, the execution went through Rollback and told people. */
    private static void assertRolledBack(Execution execution) {
        assertThat(entered(execution)).containsSubsequence("StartDeployment", "Rollback", "NotifyRolledBack");
        assertThat(taskInput(execution, "NotifyRolledBack").path("Payload").path("event").asText())
                .isEqualTo("ROLLED_BACK");
    }

    private static List<String> entered(Execution execution) {
        return execution.history().events().stream().filter(event -> event.type().endsWith("StateEntered"))
                .map(event -> event.details().path("name").asText()).toList();
    }

    /** The parameters of the first TaskScheduled of {@code state}, or null when it was never scheduled. */
    private static JsonNode taskInput(Execution execution, String state) {
        List<HistoryEvent> events = execution.history().events();
        for (int i = 0; i < events.size(); i++) {
            HistoryEvent event = events.get(i);
            if (event.type().equals("TaskStateEntered") && event.details().path("name").asText().equals(state)) {
                for (HistoryEvent next : events.subList(i + 1, events.size())) {
                    if (next.type().equals("TaskScheduled") && next.previousEventId() >= event.id()) {
                        return Json.parse(next.details().path("parameters").asText());
                    }
                }
            }
        }
        return null;
    }

    private static long taskFailures(Execution execution, String state) {
        return taskEvents(execution, state, "TaskFailed").size();
    }

    private static java.time.Instant scheduledAt(Execution execution, String state, int index) {
        return taskEvents(execution, state, "TaskScheduled").get(index).timestamp();
    }

    /** Events of {@code type} between {@code state}'s TaskStateEntered and its TaskStateExited, on one thread. */
    private static List<HistoryEvent> taskEvents(Execution execution, String state, String type) {
        List<HistoryEvent> found = new java.util.ArrayList<>();
        boolean inside = false;
        for (HistoryEvent event : execution.history().events()) {
            String name = event.details() == null ? "" : event.details().path("name").asText();
            if (event.type().equals("TaskStateEntered")) {
                inside = name.equals(state);
            } else if (inside && event.type().equals(type)) {
                found.add(event);
            }
        }
        return found;
    }

    private static HistoryEvent scheduled(Execution execution, String resource) {
        HistoryEvent event = scheduledOrNull(execution, resource);
        assertThat(event).as("a TaskScheduled of %s", resource).isNotNull();
        return event;
    }

    private static HistoryEvent scheduledOrNull(Execution execution, String resource) {
        return execution.history().events().stream()
                .filter(event -> event.type().equals("TaskScheduled")
                        && event.details().path("resource").asText().equals(resource))
                .findFirst().orElse(null);
    }

    private static ObjectNode input() {
        try (InputStream in = PipelineScenarioTest.class.getResourceAsStream("/orders-input.json")) {
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode manual(ObjectNode input, int timeoutMinutes) {
        ((ObjectNode) input.path("config").path("approval")).put("mode", "manual").put("timeoutMinutes", timeoutMinutes);
        return input;
    }
}
