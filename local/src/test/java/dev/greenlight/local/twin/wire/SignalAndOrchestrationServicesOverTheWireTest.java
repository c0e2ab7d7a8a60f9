package dev.greenlight.local.twin.wire;

import static dev.greenlight.local.twin.wire.DeliveryServicesOverTheWireTest.assertErrorCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.DashboardNotFoundErrorException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * The services that watch, signal and orchestrate (CloudWatch, SNS, Lambda, Step Functions,
 * EventBridge), reached only with real SDK clients over the wire gateway of the assembled twin:
 * reads, writes, and refusals as the SDK's typed exceptions that change nothing.
 */
class SignalAndOrchestrationServicesOverTheWireTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/greenlight";
    private static final String PASS = """
            {"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": true}}}""";

    private static final AtomicInteger greetings = new AtomicInteger();
    private static ServedTwin served;
    private static CloudWatchClient cloudWatch;
    private static SnsClient sns;
    private static LambdaClient lambda;
    private static SfnClient sfn;
    private static EventBridgeClient events;

    @BeforeAll
    static void serve() {
        served = new ServedTwin();
        served.serviceRole("greenlight", "states.amazonaws.com");
        // Function code has no wire form in the twin: it is registered in-process, as Java.
        served.twin().lambda().register("greeter", event -> {
            greetings.incrementAndGet();
            return Json.parse("{\"greeting\": \"hello " + event.path("name").asText() + "\"}");
        });
        served.twin().lambda().register("failing", event -> {
            throw new IllegalStateException("image digest does not match");
        });
        cloudWatch = served.client(CloudWatchClient.builder());
        sns = served.client(SnsClient.builder());
        lambda = served.client(LambdaClient.builder());
        sfn = served.client(SfnClient.builder());
        events = served.client(EventBridgeClient.builder());
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @Test
    void cloudWatch_describesTheServiceAlarmsOnTheLoadBalancerMetric() {
        List<MetricAlarm> alarms = cloudWatch.describeAlarms(r -> r.alarmNamePrefix("orders-")).metricAlarms();

        assertThat(alarms).extracting(MetricAlarm::alarmName).containsExactly("orders-blue-5xx", "orders-green-5xx");
        assertThat(alarms).allSatisfy(alarm -> {
            assertThat(alarm.namespace()).isEqualTo("AWS/ApplicationELB");
            assertThat(alarm.metricName()).isEqualTo("HTTPCode_Target_5XX_Count");
            assertThat(alarm.dimensions()).extracting(d -> d.name()).containsExactlyInAnyOrder("TargetGroup",
                    "LoadBalancer");
            assertThat(alarm.treatMissingData()).isEqualTo("notBreaching");
        });
    }

    @Test
    void cloudWatch_metricDataPutOverTheWireReadsBackAsStatistics() {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        cloudWatch.putMetricData(r -> r.namespace("Greenlight/Wire").metricData(
                d -> d.metricName("Latency").value(120.0).timestamp(minute.plusSeconds(5)),
                d -> d.metricName("Latency").value(80.0).timestamp(minute.plusSeconds(10))));

        List<Datapoint> points = cloudWatch.getMetricStatistics(r -> r.namespace("Greenlight/Wire")
                .metricName("Latency").startTime(minute).endTime(minute.plusSeconds(60)).period(60)
                .statistics(Statistic.AVERAGE, Statistic.SAMPLE_COUNT)).datapoints();

        assertThat(points).singleElement().satisfies(point -> {
            assertThat(point.timestamp()).isEqualTo(minute);
            assertThat(point.average()).isEqualTo(100.0);
            assertThat(point.sampleCount()).isEqualTo(2.0);
        });
    }

    @Test
    void cloudWatch_setStateOfAnAlarmThatDoesNotExistIsResourceNotFoundAndCreatesNone() {
        cloudWatch.putMetricAlarm(r -> r.alarmName("wire-latency").namespace("Greenlight/Wire").metricName("Latency")
                .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(1).threshold(500.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));

        // The SDK's model names the query error code ResourceNotFound DashboardNotFoundError.
        assertThatThrownBy(() -> cloudWatch.setAlarmState(r -> r.alarmName("wire-missing")
                .stateValue(StateValue.ALARM).stateReason("test")))
                .isInstanceOf(DashboardNotFoundErrorException.class)
                .satisfies(error -> assertErrorCode(error, "ResourceNotFound", 404));

        assertThat(cloudWatch.describeAlarms(r -> r.alarmNamePrefix("wire-")).metricAlarms())
                .extracting(MetricAlarm::alarmName).containsExactly("wire-latency");
    }

    @Test
    void sns_createsATopicThatListsAndPublishes() {
        String topic = sns.createTopic(r -> r.name("wire-releases")).topicArn();

        assertThat(topic).isEqualTo("arn:aws:sns:us-east-1:123456789012:wire-releases");
        assertThat(sns.listTopics().topics()).extracting(Topic::topicArn).contains(topic);
        assertThat(sns.publish(r -> r.topicArn(topic).message("orders 2.0 promoted")).messageId()).isNotBlank();
        assertThat(sns.getTopicAttributes(r -> r.topicArn(topic)).attributes()).containsEntry("TopicArn", topic);
    }

    @Test
    void sns_publishingToATopicThatDoesNotExistIsNotFoundAndCreatesNone() {
        String missing = "arn:aws:sns:us-east-1:123456789012:wire-missing";

        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(missing).message("lost")))
                .isInstanceOf(NotFoundException.class)
                .satisfies(error -> assertErrorCode(error, "NotFound", 404));

        assertThat(sns.listTopics().topics()).extracting(Topic::topicArn).doesNotContain(missing);
    }

    @Test
    void lambda_describesAndInvokesAnInProcessFunction() {
        assertThat(lambda.getFunction(r -> r.functionName("greeter")).configuration().functionArn())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:greeter");

        InvokeResponse response = lambda.invoke(r -> r.functionName("greeter")
                .payload(SdkBytes.fromUtf8String("{\"name\": \"wire\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        assertThat(Json.parse(response.payload().asUtf8String()).path("greeting").asText()).isEqualTo("hello wire");
    }

    @Test
    void lambda_aFunctionThatThrowsAnswers200WithTheUnhandledErrorDocument() {
        InvokeResponse response = lambda.invoke(r -> r.functionName(
                "arn:aws:lambda:us-east-1:123456789012:function:failing").qualifier("$LATEST"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = Json.parse(response.payload().asUtf8String());
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("errorMessage").asText()).isEqualTo("image digest does not match");
    }

    @Test
    void lambda_refusesAMissingFunctionAndAPayloadThatIsNotJsonWithoutRunningAnything() {
        int before = greetings.get();

        assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("no-such-function")))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(error -> assertErrorCode(error, "ResourceNotFoundException", 404));
        assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("greeter")
                .payload(SdkBytes.fromUtf8String("{not json"))))
                .isInstanceOf(InvalidRequestContentException.class)
                .satisfies(error -> assertErrorCode(error, "InvalidRequestContentException", 400));

        assertThat(greetings.get()).isEqualTo(before);
    }

    @Test
    void stepFunctions_createsAStateMachineThatListsAndDescribes() {
        String arn = sfn.createStateMachine(r -> r.name("wire-pass").roleArn(ROLE).definition(PASS))
                .stateMachineArn();

        assertThat(sfn.listStateMachines(r -> { }).stateMachines()).extracting(StateMachineListItem::name)
                .contains("wire-pass");
        assertThat(sfn.describeStateMachine(r -> r.stateMachineArn(arn)))
                .satisfies(machine -> {
                    assertThat(machine.status()).isEqualTo(StateMachineStatus.ACTIVE);
                    assertThat(Json.parse(machine.definition())).isEqualTo(Json.parse(PASS));
                });
    }

    @Test
    void stepFunctions_startSyncExecutionAnswersAnExpressRunWithItsOutput() {
        // StartSyncExecution's "sync-" host prefix is turned off for loopback, as workers' clients must.
        String arn = sfn.createStateMachine(r -> r.name("wire-express").type(StateMachineType.EXPRESS).roleArn(ROLE)
                .definition("""
                        {"StartAt": "Tag", "States": {"Tag": {"Type": "Pass",
                          "Parameters": {"tag.$": "$.image.tag", "checked": true},
                          "End": true}}}""")).stateMachineArn();

        StartSyncExecutionResponse run = sfn.startSyncExecution(r -> r.stateMachineArn(arn)
                .input("{\"image\": {\"tag\": \"1.4.2\"}}"));

        assertThat(run.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
        assertThat(run.executionArn()).startsWith("arn:aws:states:us-east-1:123456789012:express:wire-express:");
        assertThat(Json.parse(run.output())).isEqualTo(Json.parse("{\"tag\": \"1.4.2\", \"checked\": true}"));
    }

    @Test
    void stepFunctions_refusesAnInvalidDefinitionAndCreatesNothing() {
        String dangling = """
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nope"}}}""";

        assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name("wire-broken").roleArn(ROLE).definition(dangling)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("MISSING_TRANSITION_TARGET")
                .satisfies(error -> assertErrorCode(error, "InvalidDefinition", 400));

        assertThat(sfn.listStateMachines(r -> { }).stateMachines()).extracting(StateMachineListItem::name)
                .doesNotContain("wire-broken");
    }

    @Test
    void stepFunctions_describingAnExecutionThatDoesNotExistIsExecutionDoesNotExist() {
        String missing = "arn:aws:states:us-east-1:123456789012:execution:wire-pass:never-started";

        assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn(missing)))
                .isInstanceOf(ExecutionDoesNotExistException.class)
                .satisfies(error -> assertErrorCode(error, "ExecutionDoesNotExist", 400));
    }

    @Test
    void eventBridge_putsARuleThatListsAndDescribesWithItsPattern() {
        String pattern = "{\"source\": [\"aws.codedeploy\"]}";

        String arn = events.putRule(r -> r.name("wire-deployments").eventPattern(pattern)).ruleArn();

        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/wire-deployments");
        assertThat(events.listRules(r -> r.namePrefix("wire-")).rules()).extracting(Rule::name)
                .containsExactly("wire-deployments");
        assertThat(events.describeRule(r -> r.name("wire-deployments")))
                .satisfies(rule -> {
                    assertThat(rule.state()).isEqualTo(RuleState.ENABLED);
                    assertThat(Json.parse(rule.eventPattern())).isEqualTo(Json.parse(pattern));
                });
    }

    @Test
    void eventBridge_refusesAnInvalidPatternAndTargetsOfAMissingRuleChangingNothing() {
        // A pattern's values must be arrays.
        String notArrays = "{\"source\": \"aws.ecr\"}";
        assertThatThrownBy(() -> events.putRule(r -> r.name("wire-invalid").eventPattern(notArrays)))
                .isInstanceOf(InvalidEventPatternException.class)
                .satisfies(error -> assertErrorCode(error, "InvalidEventPatternException", 400));
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("wire-missing").targets(t -> t.id("t")
                .arn("arn:aws:sns:us-east-1:123456789012:anything"))))
                .isInstanceOf(software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException.class)
                .satisfies(error -> assertErrorCode(error, "ResourceNotFoundException", 400));

        assertThat(events.listRules(r -> r.namePrefix("wire-")).rules()).extracting(Rule::name)
                .doesNotContain("wire-invalid", "wire-missing");
    }
}
