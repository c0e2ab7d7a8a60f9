package dev.greenlight.local.aws.lambda;

import java.time.Instant;
import java.util.List;

/**
 * Where Lambda's runtime sends what a function from code printed during one invocation: the
 * function's log group and stream in CloudWatch Logs, written with its execution role. A write the
 * role may not make is dropped, as Lambda drops it; the function's answer does not change.
 */
@FunctionalInterface
public interface FunctionLogs {

    /** Until the twin is wired to its Logs twin, a function's output goes nowhere, never to the terminal. */
    FunctionLogs DROPPED = (functionName, roleArn, logGroup, logStream, events) -> { };

    void deliver(String functionName, String roleArn, String logGroup, String logStream, List<LogLine> events);

    /** One log event: when it was written and its message, without the line's end. */
    record LogLine(Instant timestamp, String message) {
    }
}
