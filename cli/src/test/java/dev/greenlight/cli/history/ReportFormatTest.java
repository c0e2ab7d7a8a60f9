package dev.greenlight.cli.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.pipeline.AuditReport.Step;
import dev.greenlight.workers.pipeline.AuditReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportFormatTest {

    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");
    private static final String PAYLOAD = "{\"errorMessage\":\"scan still running for orders:2.0\","
            + "\"errorType\":\"dev.greenlight.workers.verify.ScanNotComplete\",\"stackTrace\":["
            + "\"dev.greenlight.workers.verify.VerifyImage.apply(VerifyImage.java:42)\","
            + "\"dev.greenlight.workers.core.Worker.handleRequest(Worker.java:77)\"]}";

    private final AuditReport report = new AuditReport("orders-2_0-abc", "SUCCEEDED", AT, AT.plusSeconds(90),
            Worker.JSON.createObjectNode().put("service", "orders"),
            List.of(new Step("VerifyImage", AT, AT.plusSeconds(60), 1, 3,
                    "Greenlight.ScanNotComplete: " + PAYLOAD, Worker.JSON.createObjectNode().put("accepted", true))),
            null, null, null);

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, names = {"text", "markdown"})
    void aRetriedStepShowsItsErrorAndMessageWithoutTheWorkersStackTrace(ReportFormat format) {
        String printed = format.render(report);

        assertThat(printed).contains("3 failed attempts, last: Greenlight.ScanNotComplete: scan still running for "
                + "orders:2.0").doesNotContain("stackTrace").doesNotContain("VerifyImage.java:42");
    }

    @ParameterizedTest
    @EnumSource(value = ReportFormat.class, names = {"text", "markdown"})
    void theSmokeReportIsInTheHeader_oneLineACheck_andNotRepeatedOnEveryLook(ReportFormat format) {
        var smoke = Worker.JSON.createObjectNode().put("status", "FAILED");
        smoke.putArray("checks").add("GET /health 200 4ms 1 attempt passed")
                .add("GET /orders 500 9ms 5 attempts failed: expected status 200 got 500");
        var look = Worker.JSON.createObjectNode().put("verdict", "DEPLOYMENT_FAILED");
        look.set("smokeTest", smoke);
        AuditReport failed = new AuditReport("orders-2_0-abc", "FAILED", AT, AT.plusSeconds(90),
                Worker.JSON.createObjectNode().put("service", "orders"),
                List.of(new Step("WatchCanary", AT, AT.plusSeconds(60), 4, 0, null, look)),
                "Greenlight.SmokeTestFailed", "the smoke test failed", smoke);

        String printed = format.render(failed);

        assertThat(printed).contains("smoke:    FAILED (the smoke-test hook's report)",
                "GET /orders 500 9ms 5 attempts failed: expected status 200 got 500", "verdict=DEPLOYMENT_FAILED");
        assertThat(printed.split("GET /health", -1)).as("once, in the header").hasSize(2);
    }

    @Test
    void theJsonReportKeepsTheTraceForTools() throws Exception {
        JsonNode json = Worker.JSON.readTree(ReportFormat.json.render(report));

        assertThat(json.at("/timeline/0/lastError").asText()).contains("VerifyImage.java:42");
    }

    @Test
    void aCauseThatIsNotAPayloadShowsItsFirstLine() {
        Step step = new Step("Rollback", AT, AT, 1, 1, "States.Timeout: Task timed out\nafter 60 s", null);

        assertThat(step.lastErrorBrief()).isEqualTo("States.Timeout: Task timed out");
    }

    @Test
    void theAuditReport_showsAWatchsAlarmsWithTheirRoles() {
        AuditReport.Step step = new AuditReport.Step("WatchCanary", Instant.EPOCH, Instant.EPOCH, 3, 0, null,
                AuditReport.json("""
                {"Payload": {"verdict": "ALARM", "alarms": [
                  {"name": "orders-blue-5xx", "state": "ALARM", "role": "green"},
                  {"name": "orders-green-5xx", "state": "OK", "role": "blue"}]}}""").get("Payload"));

        assertThat(ReportFormat.evidence(step)).isEqualTo(
                "verdict=ALARM alarms=[orders-blue-5xx (green) ALARM, orders-green-5xx (blue) OK]");
    }

    @Test
    void theAuditReport_saysTheCanaryAnalysisInItsSentence_andKeepsItsFiguresForTheJsonFormat() {
        AuditReport.Step step = new AuditReport.Step("WatchCanary", Instant.EPOCH, Instant.EPOCH, 3, 0, null,
                AuditReport.json("""
                {"verdict": "HEALTHY", "analysis": {"verdict": "PASS", "reason": "green's 5xx share 0.0000 is not \
                above blue's 0.0100", "green": {"requests": 412, "errors": 0}, "errors": {"alpha": 0.01}}}"""));

        assertThat(ReportFormat.evidence(step)).isEqualTo(
                "verdict=HEALTHY analysis=PASS (green's 5xx share 0.0000 is not above blue's 0.0100)");
    }

    private static final String ALARM_FIRED = "An alarm fired while orders:3.0 was watched (deployment d-1): [{\"name\":"
            + "\"orders-blue-5xx\",\"state\":\"ALARM\",\"firedAt\":\"2026-01-05T10:01:00Z\",\"reason\":\"Threshold "
            + "Crossed: 1 out of the last 1 datapoints [52.0 (05/01/26 10:00:00)] was greater than or equal to the "
            + "threshold (1.0) (minimum 1 datapoint for OK -> ALARM transition).\",\"role\":\"green\","
            + "\"targetGroup\":\"orders-blue\"}]. Traffic went back to the previous version.";

    private final AuditReport rolledBack = new AuditReport("orders-3_0-abc", "FAILED", AT, AT.plusSeconds(90),
            Worker.JSON.createObjectNode().put("service", "orders"), List.of(), "Greenlight.AlarmFired",
            ALARM_FIRED, null);

    @Test
    void theOutcome_ofARolledBackRelease_isTheVerdictAndEachAlarmThatFired_asStatusSaysIt() {
        assertThat(ReportFormat.text.render(rolledBack)).endsWith("\nOutcome: FAILED with Greenlight.AlarmFired: An "
                + "alarm fired while orders:3.0 was watched (deployment d-1). Traffic went back to the previous version."
                + "\n  alarm orders-blue-5xx (green) in ALARM since 10:01:00 UTC: Threshold Crossed: 1 out of the last 1 "
                + "datapoints [52.0 (05/01/26 10:00:00)] was greater than or equal to the threshold (1.0)\n");
        assertThat(ReportFormat.markdown.render(rolledBack)).contains("**Outcome: FAILED with Greenlight.AlarmFired: "
                + "An alarm fired while orders:3.0 was watched (deployment d-1). Traffic went back to the previous "
                + "version.**\n- alarm orders-blue-5xx (green) in ALARM since 10:01:00 UTC: Threshold Crossed");
    }

    @Test
    void theJsonReport_keepsTheWholeCause_besideTheFailureForPeople() throws Exception {
        JsonNode json = Worker.JSON.readTree(ReportFormat.json.render(rolledBack));

        assertThat(json.path("cause").asText()).isEqualTo(ALARM_FIRED);
        assertThat(json.at("/failure/fired/0/name").asText()).isEqualTo("orders-blue-5xx");
        assertThat(json.at("/failure/fired/0/role").asText()).isEqualTo("green");
        assertThat(json.at("/failure/summary").asText()).doesNotContain("[{");
    }

    @Test
    void theAwaitApprovalRow_saysWhatItWaitsFor() {
        Step await = new Step("AwaitApproval", AT, null, 1, 0, null, new dev.greenlight.workers.pipeline.AskedApproval(
                "orders-2_0-abc", AT, AT.plusSeconds(1800), "arn:aws:sns:us-east-1:123456789012:greenlight").evidence());

        assertThat(ReportFormat.evidence(await)).isEqualTo("waitsFor=a person's answer: greenlight approve "
                + "orders-2_0-abc --reason TEXT, or greenlight reject orders-2_0-abc --reason TEXT approvers=anyone whose "
                + "AWS identity may call states:SendTaskSuccess and states:SendTaskFailure on this pipeline; asked "
                + "through SNS topic arn:aws:sns:us-east-1:123456789012:greenlight timesOutAt=2026-01-05T10:30:00Z "
                + "(then it is rolled back)");
    }
}
