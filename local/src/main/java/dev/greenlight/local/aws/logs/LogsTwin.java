package dev.greenlight.local.aws.logs;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.clock.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;

/** CloudWatch Logs log groups and their retention; no log events are stored. */
public final class LogsTwin implements CloudWatchLogsClient {

    private static final Pattern NAME = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");
    /** The retention periods PutRetentionPolicy accepts, in days (CloudWatch Logs API reference). */
    private static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private final Clock clock;
    private final Map<String, LogGroup> groups = new LinkedHashMap<>();

    public LogsTwin(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized CreateLogGroupResponse createLogGroup(CreateLogGroupRequest request) {
        String name = request.logGroupName();
        if (name == null || !NAME.matcher(name).matches()) {
            throw LogsErrors.invalid("1 validation error detected: Value '" + name + "' at 'logGroupName' failed to "
                    + "satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
        }
        if (groups.containsKey(name)) {
            throw LogsErrors.exists();
        }
        groups.put(name, LogGroup.builder()
                .logGroupName(name)
                .arn(LocalAccount.arn("logs", "log-group:" + name + ":*"))
                .logGroupArn(LocalAccount.arn("logs", "log-group:" + name))
                .creationTime(clock.now().toEpochMilli())
                .storedBytes(0L)
                .kmsKeyId(request.kmsKeyId())
                .logGroupClass(request.logGroupClassAsString() == null ? "STANDARD" : request.logGroupClassAsString())
                .build());
        return CreateLogGroupResponse.builder().build();
    }

    @Override
    public synchronized DeleteLogGroupResponse deleteLogGroup(DeleteLogGroupRequest request) {
        if (groups.remove(request.logGroupName()) == null) {
            throw LogsErrors.notFound();
        }
        return DeleteLogGroupResponse.builder().build();
    }

    @Override
    public synchronized PutRetentionPolicyResponse putRetentionPolicy(PutRetentionPolicyRequest request) {
        LogGroup group = group(request.logGroupName());
        if (request.retentionInDays() == null || !RETENTION_DAYS.contains(request.retentionInDays())) {
            throw LogsErrors.invalid("1 validation error detected: Value '" + request.retentionInDays()
                    + "' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: "
                    + RETENTION_DAYS.stream().sorted().toList());
        }
        groups.put(group.logGroupName(), group.toBuilder().retentionInDays(request.retentionInDays()).build());
        return PutRetentionPolicyResponse.builder().build();
    }

    @Override
    public synchronized DeleteRetentionPolicyResponse deleteRetentionPolicy(DeleteRetentionPolicyRequest request) {
        LogGroup group = group(request.logGroupName());
        groups.put(group.logGroupName(), group.toBuilder().retentionInDays(null).build());
        return DeleteRetentionPolicyResponse.builder().build();
    }

    @Override
    public synchronized DescribeLogGroupsResponse describeLogGroups(DescribeLogGroupsRequest request) {
        String prefix = request.logGroupNamePrefix() == null ? "" : request.logGroupNamePrefix();
        return DescribeLogGroupsResponse.builder().logGroups(groups.values().stream()
                .filter(g -> g.logGroupName().startsWith(prefix)).toList()).build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    private LogGroup group(String name) {
        LogGroup group = groups.get(name);
        if (group == null) {
            throw LogsErrors.notFound();
        }
        return group;
    }
}
