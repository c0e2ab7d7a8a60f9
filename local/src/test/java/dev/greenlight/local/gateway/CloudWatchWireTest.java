package dev.greenlight.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.aws.AwsErrors;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** CloudWatch as the Java SDK speaks it (awsQuery) and as newer SDKs do (rpcv2Cbor). */
class CloudWatchWireTest {

    private static final String SIGNED_FOR_MONITORING = "AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20250301/us-east-1/"
            + "monitoring/aws4_request, SignedHeaders=host, Signature=00";

    private final TinyCloudWatch twin = new TinyCloudWatch();
    private final WireGateway gateway = WireGateway.builder().register(CloudWatchClient.class, twin).start(0);
    private final CloudWatchClient cloudWatch = SdkClients.against(gateway, CloudWatchClient.builder());

    @AfterEach
    void stop() {
        cloudWatch.close();
        gateway.close();
    }

    @Test
    void nestedListsTimestampsAndAnExplicitlyEmptyListReachTheTwinOverQuery() {
        cloudWatch.putMetricData(b -> b.namespace("Greenlight").metricData(
                MetricDatum.builder().metricName("5xx").timestamp(TinyCloudWatch.T0).value(3.0)
                        .unit(StandardUnit.COUNT)
                        .dimensions(Dimension.builder().name("TargetGroup").value("green").build()).build(),
                MetricDatum.builder().metricName("latency").values(10.0, 20.5).counts(1.0, 2.0)
                        .dimensions(java.util.List.of()).build()));

        PutMetricDataRequest received = (PutMetricDataRequest) twin.calls.get(0);
        assertThat(received.namespace()).isEqualTo("Greenlight");
        MetricDatum errors = received.metricData().get(0);
        assertThat(errors.timestamp()).isEqualTo(TinyCloudWatch.T0);
        assertThat(errors.unit()).isEqualTo(StandardUnit.COUNT);
        assertThat(errors.dimensions()).containsExactly(Dimension.builder().name("TargetGroup").value("green").build());
        MetricDatum latency = received.metricData().get(1);
        assertThat(latency.values()).containsExactly(10.0, 20.5);
        assertThat(latency.hasDimensions()).isTrue();
        assertThat(latency.dimensions()).isEmpty();
        assertThat(errors.hasValues()).isFalse();
    }

    @Test
    void seriesOfTimestampsAndNumbersComeBackOverQuery() {
        var result = cloudWatch.getMetricData(b -> b.startTime(TinyCloudWatch.T0).endTime(TinyCloudWatch.T0))
                .metricDataResults().get(0);

        assertThat(result.timestamps()).containsExactly(TinyCloudWatch.T0, TinyCloudWatch.T0.plusSeconds(60));
        assertThat(result.values()).containsExactly(1.5, 0.0);
    }

    @Test
    void aModeledErrorRaisesItsTypedExceptionOverQuery() {
        twin.failure = () -> AwsErrors.of(InvalidParameterValueException.builder(), "InvalidParameterValue",
                "The value -1 for parameter Value is invalid.", 400);

        assertThatThrownBy(() -> cloudWatch.putMetricData(b -> b.namespace("Greenlight")))
                .isExactlyInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void rpcV2CborRequestsAreReadAndAnsweredInCborWithEpochTimestamps() throws Exception {
        ObjectNode request = JsonBodies.CBOR.createObjectNode();
        request.put("StartTime", TinyCloudWatch.T0.getEpochSecond());
        request.put("EndTime", TinyCloudWatch.T0.getEpochSecond() + 60.5);
        HttpResponse<byte[]> response = postCbor("GetMetricData", JsonBodies.CBOR.writeValueAsBytes(request));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("smithy-protocol")).hasValue("rpc-v2-cbor");
        JsonNode result = JsonBodies.CBOR.readTree(response.body()).get("MetricDataResults").get(0);
        assertThat(result.get("Timestamps").get(1).asDouble()).isEqualTo(TinyCloudWatch.T0.getEpochSecond() + 60.0);
        assertThat(result.get("Values").get(0).asDouble()).isEqualTo(1.5);
        var received = (software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest) twin.calls.get(0);
        assertThat(received.endTime()).isEqualTo(TinyCloudWatch.T0.plusMillis(60_500));
    }

    @Test
    void rpcV2CborErrorsCarryTheCodeInTheBodyAndTheQueryErrorHeader() throws Exception {
        twin.failure = () -> AwsErrors.of(InvalidParameterValueException.builder(), "InvalidParameterValue", "bad", 400);

        HttpResponse<byte[]> response = postCbor("PutMetricData", JsonBodies.CBOR.writeValueAsBytes(
                JsonBodies.CBOR.createObjectNode().put("Namespace", "Greenlight")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JsonBodies.CBOR.readTree(response.body()).get("__type").asText()).isEqualTo("InvalidParameterValue");
        assertThat(response.headers().firstValue("x-amzn-query-error")).hasValue("InvalidParameterValue;Sender");
    }

    private HttpResponse<byte[]> postCbor(String operation, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port()
                        + "/service/GraniteServiceVersion20100801/operation/" + operation))
                .header("Content-Type", "application/cbor").header("smithy-protocol", "rpc-v2-cbor")
                .header("Authorization", SIGNED_FOR_MONITORING)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
