package dev.greenlight.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.aws.iam.IamTwin;
import dev.greenlight.local.aws.sts.StsTwin;
import dev.greenlight.local.clock.VirtualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;

/** Requests without a SigV4 signature: STS's web-identity calls reach STS; anything else is answered, never dropped. */
class UnsignedRequestsTest {

    private final VirtualClock clock = new VirtualClock();
    private final WireGateway gateway = WireGateway.builder().register(StsClient.class,
            new StsTwin(clock, new IamTwin(clock, new SplittableRandom(1)), new SplittableRandom(2))).start(0);

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void anUnsignedStsActionIsRoutedByItsActionAndVersion() throws Exception {
        HttpResponse<String> response = post("Action=AssumeRoleWithWebIdentity&Version=2011-06-15"
                + "&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr&RoleSessionName=s&WebIdentityToken=t");

        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(response.body()).contains("<Code>NotImplemented</Code>");
    }

    @Test
    void anUnsignedRequestWithoutAnAction_isAQueryWithoutAction() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.port() + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>MissingAction</Code>");
    }

    private HttpResponse<String> post(String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.port() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
