package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** AWS::Logs::LogGroup through CloudWatch Logs, with its retention. Ref is the name. LogGroupName replaces it. */
final class LogGroupProvider implements ResourceProvider {

    private final CloudWatchLogsClient logs;

    LogGroupProvider(CloudWatchLogsClient logs) {
        this.logs = logs;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String name = request.nameOr("LogGroupName", 512, false);
        logs.createLogGroup(r -> r.logGroupName(name));
        try {
            retention(request, name);
        } catch (RuntimeException refused) {
            // The resource failed: the group made a moment ago goes too, else a rolled-back stack would leave it behind.
            try {
                logs.deleteLogGroup(r -> r.logGroupName(name));
            } catch (RuntimeException alsoRefused) {
                refused.addSuppressed(alsoRefused);
            }
            throw refused;
        }
        return Provisioned.of(name, "Arn", LocalAccount.arn("logs", "log-group:" + name + ":*"));
    }

    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        retention(request, current.physicalId());
        return current;
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        logs.deleteLogGroup(r -> r.logGroupName(current.physicalId()));
    }

    @Override
    public Set<String> replacedOn() {
        return Set.of("LogGroupName", "LogGroupClass");
    }

    private void retention(ResourceRequest request, String name) {
        request.text("RetentionInDays").ifPresentOrElse(
                days -> logs.putRetentionPolicy(r -> r.logGroupName(name).retentionInDays(Integer.valueOf(days))),
                () -> logs.deleteRetentionPolicy(r -> r.logGroupName(name)));
    }
}
