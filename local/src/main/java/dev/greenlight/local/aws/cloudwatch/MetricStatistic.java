package dev.greenlight.local.aws.cloudwatch;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * A statistic by the name CloudWatch gives it: one of the five standard statistics
 * (SampleCount, Average, Sum, Minimum, Maximum) or a percentile {@code pNN} / {@code pNN.NN}.
 * Other extended statistics (trimmed mean, winsorized mean, ...) are not modelled.
 */
record MetricStatistic(String name) {

    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(\\.\\d{1,10})?|100)");

    static Optional<MetricStatistic> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        boolean standard = Statistic.fromValue(name) != Statistic.UNKNOWN_TO_SDK_VERSION;
        return standard || PERCENTILE.matcher(name).matches()
                ? Optional.of(new MetricStatistic(name))
                : Optional.empty();
    }

    static boolean isPercentile(String name) {
        return name != null && PERCENTILE.matcher(name).matches();
    }

    /** The statistic's value over a period; empty when it cannot be computed (a percentile over statistic sets). */
    OptionalDouble of(PeriodAggregate aggregate) {
        SampleStatistics set = aggregate.statistics();
        return switch (name) {
            case "SampleCount" -> OptionalDouble.of(set.sampleCount());
            case "Average" -> OptionalDouble.of(set.average());
            case "Sum" -> OptionalDouble.of(set.sum());
            case "Minimum" -> OptionalDouble.of(set.minimum());
            case "Maximum" -> OptionalDouble.of(set.maximum());
            default -> aggregate.allValuesKnown()
                    ? OptionalDouble.of(percentile(aggregate.values(), Double.parseDouble(name.substring(1))))
                    : OptionalDouble.empty();
        };
    }

    /** Nearest-rank percentile over weighted values. */
    private static double percentile(List<WeightedValue> values, double percent) {
        List<WeightedValue> sorted = values.stream().sorted(Comparator.comparingDouble(WeightedValue::value)).toList();
        double total = sorted.stream().mapToDouble(WeightedValue::count).sum();
        double rank = Math.max(1, Math.ceil(percent / 100 * total));
        double seen = 0;
        for (WeightedValue value : sorted) {
            seen += value.count();
            if (seen >= rank) {
                return value.value();
            }
        }
        return sorted.get(sorted.size() - 1).value();
    }
}
