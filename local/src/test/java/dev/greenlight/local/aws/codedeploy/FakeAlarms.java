package dev.greenlight.local.aws.codedeploy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** CloudWatch as CodeDeploy sees it: the alarms a test puts in ALARM, and the polls made. */
final class FakeAlarms implements AlarmStates {

    final Set<String> inAlarm = new HashSet<>();
    final List<Collection<String>> polls = new ArrayList<>();
    boolean unavailable;

    @Override
    public Set<String> inAlarm(Collection<String> alarmNames) {
        polls.add(List.copyOf(alarmNames));
        if (unavailable) {
            throw new IllegalStateException("CloudWatch is unavailable");
        }
        Set<String> firing = new HashSet<>(alarmNames);
        firing.retainAll(inAlarm);
        return firing;
    }
}
