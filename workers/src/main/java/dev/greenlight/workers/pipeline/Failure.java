package dev.greenlight.workers.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.core.Worker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How an execution failed, for a person: its named error (the verdict), the cause's sentence without
 * the JSON list of alarms the definition writes into it ({@code States.JsonToString($.watch.alarms)},
 * {@code $.preflight.alarmsFiring}), and each alarm of that list that fired with its role and a short
 * reason. The whole cause, figures and all, stays in {@code cause} (and in {@code history --format json}).
 *
 * @param summary the cause with its alarm list taken out
 * @param fired   the alarms of that list that fired; empty when the cause lists none
 */
public record Failure(String error, String summary, List<FiredAlarm> fired, String cause) {

    /**
     * @param role   blue or green in that deployment, or null when the list gives none
     * @param at     when it went to ALARM (ISO-8601), or null
     * @param reason CloudWatch's state reason without its boilerplate tail, or null
     */
    public record FiredAlarm(String name, String role, String state, String at, String reason) {
    }

    /** CloudWatch's fixed tail of a threshold reason: nothing a person reading the verdict needs. */
    private static final Pattern REASON_TAIL =
            Pattern.compile("\\s*\\(minimum \\d+ datapoints? for \\w+ -> \\w+ transition\\)\\.?$");

    /** @return null when there is no error (the execution has not failed) */
    public static Failure of(String error, String cause) {
        if (error == null) {
            return null;
        }
        String text = cause == null ? "" : cause;
        List<FiredAlarm> fired = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        int at = 0;
        int open;
        while ((open = text.indexOf("[{", at)) >= 0) {
            int end = endOfJson(text, open);
            JsonNode list = end < 0 ? null : AuditReport.json(text.substring(open, end));
            if (list == null || !isAlarmList(list)) {
                summary.append(text, at, open + 2);
                at = open + 2;
                continue;
            }
            String before = text.substring(at, open);
            summary.append(before.endsWith(": ") ? before.substring(0, before.length() - 2) : before);
            list.forEach(alarm -> {
                if (firedIn(alarm)) {
                    fired.add(new FiredAlarm(alarm.path("name").asText(), text(alarm, "role"), text(alarm, "state"),
                            text(alarm, "firedAt") != null ? text(alarm, "firedAt") : text(alarm, "since"),
                            brief(text(alarm, "reason"))));
                }
            });
            at = end;
        }
        summary.append(text.substring(at));
        return new Failure(error, summary.toString(), List.copyOf(fired), cause);
    }

    /** The index just after the JSON value that starts at {@code from}, or -1 when none parses there. */
    private static int endOfJson(String text, int from) {
        try (JsonParser parser = Worker.JSON.getFactory().createParser(text.substring(from))) {
            parser.readValueAsTree();
            return from + (int) parser.currentLocation().getCharOffset();
        } catch (IOException notJson) {
            return -1;
        }
    }

    private static boolean isAlarmList(JsonNode list) {
        if (!list.isArray() || list.isEmpty()) {
            return false;
        }
        for (JsonNode alarm : list) {
            if (!alarm.isObject() || !alarm.hasNonNull("name")) {
                return false;
            }
        }
        return true;
    }

    /** In ALARM, or went there during the window ({@code firedAt}), or listed as firing (Preflight's list has no state). */
    private static boolean firedIn(JsonNode alarm) {
        return !alarm.has("state") || "ALARM".equals(text(alarm, "state")) || text(alarm, "firedAt") != null;
    }

    private static String brief(String reason) {
        if (reason == null) {
            return null;
        }
        String brief = REASON_TAIL.matcher(reason.strip()).replaceFirst("");
        return brief.endsWith(".") ? brief.substring(0, brief.length() - 1) : brief;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
