package dev.greenlight.local.twin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.aws.cloudwatch.AlarmActionInvoker;
import dev.greenlight.local.aws.cloudwatch.AlarmStateChange;
import software.amazon.awssdk.services.sns.SnsClient;

/** An alarm action naming an SNS topic publishes CloudWatch's alarm notification to it. */
final class SnsAlarmActions implements AlarmActionInvoker {

    private final SnsClient sns;

    SnsAlarmActions(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public void invoke(String actionArn, AlarmStateChange change) {
        if (!actionArn.startsWith("arn:aws:sns:")) {
            throw new IllegalArgumentException("the local twin runs SNS alarm actions only, not " + actionArn);
        }
        ObjectNode message = Json.NODES.objectNode();
        message.put("AlarmName", change.alarmName());
        message.put("AlarmArn", change.alarmArn());
        message.put("AWSAccountId", LocalAccount.ID);
        message.put("NewStateValue", change.state().value().toString());
        message.put("NewStateReason", change.state().reason());
        message.put("StateChangeTime", change.state().timestamp().toString());
        message.put("Region", LocalAccount.REGION);
        message.put("OldStateValue", change.previousState().value().toString());
        sns.publish(request -> request.topicArn(actionArn)
                .subject(change.state().value() + ": \"" + change.alarmName() + "\" in " + LocalAccount.REGION)
                .message(Json.write(message)));
    }
}
