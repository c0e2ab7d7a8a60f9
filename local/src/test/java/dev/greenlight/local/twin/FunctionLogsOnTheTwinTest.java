package dev.greenlight.local.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.aws.lambda.HandlerJar;
import dev.greenlight.local.clock.VirtualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * A function from code prints as a Lambda function does: to its log group /aws/lambda/NAME, a stream
 * per execution environment, between the runtime's START, END and REPORT lines, written with its
 * execution role; never to the twin's terminal. A role without logs permissions loses the log, and
 * the function still answers.
 */
class FunctionLogsOnTheTwinTest {

    private static final byte[] JAR = HandlerJar.build();
    private static final String LOGS_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"logs:CreateLogGroup\",\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":\"*\"}]}";

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-04T05:06:07Z"));
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @AfterEach
    void close() {
        System.setOut(out);
        System.setErr(err);
        twin.close();
    }

    @Test
    void whatTheFunctionPrints_goesToItsLogStream_betweenStartEndAndReport_notToTheTerminal() {
        function("chatty", "writer", LOGS_POLICY);
        ByteArrayOutputStream terminal = captureTerminal();

        String stream = invoke("chatty", "\"orders\"");
        System.out.println("the twin's own line");

        assertThat(terminal.toString(StandardCharsets.UTF_8)).isEqualTo("the twin's own line\n");
        assertThat(stream).matches("2026/03/04/\\[\\$LATEST\\][0-9a-f]{32}");
        assertThat(twin.logs().describeLogStreams(r -> r.logGroupName("/aws/lambda/chatty")).logStreams())
                .extracting(s -> s.logStreamName()).containsExactly(stream);
        List<String> messages = twin.logs().getLogEvents(r -> r.logGroupName("/aws/lambda/chatty")
                .logStreamName(stream).startFromHead(true)).events().stream().map(OutputLogEvent::message).toList();
        assertThat(messages).hasSize(6);
        String requestId = messages.get(0).replaceFirst("START RequestId: (\\S+) Version: \\$LATEST", "$1");
        assertThat(messages.get(0)).isEqualTo("START RequestId: " + requestId + " Version: $LATEST");
        assertThat(messages.subList(1, 5)).containsExactly("out: checking orders", "err: nearly done",
                "logger: one event\nacross two lines", "END RequestId: " + requestId);
        assertThat(messages.get(5)).matches("REPORT RequestId: " + requestId + "\tDuration: 0\\.00 ms\tBilled Duration: "
                + "1 ms\tMemory Size: 128 MB\tMax Memory Used: \\d+ MB\t");
        assertThat(twin.logs().filterLogEvents(r -> r.logGroupName("/aws/lambda/chatty").filterPattern("checking"))
                .events()).extracting(e -> e.message()).containsExactly("out: checking orders");

        invoke("chatty", "\"again\"");
        assertThat(twin.logs().getLogEvents(r -> r.logGroupName("/aws/lambda/chatty").logStreamName(stream))
                .events()).as("one execution environment, one stream").hasSize(12);
    }

    @Test
    void aRoleWithoutLogsPermissions_losesTheLog_andTheFunctionStillAnswers() {
        function("mute", "mute", null);
        ByteArrayOutputStream terminal = captureTerminal();

        String stream = invoke("mute", "\"orders\"");

        assertThat(stream).startsWith("2026/03/04/[$LATEST]");
        assertThat(terminal.size()).isZero();
        assertThat(twin.logs().describeLogGroups(r -> { }).logGroups()).isEmpty();
        assertThatThrownBy(() -> twin.logs().getLogEvents(r -> r.logGroupName("/aws/lambda/mute")
                .logStreamName(stream))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aLoggingConfigLogGroup_receivesTheLog_asTheCdkAppConfiguresEachWorker() {
        // The grant CDK gives a function with a logGroup: the two calls, on that group's ARN only.
        function("grouped", "grouped", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],"
                + "\"Resource\":\"arn:aws:logs:us-east-1:123456789012:log-group:Greenlight-GroupedLogs-1A2B:*\"}]}");
        twin.logs().createLogGroup(r -> r.logGroupName("Greenlight-GroupedLogs-1A2B"));
        assertThat(twin.lambda().getFunctionConfiguration(r -> r.functionName("grouped")).loggingConfig().logGroup())
                .as("Lambda's default").isEqualTo("/aws/lambda/grouped");
        twin.lambda().updateFunctionConfiguration(r -> r.functionName("grouped")
                .loggingConfig(c -> c.logGroup("Greenlight-GroupedLogs-1A2B")));
        captureTerminal();

        String stream = invoke("grouped", "\"orders\"");

        assertThat(twin.lambda().getFunctionConfiguration(r -> r.functionName("grouped")).loggingConfig().logGroup())
                .isEqualTo("Greenlight-GroupedLogs-1A2B");
        assertThat(twin.logs().getLogEvents(r -> r.logGroupName("Greenlight-GroupedLogs-1A2B").logStreamName(stream))
                .events()).hasSize(6);
        assertThat(twin.logs().describeLogGroups(r -> r.logGroupNamePrefix("/aws/lambda/")).logGroups()).isEmpty();
        assertThatThrownBy(() -> twin.lambda().updateFunctionConfiguration(r -> r.functionName("grouped")
                .loggingConfig(c -> c.logGroup("no spaces allowed")))).hasMessageContaining("loggingConfig.logGroup");
    }

    private void function(String name, String role, String policy) {
        twin.iam().createRole(r -> r.roleName(role).assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"}}]}"));
        if (policy != null) {
            twin.iam().putRolePolicy(r -> r.roleName(role).policyName("logs").policyDocument(policy));
        }
        twin.lambda().createFunction(b -> b.functionName(name).runtime("java21").handler("hook.Chatty")
                .role("arn:aws:iam::123456789012:role/" + role).code(c -> c.zipFile(SdkBytes.fromByteArray(JAR))));
    }

    private String invoke(String name, String payload) {
        String answer = twin.lambda().invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String(payload)))
                .payload().asUtf8String();
        return answer.substring(1, answer.length() - 1);
    }

    private static ByteArrayOutputStream captureTerminal() {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(terminal, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        return terminal;
    }
}
