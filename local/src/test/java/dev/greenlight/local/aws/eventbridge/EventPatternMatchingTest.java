package dev.greenlight.local.aws.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.clock.VirtualClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;

/** Content filters from the EventBridge user guide, through TestEventPattern. */
class EventPatternMatchingTest {

    private final EventBridgeClient client = new EventBridgeTwin(new VirtualClock(), new RecordingTargets());

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"source": ["aws.ecr"]}                                         | {"tag": "1.0"}               | true
            {"source": ["aws.ec2"]}                                         | {"tag": "1.0"}               | false
            {"detail": {"tag": [{"prefix": "1."}]}}                         | {"tag": "1.4.2"}             | true
            {"detail": {"tag": [{"prefix": "1."}]}}                         | {"tag": "2.1.0"}             | false
            {"detail": {"result": [{"anything-but": "FAILURE"}]}}           | {"result": "SUCCESS"}        | true
            {"detail": {"result": [{"anything-but": "FAILURE"}]}}           | {"result": "FAILURE"}        | false
            {"detail": {"result": [{"anything-but": ["FAILURE", "X"]}]}}    | {"result": "X"}              | false
            {"detail": {"critical": [{"numeric": [">", 0, "<=", 5]}]}}      | {"critical": 3}              | true
            {"detail": {"critical": [{"numeric": [">", 0, "<=", 5]}]}}      | {"critical": 0}              | false
            {"detail": {"critical": [{"numeric": [">", 0, "<=", 5]}]}}      | {"critical": 6}              | false
            {"detail": {"critical": [{"numeric": ["=", 3.0]}]}}             | {"critical": 3}              | true
            {"detail": {"image-tag": [{"exists": true}]}}                   | {"image-tag": "latest"}      | true
            {"detail": {"image-tag": [{"exists": true}]}}                   | {"other": 1}                 | false
            {"detail": {"image-tag": [{"exists": false}]}}                  | {"other": 1}                 | true
            {"detail": {"image-tag": [{"exists": false}]}}                  | {"image-tag": "latest"}      | false
            {"detail": {"tags": ["prod"]}}                                  | {"tags": ["dev", "prod"]}    | true
            {"detail": {"tag": [{"suffix": "-rc"}]}}                        | {"tag": "2.0-rc"}            | true
            {"detail": {"tag": [{"equals-ignore-case": "LATEST"}]}}         | {"tag": "latest"}            | true
            """)
    void patternMatchesAsEventRulerDoes(String pattern, String detail, boolean expected) {
        String event = """
                {"id": "e1", "account": "123456789012", "source": "aws.ecr", "time": "2026-01-01T00:00:00Z",
                 "region": "us-east-1", "resources": [], "detail-type": "ECR Image Action", "detail": %s}
                """.formatted(detail);

        boolean result = client.testEventPattern(r -> r.eventPattern(pattern).event(event)).result();

        assertThat(result).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"aws.ecr\"]", "{\"source\": \"aws.ecr\"}", "{\"detail\": {\"n\": [{\"numeric\": [\">\"]}]}}",
            "not json"})
    void invalidPatternIsRefused(String pattern) {
        String event = "{\"id\":\"1\",\"account\":\"1\",\"source\":\"s\",\"time\":\"t\",\"region\":\"r\",\"detail-type\":\"d\"}";

        assertThatThrownBy(() -> client.testEventPattern(r -> r.eventPattern(pattern).event(event)))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageStartingWith("Event pattern is not valid. Reason: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"source\": \"s\"}", "[]", "nope"})
    void testEventWithoutTheEnvelopeFieldsIsRefused(String event) {
        assertThatThrownBy(() -> client.testEventPattern(r -> r.eventPattern("{\"source\": [\"s\"]}").event(event)))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }
}
