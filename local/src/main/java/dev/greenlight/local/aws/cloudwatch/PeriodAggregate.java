package dev.greenlight.local.aws.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** Everything observed for one metric in one period: the statistics and, when known, the raw values. */
record PeriodAggregate(SampleStatistics statistics, List<WeightedValue> values, boolean allValuesKnown,
        StandardUnit unit) {

    static PeriodAggregate of(List<Observation> observations) {
        SampleStatistics statistics = observations.get(0).statistics();
        List<WeightedValue> values = new ArrayList<>(observations.get(0).values());
        boolean allKnown = observations.get(0).hasRawValues();
        for (Observation observation : observations.subList(1, observations.size())) {
            statistics = statistics.merge(observation.statistics());
            values.addAll(observation.values());
            allKnown &= observation.hasRawValues();
        }
        return new PeriodAggregate(statistics, List.copyOf(values), allKnown, observations.get(0).unit());
    }
}
