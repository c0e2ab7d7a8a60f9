package dev.greenlight.local.aws.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.clock.VirtualClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class LogsTwinTest {

    private final LogsTwin logs = new LogsTwin(new VirtualClock());

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
}
