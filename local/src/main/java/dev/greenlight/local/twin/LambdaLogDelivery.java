package dev.greenlight.local.twin;

import dev.greenlight.local.aws.iam.enforcement.IamEnforcement;
import dev.greenlight.local.aws.iam.policy.Principal;
import dev.greenlight.local.aws.lambda.FunctionLogs;
import dev.greenlight.local.aws.logs.LogsTwin;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;

/**
 * Lambda's runtime writing a function's log as its execution role (a session named after the
 * function, as the role's credentials in the execution environment are): CreateLogGroup when the
 * group is missing, CreateLogStream for a new execution environment, then PutLogEvents. A call the
 * role may not make drops the log, as Lambda drops it; the function's answer is unaffected.
 */
record LambdaLogDelivery(LogsTwin logs, Supplier<IamEnforcement> enforcement) implements FunctionLogs {

    @Override
    public void deliver(String functionName, String roleArn, String logGroup, String logStream,
            List<LogLine> events) {
        if (events.isEmpty()) {
            return;
        }
        Principal role = Principal.roleSession(roleArn, functionName);
        // Two environments starting at once would both find the group missing; one check-then-create at a time.
        synchronized (logs) {
            deliver(role, logGroup, logStream, events);
        }
    }

    private void deliver(Principal role, String logGroup, String logStream, List<LogLine> events) {
        try {
            if (!logs.hasLogGroup(logGroup)) {
                CreateLogGroupRequest create = CreateLogGroupRequest.builder().logGroupName(logGroup).build();
                authorize(role, "CreateLogGroup", create);
                logs.createLogGroup(create);
            }
            if (!logs.hasLogStream(logGroup, logStream)) {
                CreateLogStreamRequest create = CreateLogStreamRequest.builder().logGroupName(logGroup)
                        .logStreamName(logStream).build();
                authorize(role, "CreateLogStream", create);
                logs.createLogStream(create);
            }
            PutLogEventsRequest put = PutLogEventsRequest.builder().logGroupName(logGroup).logStreamName(logStream)
                    .logEvents(events.stream().map(e -> InputLogEvent.builder().timestamp(e.timestamp().toEpochMilli())
                            .message(e.message()).build()).toList())
                    .build();
            authorize(role, "PutLogEvents", put);
            logs.putLogEvents(put);
        } catch (AwsServiceException dropped) {
            // Refused (or the group was deleted meanwhile): Lambda drops the log without telling the caller.
        }
    }

    private void authorize(Principal role, String operation, SdkPojo request) {
        enforcement.get().authorize(role, CloudWatchLogsClient.SERVICE_NAME, operation, request);
    }
}
