package dev.greenlight.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.aws.AwsErrors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.Topic;

class AwsQueryWireTest {

    private final TinySns twin = new TinySns();
    private final WireGateway gateway = WireGateway.builder().register(SnsClient.class, twin).start(0);
    private final SnsClient sns = SdkClients.against(gateway, SnsClient.builder());

    @AfterEach
    void stop() {
        sns.close();
        gateway.close();
    }

    @Test
    void publishCarriesMapsOfStructuresAndBlobsBothWays() {
        PublishResponse response = sns.publish(b -> b.topicArn("arn:aws:sns:us-east-1:123456789012:deploys")
                .message("héllo & bye").subject("s")
                .messageAttributes(Map.of(
                        "kind", MessageAttributeValue.builder().dataType("String").stringValue("canary").build(),
                        "raw", MessageAttributeValue.builder().dataType("Binary")
                                .binaryValue(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 255})).build())));

        assertThat(response.messageId()).isEqualTo("m-1");
        assertThat(response.sequenceNumber()).isEqualTo("7");
        PublishRequest received = (PublishRequest) twin.calls.get(0);
        assertThat(received.topicArn()).isEqualTo("arn:aws:sns:us-east-1:123456789012:deploys");
        assertThat(received.message()).isEqualTo("héllo & bye");
        assertThat(received.messageAttributes().get("kind").stringValue()).isEqualTo("canary");
        assertThat(received.messageAttributes().get("raw").binaryValue().asByteArray())
                .containsExactly(0, 1, 255);
    }

    @Test
    void listsComeBackAsListsOfStructures() {
        twin.topics = List.of(Topic.builder().topicArn("arn:a").build(), Topic.builder().topicArn("arn:b").build());

        assertThat(sns.listTopics().topics()).extracting(Topic::topicArn).containsExactly("arn:a", "arn:b");
    }

    @Test
    void anEmptyListSetByTheTwinIsWrittenEmpty() {
        assertThat(sns.listTopics().hasTopics()).isTrue();
        assertThat(sns.listTopics().topics()).isEmpty();
    }

    @Test
    void aModeledErrorRaisesItsTypedExceptionWithCodeAndStatus() {
        twin.failure = () -> AwsErrors.of(NotFoundException.builder(), "NotFound", "Topic does not exist", 404);

        assertThatThrownBy(() -> sns.publish(b -> b.topicArn("arn:x").message("m")))
                .isExactlyInstanceOf(NotFoundException.class)
                .satisfies(e -> {
                    NotFoundException error = (NotFoundException) e;
                    assertThat(error.statusCode()).isEqualTo(404);
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("NotFound");
                    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Topic does not exist");
                });
    }

    @Test
    void aTwinThatBreaksAnswersAnInternalFailureInTheQueryShape() {
        twin.failure = () -> new IllegalStateException("boom");

        assertThatThrownBy(() -> sns.listTopics())
                .isExactlyInstanceOf(SnsException.class)
                .satisfies(e -> {
                    SnsException error = (SnsException) e;
                    assertThat(error.statusCode()).isEqualTo(500);
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
                });
    }
}
