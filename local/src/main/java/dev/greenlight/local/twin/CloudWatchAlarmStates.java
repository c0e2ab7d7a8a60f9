package dev.greenlight.local.twin;

import dev.greenlight.local.aws.codedeploy.AlarmStates;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** CodeDeploy polls its deployment group's alarms with DescribeAlarms. */
final class CloudWatchAlarmStates implements AlarmStates {

    private final CloudWatchClient cloudWatch;

    CloudWatchAlarmStates(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    @Override
    public Set<String> inAlarm(Collection<String> alarmNames) {
        if (alarmNames.isEmpty()) {
            return Set.of();
        }
        return cloudWatch.describeAlarms(request -> request.alarmNames(alarmNames).stateValue(StateValue.ALARM))
                .metricAlarms().stream().map(MetricAlarm::alarmName).collect(Collectors.toSet());
    }
}
