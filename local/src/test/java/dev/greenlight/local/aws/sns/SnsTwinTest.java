package dev.greenlight.local.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.clock.VirtualClock;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishRequest;

class SnsTwinTest {

    private final VirtualClock clock = new VirtualClock();
    private final SnsTwin twin = new SnsTwin(clock);
    private final SnsClient client = twin;
    private String topic;

    @BeforeEach
    void topic() {
        topic = client.createTopic(r -> r.name("deployments").attributes(Map.of("DisplayName", "Greenlight"))).topicArn();
    }

    @Test
    void createTopicIsIdempotentByNameAndRefusesOtherAttributes() {
        assertThat(topic).isEqualTo("arn:aws:sns:us-east-1:123456789012:deployments");
        assertThat(client.createTopic(r -> r.name("deployments")).topicArn()).isEqualTo(topic);
        assertThatThrownBy(() -> client.createTopic(r -> r.name("deployments").attributes(Map.of("DisplayName", "Other"))))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter"));
        assertThatThrownBy(() -> client.createTopic(r -> r.name("bad name"))).isInstanceOf(InvalidParameterException.class);
        assertThat(client.listTopics(r -> { }).topics()).extracting(t -> t.topicArn()).containsExactly(topic);
    }

    @Test
    void listTopicsAnswersAnEmptyListWhenThereAreNone() {
        client.deleteTopic(r -> r.topicArn(topic));
        client.deleteTopic(r -> r.topicArn(topic));

        var topics = client.listTopics(r -> { }).topics();
        assertThat(topics).isEmpty();
        assertThat(topics).isNotInstanceOf(software.amazon.awssdk.core.util.SdkAutoConstructList.class);
    }

    @Test
    void attributesShowWhatWasSetAndSnsOwnCounters() {
        client.setTopicAttributes(r -> r.topicArn(topic).attributeName("DisplayName").attributeValue("GL"));
        client.subscribe(r -> r.topicArn(topic).protocol("email").endpoint("ops@example.com"));

        Map<String, String> attributes = client.getTopicAttributes(r -> r.topicArn(topic)).attributes();

        assertThat(attributes).containsEntry("DisplayName", "GL").containsEntry("TopicArn", topic)
                .containsEntry("Owner", "123456789012").containsEntry("SubscriptionsPending", "1")
                .containsEntry("SubscriptionsConfirmed", "0").containsKey("Policy");
        assertThatThrownBy(() -> client.setTopicAttributes(r -> r.topicArn(topic).attributeName("TopicArn").attributeValue("x")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> client.getTopicAttributes(r -> r.topicArn(topic + "-gone")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound");
                    assertThat(e.statusCode()).isEqualTo(404);
                });
    }

    @Test
    void subscriptionsAreRecordedEmailPendingLambdaConfirmed() {
        String lambda = "arn:aws:lambda:us-east-1:123456789012:function:notify";
        String lambdaSub = client.subscribe(r -> r.topicArn(topic).protocol("lambda").endpoint(lambda)).subscriptionArn();
        String emailSub = client.subscribe(r -> r.topicArn(topic).protocol("email").endpoint("ops@example.com")).subscriptionArn();

        assertThat(lambdaSub).startsWith(topic + ":");
        assertThat(emailSub).isEqualTo("pending confirmation");
        assertThat(client.subscribe(r -> r.topicArn(topic).protocol("lambda").endpoint(lambda)).subscriptionArn()).isEqualTo(lambdaSub);
        assertThat(client.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions())
                .extracting(s -> s.protocol() + " " + s.subscriptionArn())
                .containsExactly("lambda " + lambdaSub, "email PendingConfirmation");
    }

    @ParameterizedTest
    @CsvSource({"carrier-pigeon, coo", "lambda, not-an-arn", "https, http://insecure", "email, nobody"})
    void badSubscriptionsAreRefusedAndNotRecorded(String protocol, String endpoint) {
        assertThatThrownBy(() -> client.subscribe(r -> r.topicArn(topic).protocol(protocol).endpoint(endpoint)))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(client.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions()).isEmpty();
    }

    @Test
    void publishedMessagesAreKeptInOrderWithTheirAttributes() {
        String id = client.publish(r -> r.topicArn(topic).subject("Deployed").message("orders 1.4.2 is live")
                .messageAttributes(Map.of("service", MessageAttributeValue.builder().dataType("String").stringValue("orders").build())))
                .messageId();
        client.publish(r -> r.targetArn(topic).message("{\"default\": \"rolled back\"}").messageStructure("json"));

        assertThat(twin.published(topic)).extracting(PublishedMessage::message)
                .containsExactly("orders 1.4.2 is live", "{\"default\": \"rolled back\"}");
        PublishedMessage first = twin.published(topic).get(0);
        assertThat(first.messageId()).isEqualTo(id);
        assertThat(first.subject()).isEqualTo("Deployed");
        assertThat(first.attributes().get("service").stringValue()).isEqualTo("orders");
        assertThat(first.timestamp()).isEqualTo(clock.now());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no target                 | none  | hello                 |          |
            empty message             | topic |                       |          |
            subject with a line break | topic | hello                 |          | two\\nlines
            json without default      | topic | {"email": "x"}        | json     |
            json that is not json     | topic | {oops                 | json     |
            unknown structure         | topic | hello                 | xml      |
            """)
    void invalidPublishIsRefusedAndNothingIsKept(String name, String target, String message, String structure,
            String subject) {
        Consumer<PublishRequest.Builder> request = r -> r.topicArn("topic".equals(target) ? topic : null)
                .message(message == null ? "" : message).messageStructure(structure)
                .subject(subject == null ? null : subject.replace("\\n", "\n"));

        assertThatThrownBy(() -> client.publish(request)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter"));
        assertThat(twin.published(topic)).isEmpty();
    }

    @Test
    void badMessageAttributesAndMissingTopicsAreRefused() {
        assertThatThrownBy(() -> client.publish(r -> r.topicArn(topic).message("m").messageAttributes(Map.of(
                "n", MessageAttributeValue.builder().dataType("Number").stringValue("twelve").build()))))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> client.publish(r -> r.topicArn(topic).message("m").messageAttributes(Map.of(
                "n", MessageAttributeValue.builder().dataType("Date").stringValue("x").build()))))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> client.publish(r -> r.topicArn(topic + "x").message("m")))
                .isInstanceOf(NotFoundException.class);
        assertThat(twin.published(topic)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            bad                                                | Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1
            arn:aws:sns:us-east-1:123456789012                 | Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 5
            arn:aws:sqs:us-east-1:123456789012:orders          | Invalid parameter: TopicArn
            arn:aws:sns:us-east-1:12345:orders                 | Invalid parameter: TopicArn
            arn:aws:sns:us-east-1:123456789012:orders:extra    | Invalid parameter: TopicArn
            """)
    void malformedTopicArnIsAnInvalidParameterNotAMissingTopic(String arn, String message) {
        assertThatThrownBy(() -> client.publish(r -> r.topicArn(arn).message("m")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                });
    }
}
