package dev.greenlight.local.aws.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The input transformer examples of the EventBridge user guide, delivered through a rule. */
class InputTransformerTest {

    private static final String TARGET = "arn:aws:states:us-east-1:123456789012:stateMachine:pipeline";
    /** A state machine target needs a role that EventBridge starts it as. */
    private static final String ROLE = "arn:aws:iam::123456789012:role/events-start-pipeline";

    private final VirtualClock clock = new VirtualClock();
    private final RecordingTargets targets = new RecordingTargets();
    private final EventBridgeClient client = new EventBridgeTwin(clock, targets);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            simple string                  | "instance <instance> is in <state>"                                    | "instance i-0123456789 is in RUNNING"
            string with escaped quotes     | "instance \\"<instance>\\" is in <state>"                              | "instance \\"i-0123456789\\" is in RUNNING"
            simple JSON                    | {"instance" : <instance>, "state": <state>}                            | {"instance":"i-0123456789","state":"RUNNING"}
            JSON with strings and vars     | {"instance" : <instance>, "state": "<state>", "s": "instance \\"<instance>\\" is in <state>"} | {"instance":"i-0123456789","state":"RUNNING","s":"instance \\"i-0123456789\\" is in RUNNING"}
            JSON mixing static values      | {"instance" : <instance>, "state": [ 9, <state>, true ], "Transformed" : "Yes"} | {"instance":"i-0123456789","state":[9,"RUNNING",true],"Transformed":"Yes"}
            reserved variables in JSON     | {"ruleArn" : <aws.events.rule-arn>, "ruleName" : <aws.events.rule-name>} | {"ruleArn":"arn:aws:events:us-east-1:123456789012:rule/example","ruleName":"example"}
            reserved variable in a string  | "<aws.events.rule-name> triggered"                                     | "example triggered"
            ingestion time                 | {"at": <aws.events.event.ingestion-time>}                              | {"at":"2026-01-01T00:00:00Z"}
            numbers and objects keep type  | {"count": <count>, "detail": <detail>}                                 | {"count":2,"detail":{"instance-id":"i-0123456789","state":"RUNNING","count":2}}
            object inside a JSON string    | {"text": "d=<detail>"}                                                 | {"text":"d={\\"instance-id\\":\\"i-0123456789\\",\\"state\\":\\"RUNNING\\",\\"count\\":2}"}
            missing value in a string      | "state <missing>!"                                                     | "state !"
            missing value in JSON          | {"m": <missing>, "s": "<missing>"}                                     | {"m":null,"s":""}
            unknown placeholder kept       | "a <b> c"                                                              | "a <b> c"
            whole event without detail     | {"e": <aws.events.event>}                                              | {"e":{"version":"0","id":"ID","detail-type":"EC2 Instance State-change Notification","source":"example.ec2","account":"123456789012","time":"2015-11-11T21:29:54Z","region":"us-east-1","resources":["arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111"]}}
            """)
    void templateIsFilledAsAwsDocuments(String name, String template, String expected) {
        client.putRule(r -> r.name("example").eventPattern("{\"source\": [\"example.ec2\"]}"));
        client.putTargets(r -> r.rule("example").targets(t -> t.id("t").arn(TARGET).roleArn(ROLE).inputTransformer(i -> i
                .inputPathsMap(Map.of("timestamp", "$.time", "instance", "$.detail.instance-id",
                        "state", "$.detail.state", "count", "$.detail.count", "detail", "$.detail",
                        "missing", "$.detail.nothing-here"))
                .inputTemplate(template))));

        String eventId = client.putEvents(r -> r.entries(e -> e
                .source("example.ec2")
                .detailType("EC2 Instance State-change Notification")
                .time(Instant.parse("2015-11-11T21:29:54Z"))
                .resources("arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111")
                .detail("{\"instance-id\": \"i-0123456789\", \"state\": \"RUNNING\", \"count\": 2}")))
                .entries().get(0).eventId();
        clock.runUntilIdle();

        assertThat(targets.inputsTo(TARGET)).containsExactly(expected.replace("\"ID\"", Json.write(
                Json.NODES.textNode(eventId))));
    }
}
