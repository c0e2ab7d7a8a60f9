package dev.greenlight.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.testing.RequiredTool;
import dev.greenlight.local.aws.AwsErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** The AWS CLI (botocore) against the gateway: awsQuery (SNS), awsJson (Step Functions), CloudWatch's JSON. */
class AwsCliWireTest {

    private final TinySns sns = new TinySns();
    private final TinyStepFunctions sfn = new TinyStepFunctions();
    private final TinyCloudWatch cloudWatch = new TinyCloudWatch();
    private final WireGateway gateway = WireGateway.builder().register(SnsClient.class, sns)
            .register(SfnClient.class, sfn).register(CloudWatchClient.class, cloudWatch).start(0);

    @BeforeAll
    static void needsTheCli() {
        RequiredTool.assume(AwsCli.installed(), "the AWS CLI (aws) is not on PATH: the CLI wire tests did not run");
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void snsListTopicsShowsTheEmptyListAwsAlwaysReturns() throws Exception {
        AwsCli.Result result = aws("sns", "list-topics");

        assertThat(result.exit()).isZero();
        assertThat(result.json().get("Topics").isArray()).isTrue();
        assertThat(result.json().get("Topics")).isEmpty();
    }

    @Test
    void snsPublishCarriesMessageAttributes() throws Exception {
        AwsCli.Result result = aws("sns", "publish", "--topic-arn", "arn:aws:sns:us-east-1:123456789012:t",
                "--message", "hi there",
                "--message-attributes", "{\"kind\":{\"DataType\":\"String\",\"StringValue\":\"canary\"}}");

        assertThat(result.json().get("MessageId").asText()).isEqualTo("m-1");
        PublishRequest received = (PublishRequest) sns.calls.get(0);
        assertThat(received.message()).isEqualTo("hi there");
        assertThat(received.messageAttributes().get("kind").stringValue()).isEqualTo("canary");
    }

    @Test
    void snsErrorsNameTheirCode() throws Exception {
        sns.failure = () -> AwsErrors.of(NotFoundException.builder(), "NotFound", "Topic does not exist", 404);

        AwsCli.Result result = aws("sns", "publish", "--topic-arn", "arn:x", "--message", "m");

        assertThat(result.exit()).isNotZero();
        assertThat(result.stderr()).contains("(NotFound)").contains("Topic does not exist");
    }

    @Test
    void stepFunctionsAnswersInAwsJsonWithTimestamps() throws Exception {
        AwsCli.Result result = aws("stepfunctions", "describe-execution", "--execution-arn", "arn:e");

        assertThat(result.json().get("status").asText()).isEqualTo("SUCCEEDED");
        // CLI v1 prints timestamps as the service sent them: awsJson sends epoch seconds.
        assertThat(result.json().get("startDate").decimalValue())
                .isEqualByComparingTo(Timestamps.epochSeconds(TinyStepFunctions.STARTED));
    }

    @Test
    void stepFunctionsErrorsNameTheirCode() throws Exception {
        sfn.failure = () -> AwsErrors.of(ExecutionDoesNotExistException.builder(), "ExecutionDoesNotExist", "nope", 400);

        AwsCli.Result result = aws("stepfunctions", "describe-execution", "--execution-arn", "arn:e");

        assertThat(result.stderr()).contains("(ExecutionDoesNotExist)");
    }

    @Test
    void cloudWatchOverJsonReadsMetricDataAndAnswersAlarms() throws Exception {
        AwsCli.Result put = aws("cloudwatch", "put-metric-data", "--namespace", "Greenlight", "--metric-data",
                "[{\"MetricName\":\"5xx\",\"Value\":3,\"Timestamp\":\"2025-03-01T10:00:00Z\",\"Dimensions\":[]}]");
        AwsCli.Result alarms = aws("cloudwatch", "describe-alarms");

        assertThat(put.exit()).isZero();
        PutMetricDataRequest received = (PutMetricDataRequest) cloudWatch.calls.get(0);
        assertThat(received.metricData().get(0).value()).isEqualTo(3.0);
        assertThat(received.metricData().get(0).timestamp()).isEqualTo(TinyCloudWatch.T0);
        assertThat(received.metricData().get(0).hasDimensions()).isTrue();
        assertThat(alarms.json().get("MetricAlarms").get(0).get("StateValue").asText()).isEqualTo("ALARM");
    }

    @Test
    void cloudWatchPutMetricDataOfThreeHundredDatapoints_whichTheCliGzips_isReadWhole(@TempDir Path dir)
            throws Exception {
        StringBuilder data = new StringBuilder("[");
        for (int i = 0; i < 300; i++) {
            data.append(i == 0 ? "" : ",").append("{\"MetricName\":\"Latency\",\"Value\":").append(i)
                    .append(",\"Unit\":\"Milliseconds\"}");
        }
        Path file = Files.writeString(dir.resolve("metric-data.json"), data.append("]"));

        AwsCli.Result put = aws("cloudwatch", "put-metric-data", "--namespace", "Greenlight", "--metric-data",
                "file://" + file);

        assertThat(put.exit()).as(put.stderr()).isZero();
        PutMetricDataRequest received = (PutMetricDataRequest) cloudWatch.calls.get(0);
        assertThat(received.metricData()).hasSize(300);
        assertThat(received.metricData().get(299).value()).isEqualTo(299.0);
    }

    @Test
    void cloudWatchOverJsonErrorsNameTheQueryCode() throws Exception {
        cloudWatch.failure = () -> AwsErrors.of(InvalidParameterValueException.builder(), "InvalidParameterValue",
                "bad value", 400);

        AwsCli.Result result = aws("cloudwatch", "describe-alarms");

        assertThat(result.stderr()).contains("(InvalidParameterValue)");
    }

    private AwsCli.Result aws(String... args) throws Exception {
        return new AwsCli(gateway.port()).run(args);
    }
}
