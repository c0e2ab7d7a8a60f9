package dev.greenlight.local.aws.codedeploy;

import java.util.Collection;
import java.util.Set;

/** Which CloudWatch alarms are in ALARM now; the CloudWatch twin implements this (DescribeAlarms). */
public interface AlarmStates {

    /**
     * @return the names among {@code alarmNames} whose state is ALARM
     * @throws RuntimeException when the states cannot be read (CodeDeploy's "poll alarm failure")
     */
    Set<String> inAlarm(Collection<String> alarmNames);
}
