package dev.greenlight.local.aws.cloudwatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The StateReason sentence and StateReasonData JSON that AWS writes for an evaluated transition,
 * for example "Threshold Crossed: 3 out of the last 3 datapoints [20000.0 (08/11/22 11:25:00), ...]
 * were greater than the threshold (0.0) (minimum 3 datapoints for OK -> ALARM transition)."
 */
final class StateReason {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private StateReason() {
    }

    static AlarmState of(AlarmDefinition alarm, AlarmVerdict verdict, Instant queryDate, Instant rangeStart) {
        return new AlarmState(verdict.state(), sentence(alarm, verdict), data(alarm, verdict, queryDate, rangeStart),
                queryDate);
    }

    private static String sentence(AlarmDefinition alarm, AlarmVerdict verdict) {
        int real = verdict.evaluated().size();
        if (verdict.state() == StateValue.INSUFFICIENT_DATA) {
            int unknown = alarm.evaluationPeriods();
            return "Insufficient Data: " + unknown + (unknown == 1 ? " datapoint was" : " datapoints were")
                    + " unknown.";
        }
        String filled = verdict.filledMissing() == 0 ? "" : missingPart(alarm, verdict.filledMissing());
        if (real == 0) {
            return "Threshold Crossed: no datapoints were received for " + plural(verdict.filledMissing(), "period")
                    + " and" + filled + ".";
        }
        boolean alarming = verdict.state() == StateValue.ALARM;
        int counted = alarming ? Math.min(verdict.breaching(), real) : real - Math.min(verdict.breaching(), real);
        int minimum = alarming ? alarm.datapointsToAlarm() : alarm.evaluationPeriods() - alarm.datapointsToAlarm() + 1;
        String datapoints = verdict.evaluated().stream()
                .map(p -> p.value() + " (" + SHORT.format(p.start()) + ")")
                .collect(Collectors.joining(", ", "[", "]"));
        return "Threshold Crossed: " + counted + " out of the last " + real + " datapoints " + datapoints + " "
                + (counted == 1 ? "was " : "were ") + (alarming ? "" : "not ") + Threshold.phrase(alarm.comparison())
                + " the threshold (" + alarm.threshold() + ")" + (filled.isEmpty() ? "" : " and" + filled)
                + " (minimum " + plural(minimum, "datapoint") + " for " + (alarming ? "OK -> ALARM" : "ALARM -> OK")
                + " transition).";
    }

    private static String missingPart(AlarmDefinition alarm, int filled) {
        String treatedAs = alarm.treatMissingData() == MissingDataTreatment.BREACHING ? "Breaching" : "NonBreaching";
        return " " + filled + " missing " + (filled == 1 ? "datapoint was" : "datapoints were") + " treated as ["
                + treatedAs + "]";
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String data(AlarmDefinition alarm, AlarmVerdict verdict, Instant queryDate, Instant rangeStart) {
        ObjectNode data = JSON.createObjectNode();
        data.put("version", "1.0");
        data.put("queryDate", LONG.format(queryDate));
        data.put("startDate", LONG.format(rangeStart));
        data.put(alarm.extended() ? "extendedStatistic" : "statistic", alarm.statistic());
        data.put("period", alarm.periodSeconds());
        ArrayNode recent = data.putArray("recentDatapoints");
        List<PeriodValue> oldestFirst = new ArrayList<>(verdict.evaluated());
        Collections.reverse(oldestFirst);
        oldestFirst.forEach(p -> recent.add(p.value()));
        data.put("threshold", alarm.threshold());
        ArrayNode evaluated = data.putArray("evaluatedDatapoints");
        for (PeriodValue period : verdict.evaluated()) {
            ObjectNode point = evaluated.addObject();
            point.put("timestamp", LONG.format(period.start()));
            point.put("sampleCount", period.sampleCount());
            point.put("value", period.value());
        }
        return data.toString();
    }
}
