package dev.greenlight.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.http.RawHttp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Every request the gateway refuses gets the error shape of the protocol it is written in. */
class RefusalsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TinySns sns = new TinySns();
    private final WireGateway gateway = WireGateway.builder().register(SnsClient.class, sns)
            .register(LambdaClient.class, new TinyLambda()).register(SfnClient.class, new TinyStepFunctions())
            .start(0);

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aQueryBodyWithoutActionIsMissingAction() throws IOException {
        RawHttp.Answer answer = query("sns", "Version=2010-03-31&TopicArn=arn");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().get("content-type")).isEqualTo("text/xml");
        assertThat(answer.body()).contains("<Type>Sender</Type>").contains("<Code>MissingAction</Code>")
                .contains("<Message>The request is missing an action or a required parameter.</Message>");
    }

    @Test
    void aQueryForAServiceNoTwinServesIsAnInvalidAction() throws IOException {
        RawHttp.Answer answer = query("sqs", "Action=ListQueues&Version=2012-11-05");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("<Code>InvalidAction</Code>").contains("no twin serves ListQueues for service sqs");
    }

    @Test
    void badPercentEncodingInAQueryBodyIsAMalformedQueryString() throws IOException {
        RawHttp.Answer answer = query("sns", "Action=ListTopics&NextToken=%zz");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("<Code>MalformedQueryString</Code>").contains("form body");
        assertThat(sns.calls).isEmpty();
    }

    @Test
    void badPercentEncodingInTheUrlIsAMalformedQueryStringInTheRestShape() throws IOException {
        RawHttp.Answer answer = RawHttp.send(gateway.port(),
                "GET /2015-03-31/functions/or%zzders HTTP/1.1\r\nHost: x", new byte[0], WAIT);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.headers().get("x-amzn-errortype")).isEqualTo("MalformedQueryString");
        assertThat(JsonBodies.JSON.readTree(answer.body()).get("__type").asText()).isEqualTo("MalformedQueryString");
    }

    @Test
    void aRouteNoTwinServesIsAnUnknownOperationInJson() throws IOException {
        RawHttp.Answer answer = RawHttp.send(gateway.port(), "GET /no/such/route HTTP/1.1\r\nHost: x", new byte[0], WAIT);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.headers().get("content-type")).isEqualTo("application/json");
        assertThat(JsonBodies.JSON.readTree(answer.body()).get("__type").asText())
                .isEqualTo("UnknownOperationException");
    }

    @Test
    void aTargetNoTwinServesIsAnUnknownOperationInAwsJson() throws IOException {
        RawHttp.Answer answer = RawHttp.send(gateway.port(), "POST / HTTP/1.1\r\nHost: x\r\n"
                + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Type: application/x-amz-json-1.0",
                "{}".getBytes(StandardCharsets.UTF_8), WAIT);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().get("x-amzn-errortype")).isEqualTo("UnknownOperationException");
    }

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedBeforeItIsSent() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\n" + signedFor("sns")
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + 50 * 1024 * 1024
                    + "\r\n\r\nAction=Publish&Message=").getBytes(StandardCharsets.UTF_8));

            RawHttp.Answer answer = RawHttp.readAnswer(socket.getInputStream());

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).contains("<Code>RequestEntityTooLargeException</Code>")
                    .contains("smaller than 6291456 bytes");
        }
        assertThat(sns.calls).isEmpty();
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIsRefused() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            var out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: x\r\n" + signedFor("sns") + "\r\nContent-Type: "
                    + "application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] chunk = ("100000\r\n" + "a".repeat(0x100000) + "\r\n").getBytes(StandardCharsets.UTF_8);
            try {
                for (int i = 0; i < 8; i++) {
                    out.write(chunk);
                }
            } catch (IOException closedEarly) {
                // The gateway may answer and close before the client has finished sending.
            }

            RawHttp.Answer answer = RawHttp.readAnswer(socket.getInputStream());

            assertThat(answer.status()).isEqualTo(413);
        }
        assertThat(sns.calls).isEmpty();
    }

    private RawHttp.Answer query(String service, String form) throws IOException {
        return RawHttp.send(gateway.port(), "POST / HTTP/1.1\r\nHost: x\r\n" + signedFor(service)
                + "\r\nContent-Type: application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), WAIT);
    }

    private static String signedFor(String service) {
        return "Authorization: AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20250301/us-east-1/" + service
                + "/aws4_request, SignedHeaders=host, Signature=00";
    }
}
