package dev.greenlight.local.aws.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class LogsTwinTest {

    private final VirtualClock clock = new VirtualClock();
    private final LogsTwin logs = new LogsTwin(clock);

    @Test
    void logGroupsKeepTheirRetention() {
        logs.createLogGroup(r -> r.logGroupName("/aws/lambda/trigger"));
        logs.putRetentionPolicy(r -> r.logGroupName("/aws/lambda/trigger").retentionInDays(30));

        var group = logs.describeLogGroups(r -> r.logGroupNamePrefix("/aws/lambda")).logGroups().get(0);
        assertThat(group.retentionInDays()).isEqualTo(30);
        assertThat(group.arn()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/trigger:*");
        assertThatThrownBy(() -> logs.putRetentionPolicy(r -> r.logGroupName("/aws/lambda/trigger").retentionInDays(2)))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException"));
        assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("/aws/lambda/trigger")))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceAlreadyExistsException"));

        logs.deleteLogGroup(r -> r.logGroupName("/aws/lambda/trigger"));
        assertThat(logs.describeLogGroups(r -> { }).logGroups()).isEmpty();
        assertThatThrownBy(() -> logs.deleteLogGroup(r -> r.logGroupName("/aws/lambda/trigger")))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
    }

    @Test
    void aNegativeOrForeignNextToken_isRefusedAsInvalid() {
        logs.createLogGroup(r -> r.logGroupName("/app"));
        logs.createLogStream(r -> r.logGroupName("/app").logStreamName("a"));

        for (String token : List.of("-5", "x")) {
            assertThat(code(() -> logs.describeLogStreams(r -> r.logGroupName("/app").nextToken(token))))
                    .isEqualTo("InvalidParameterException");
        }
        for (String token : List.of("f/-5", "b/-1", "f/x")) {
            assertThat(code(() -> logs.getLogEvents(r -> r.logGroupName("/app").logStreamName("a").nextToken(token))))
                    .isEqualTo("InvalidParameterException");
        }
    }

    @Test
    void streamsAndEvents_refuseWhatIsMissing_andFilterByTerms() {
        assertThat(code(() -> logs.createLogStream(r -> r.logGroupName("/app").logStreamName("a"))))
                .isEqualTo("ResourceNotFoundException");
        logs.createLogGroup(r -> r.logGroupName("/app"));
        logs.createLogStream(r -> r.logGroupName("/app").logStreamName("a"));
        logs.createLogStream(r -> r.logGroupName("/app").logStreamName("b"));
        long now = clock.now().toEpochMilli();

        logs.putLogEvents(r -> r.logGroupName("/app").logStreamName("a").logEvents(
                e -> e.timestamp(now).message("GET /orders 200"), e -> e.timestamp(now + 1).message("ERROR db down")));
        logs.putLogEvents(r -> r.logGroupName("/app").logStreamName("b").logEvents(
                e -> e.timestamp(now + 2).message("ERROR \"disk full\" on b")));

        assertThat(code(() -> logs.createLogStream(r -> r.logGroupName("/app").logStreamName("a"))))
                .isEqualTo("ResourceAlreadyExistsException");
        assertThat(code(() -> logs.createLogStream(r -> r.logGroupName("/app").logStreamName("a:b"))))
                .isEqualTo("InvalidParameterException");
        assertThat(code(() -> logs.putLogEvents(r -> r.logGroupName("/app").logStreamName("c").logEvents(
                e -> e.timestamp(now).message("x"))))).isEqualTo("ResourceNotFoundException");
        assertThat(code(() -> logs.putLogEvents(r -> r.logGroupName("/app").logStreamName("a").logEvents(
                e -> e.timestamp(now + 5).message("late"), e -> e.timestamp(now).message("early")))))
                .isEqualTo("InvalidParameterException");
        assertThat(logs.describeLogStreams(r -> r.logGroupName("/app").descending(true)).logStreams())
                .extracting(s -> s.logStreamName()).containsExactly("b", "a");
        assertThat(logs.getLogEvents(r -> r.logGroupName("/app").logStreamName("a").startFromHead(true)).events())
                .extracting(e -> e.message()).containsExactly("GET /orders 200", "ERROR db down");
        assertThat(messages("ERROR")).containsExactly("ERROR db down", "ERROR \"disk full\" on b");
        assertThat(messages("ERROR -db")).containsExactly("ERROR \"disk full\" on b");
        assertThat(messages("\"disk full\"")).containsExactly("ERROR \"disk full\" on b");
        assertThat(messages("?orders ?disk")).containsExactly("GET /orders 200", "ERROR \"disk full\" on b");
        assertThat(messages("error")).as("terms are case-sensitive").isEmpty();
        assertThat(messages("")).hasSize(3);
        assertThat(code(() -> messages("{ $.level = \"ERROR\" }"))).isEqualTo("InvalidParameterException");
        assertThat(code(() -> logs.getLogEvents(r -> r.logGroupName("/nope").logStreamName("a"))))
                .isEqualTo("ResourceNotFoundException");
    }

    @Test
    void eventsOlderThanTheRetention_areNoLongerReturned() {
        logs.createLogGroup(r -> r.logGroupName("/app"));
        logs.createLogStream(r -> r.logGroupName("/app").logStreamName("a"));
        logs.putLogEvents(r -> r.logGroupName("/app").logStreamName("a").logEvents(
                e -> e.timestamp(clock.now().toEpochMilli()).message("kept a day")));
        logs.putRetentionPolicy(r -> r.logGroupName("/app").retentionInDays(1));

        clock.advance(Duration.ofHours(23));
        assertThat(messages("")).containsExactly("kept a day");
        clock.advance(Duration.ofHours(2));
        assertThat(messages("")).isEmpty();
    }

    private List<String> messages(String pattern) {
        return logs.filterLogEvents(r -> r.logGroupName("/app").filterPattern(pattern)).events().stream()
                .map(e -> e.message()).toList();
    }

    private static String code(Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException e) {
            return e.awsErrorDetails().errorCode();
        }
        return "no error";
    }
}
