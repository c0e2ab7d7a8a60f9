package dev.greenlight.local.aws.cloudwatch;

/**
 * Port through which the twin executes an alarm's actions (AlarmActions, OKActions or
 * InsufficientDataActions of the state it entered) when its actions are enabled. The SNS twin
 * implements it for topic ARNs. Throwing marks the action Failed in the alarm's history, with
 * the exception's message as the error; returning marks it Succeeded.
 */
@FunctionalInterface
public interface AlarmActionInvoker {

    void invoke(String actionArn, AlarmStateChange change);
}
