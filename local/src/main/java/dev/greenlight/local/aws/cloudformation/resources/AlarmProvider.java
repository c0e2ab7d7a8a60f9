package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;

/** AWS::CloudWatch::Alarm through CloudWatch's PutMetricAlarm and DeleteAlarms. Ref is the name; AlarmName replaces it. */
final class AlarmProvider implements ResourceProvider {

    private final CloudWatchClient cloudWatch;

    AlarmProvider(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        return put(request, request.nameOr("AlarmName", 255, false));
    }

    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        return put(request, current.physicalId());
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        cloudWatch.deleteAlarms(r -> r.alarmNames(current.physicalId()));
    }

    @Override
    public Set<String> replacedOn() {
        return Set.of("AlarmName");
    }

    private Provisioned put(ResourceRequest request, String name) {
        cloudWatch.putMetricAlarm(ApiShapes.fill(request.properties(), PutMetricAlarmRequest.builder(), "AlarmName")
                .alarmName(name).build());
        return Provisioned.of(name, "Arn", LocalAccount.arn("cloudwatch", "alarm:" + name));
    }

}
