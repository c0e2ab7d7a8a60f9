package dev.greenlight.statemachine.scenarios;

import static dev.greenlight.statemachine.scenarios.Invariants.Expected.failed;
import static dev.greenlight.statemachine.scenarios.Invariants.Expected.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.aws.ecr.LocalImage;
import dev.greenlight.statemachine.twin.PipelineOnTwin;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.workers.core.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** How pushes become executions: one per pushed image, none for what no service deploys or cannot be read. */
class TriggerScenariosTest {

    private static final String DETAIL_TYPE = "ECR Image Action";

    private Scenario scenario;

    @AfterEach
    void close() {
        scenario.close();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void pushToARepositoryNoServiceDeploys_startsNothing_andTheTriggerNamesTheRepository(Backend backend) {
        scenario = Scenario.automaticApproval(backend);
        scenario.twin.ecr().createRepository(r -> r.repositoryName("payments"));
        String digest = scenario.twin.ecr().push("payments", LocalImage.of("1.0", "healthy"));
        scenario.clock.advance(Duration.ofMinutes(5));

        InvokeResponse answer = invokeTrigger(event(pushDetail("payments", digest, "1.0")));

        Invariants.check(scenario, Map.of());
        assertThat(answer.functionError()).isNotNull();
        assertThat(answer.payload().asUtf8String()).contains("UnknownRepository", "'payments'");
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void manualStartNamingNoConfiguredService_failsWithInvalidInput(Backend backend) {
        scenario = Scenario.automaticApproval(backend);
        scenario.start("payments-by-hand", """
                {"service": "payments", "image": {"repository": "payments", "tag": "1.0"},
                 "trigger": {"source": "manual", "by": "alice", "reason": "first release"}}""");
        scenario.runAllToEnd();

        Invariants.check(scenario, Map.of("payments-by-hand", failed("Greenlight.InvalidInput")));
        assertThat(scenario.productionTags()).containsExactly("1.0");
    }

    /**
     * ECR's events reach the bus from ECR itself: PutEvents refuses {@code aws.*} sources to callers,
     * so the broken event is put as the service puts its own.
     */
    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void malformedEcrEvent_startsNothing_andTheTriggerNamesTheBrokenField(Backend backend) {
        scenario = Scenario.automaticApproval(backend);
        ObjectNode detail = pushDetail(Scenario.SERVICE, "latest", "2.0");

        scenario.twin.eventBridge().putServiceEvent("aws.ecr", DETAIL_TYPE, List.of(repositoryArn()), detail);
        scenario.clock.advance(Duration.ofMinutes(5));
        InvokeResponse answer = invokeTrigger(event(detail));

        Invariants.check(scenario, Map.of());
        assertThat(answer.functionError()).isNotNull();
        assertThat(answer.payload().asUtf8String()).contains("MalformedEvent", "detail.image-digest");
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void sameEcrEventTwice_startsOneExecution(Backend backend) {
        scenario = Scenario.automaticApproval(backend);
        String digest = scenario.push("2.0", "healthy");
        ObjectNode again = pushDetail(Scenario.SERVICE, digest, "2.0");

        scenario.clock.advance(Duration.ofMinutes(1));
        scenario.twin.eventBridge().putServiceEvent("aws.ecr", DETAIL_TYPE, List.of(repositoryArn()), again);
        scenario.runToEnd();
        scenario.twin.eventBridge().putServiceEvent("aws.ecr", DETAIL_TYPE, List.of(repositoryArn()), again);
        scenario.clock.advance(Duration.ofMinutes(5));

        Invariants.check(scenario, succeeded());
        assertThat(scenario.productionTags()).containsExactly("2.0");
    }

    private InvokeResponse invokeTrigger(JsonNode event) {
        return scenario.twin.lambda().invoke(r -> r.functionName(PipelineOnTwin.TRIGGER_FUNCTION)
                .payload(SdkBytes.fromUtf8String(event.toString())));
    }

    /** The event EventBridge hands the trigger, as ECR sends it. */
    private JsonNode event(ObjectNode detail) {
        ObjectNode event = Worker.JSON.createObjectNode();
        event.put("version", "0").put("id", "6a7e8feb-b491-4cf7-a9f1-bf3703467718").put("detail-type", DETAIL_TYPE)
                .put("source", "aws.ecr").put("account", LocalAccount.ID).put("time", scenario.clock.now().toString())
                .put("region", LocalAccount.REGION);
        event.putArray("resources").add(repositoryArn());
        event.set("detail", detail);
        return event;
    }

    private static ObjectNode pushDetail(String repository, String digest, String tag) {
        ObjectNode detail = Worker.JSON.createObjectNode();
        detail.put("result", "SUCCESS").put("repository-name", repository).put("image-digest", digest)
                .put("action-type", "PUSH").put("image-tag", tag);
        return detail;
    }

    private static String repositoryArn() {
        return "arn:aws:ecr:" + LocalAccount.REGION + ":" + LocalAccount.ID + ":repository/" + Scenario.SERVICE;
    }
}
