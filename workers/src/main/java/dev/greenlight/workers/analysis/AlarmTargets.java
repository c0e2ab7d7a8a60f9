package dev.greenlight.workers.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** Which target group an alarm watches, from its metric's (or its metric-math metrics') dimensions. */
public final class AlarmTargets {

    private AlarmTargets() {
    }

    /** The target group's name, or null when the alarm watches no ALB target group. */
    public static String targetGroupOf(MetricAlarm alarm) {
        List<Dimension> dimensions = new ArrayList<>(alarm.dimensions());
        alarm.metrics().forEach(query -> {
            if (query.metricStat() != null && query.metricStat().metric() != null) {
                dimensions.addAll(query.metricStat().metric().dimensions());
            }
        });
        return dimensions.stream().filter(d -> "TargetGroup".equals(d.name()))
                .map(d -> Roles.targetGroupOfDimension(d.value())).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
