package dev.greenlight.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.http.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** AWS's request compression: SDKs gzip PutMetricData bodies of 10 KiB and more ({@code Content-Encoding: gzip}). */
class CompressedRequestsTest {

    private static final String SIGNED_FOR_MONITORING = "Authorization: AWS4-HMAC-SHA256 Credential=AKIDLOCAL/"
            + "20250301/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=00";

    private final TinyCloudWatch twin = new TinyCloudWatch();
    private final WireGateway gateway = WireGateway.builder().register(CloudWatchClient.class, twin).start(0);
    private final CloudWatchClient cloudWatch = SdkClients.against(gateway, CloudWatchClient.builder());

    @AfterEach
    void stop() {
        cloudWatch.close();
        gateway.close();
    }

    @Test
    void theJavaSdkCompressesThreeHundredDatapointsAndTheTwinReadsThemAll() {
        cloudWatch.putMetricData(b -> b.namespace("Greenlight").metricData(IntStream.range(0, 300)
                .mapToObj(i -> MetricDatum.builder().metricName("Latency").value((double) i)
                        .unit(StandardUnit.MILLISECONDS).build())
                .toList()));

        PutMetricDataRequest received = (PutMetricDataRequest) twin.calls.get(0);
        assertThat(received.metricData()).hasSize(300);
        assertThat(received.metricData().get(299).value()).isEqualTo(299.0);
    }

    @Test
    void aGzippedQueryFormIsReadAsItsPlainText() throws IOException {
        RawHttp.Answer answer = post(gzip("Action=PutMetricData&Version=2010-08-01&Namespace=Gz"
                + "&MetricData.member.1.MetricName=Latency&MetricData.member.1.Value=7"), "gzip");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(((PutMetricDataRequest) twin.calls.get(0)).namespace()).isEqualTo("Gz");
    }

    @Test
    void aBodyThatIsNotGzipIsASerializationExceptionInTheQueryShape() throws IOException {
        RawHttp.Answer answer = post("Action=PutMetricData".getBytes(StandardCharsets.UTF_8), "gzip");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("<Code>SerializationException</Code>").contains("not valid gzip");
        assertThat(twin.calls).isEmpty();
    }

    @Test
    void aGzipBombIsRefusedOnceItUnzipsPastTheLimit() throws IOException {
        byte[] bomb = gzip("Action=PutMetricData&Namespace=" + "a".repeat(RequestBodies.LIMIT));

        RawHttp.Answer answer = post(bomb, "gzip");

        assertThat(bomb.length).isLessThan(100_000);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("<Code>RequestEntityTooLargeException</Code>");
    }

    private RawHttp.Answer post(byte[] body, String encoding) throws IOException {
        return RawHttp.send(gateway.port(), "POST / HTTP/1.1\r\nHost: x\r\n" + SIGNED_FOR_MONITORING
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Encoding: " + encoding,
                body, Duration.ofSeconds(10));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
