package dev.greenlight.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.aws.AwsErrors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Lambda Invoke over restJson1: path, query, header and raw payload bindings from the SDK's traits. */
class RestJsonWireTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:smoke-test";

    private final TinyLambda twin = new TinyLambda();
    private final WireGateway gateway = WireGateway.builder().register(LambdaClient.class, twin).start(0);
    private final LambdaClient lambda = SdkClients.against(gateway, LambdaClient.builder());

    @AfterEach
    void stop() {
        lambda.close();
        gateway.close();
    }

    @Test
    void anArnNameAQualifierAHeaderAndTheRawPayloadReachTheTwin() {
        InvokeResponse response = lambda.invoke(b -> b.functionName(ARN).qualifier("live")
                .invocationType(InvocationType.REQUEST_RESPONSE).payload(SdkBytes.fromUtf8String("{\"a\":[1,2]}")));

        InvokeRequest received = twin.calls.get(0);
        assertThat(received.functionName()).isEqualTo(ARN);
        assertThat(received.qualifier()).isEqualTo("live");
        assertThat(received.invocationType()).isEqualTo(InvocationType.REQUEST_RESPONSE);
        assertThat(received.payload().asUtf8String()).isEqualTo("{\"a\":[1,2]}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.executedVersion()).isEqualTo("7");
        assertThat(response.payload().asUtf8String()).isEqualTo("{\"echo\":{\"a\":[1,2]}}");
        assertThat(response.functionError()).isNull();
    }

    @Test
    void aFunctionErrorIsA200WithTheFunctionErrorHeader() {
        twin.functionError = "Unhandled";

        InvokeResponse response = lambda.invoke(b -> b.functionName("smoke-test").payload(SdkBytes.fromUtf8String("1")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
    }

    @Test
    void aMissingFunctionRaisesResourceNotFound() {
        twin.failure = () -> AwsErrors.of(ResourceNotFoundException.builder(), "ResourceNotFoundException",
                "Function not found: " + ARN, 404);

        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName(ARN).payload(SdkBytes.fromUtf8String("{}"))))
                .isExactlyInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((ResourceNotFoundException) e).statusCode()).isEqualTo(404));
    }
}
