package dev.greenlight.cli.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.pipeline.AlarmRoles;
import dev.greenlight.workers.pipeline.AuditReport.Step;
import dev.greenlight.workers.pipeline.AuditReport;
import dev.greenlight.workers.pipeline.Failure;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** How {@code greenlight history} prints an audit report: for a terminal, for a ticket or wiki, for tools. */
public enum ReportFormat {

    text {
        @Override
        public String render(AuditReport report) {
            StringBuilder out = new StringBuilder();
            header(report).forEach(line -> out.append(line).append('\n'));
            out.append("\nTimeline (UTC)\n");
            for (Step step : report.timeline()) {
                out.append(String.format("  %s  %-24s %s%n", time(step.entered()), title(step), evidence(step)));
            }
            outcome(report).forEach(line -> out.append('\n').append(line));
            return out.append('\n').toString();
        }
    },

    markdown {
        @Override
        public String render(AuditReport report) {
            StringBuilder out = new StringBuilder("# Deployment " + report.execution() + "\n\n");
            header(report).stream().skip(1).forEach(line -> out.append("- ").append(line.trim()).append('\n'));
            out.append("\n| time (UTC) | state | evidence |\n|---|---|---|\n");
            for (Step step : report.timeline()) {
                out.append("| ").append(time(step.entered())).append(" | ").append(title(step)).append(" | `")
                        .append(evidence(step).replace("|", "\\|").replace("`", "'")).append("` |\n");
            }
            List<String> outcome = outcome(report);
            out.append("\n**").append(outcome.get(0)).append("**\n");
            outcome.stream().skip(1).forEach(line -> out.append("- ").append(line.trim()).append('\n'));
            return out.toString();
        }
    },

    json {
        @Override
        public String render(AuditReport report) {
            ObjectNode root = Worker.JSON.createObjectNode().put("execution", report.execution())
                    .put("status", report.status()).put("started", String.valueOf(report.started()))
                    .put("stopped", report.stopped() == null ? null : report.stopped().toString());
            root.set("input", report.input());
            ArrayNode timeline = root.putArray("timeline");
            for (Step step : report.timeline()) {
                ObjectNode node = timeline.addObject().put("state", step.state())
                        .put("entered", step.entered().toString())
                        .put("left", step.left() == null ? null : step.left().toString())
                        .put("visits", step.visits()).put("failures", step.failures())
                        .put("lastError", step.lastError());
                node.set("evidence", step.evidence());
            }
            root.put("error", report.error()).put("cause", report.cause());
            root.set("failure", report.failure() == null ? null : Worker.JSON.valueToTree(report.failure()));
            root.set("smokeTest", report.smokeTest());
            try {
                return Worker.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    public abstract String render(AuditReport report);

    private static List<String> header(AuditReport report) {
        JsonNode input = report.input();
        JsonNode image = input.path("image");
        JsonNode trigger = input.path("trigger");
        List<String> lines = new ArrayList<>();
        lines.add("Deployment " + report.execution() + ": " + report.status());
        lines.add("  service:  " + input.path("service").asText("?"));
        lines.add("  image:    " + image.path("repository").asText("?") + ":" + image.path("tag").asText("-")
                + (image.hasNonNull("digest") ? " (" + image.get("digest").asText() + ")" : ""));
        lines.add("  started:  " + report.started() + " by " + trigger.path("source").asText("?") + " ("
                + trigger.path("by").asText("?") + "): " + trigger.path("reason").asText(""));
        if (input.path("override").hasNonNull("alarmsFiring")) {
            JsonNode override = input.path("override").path("alarmsFiring");
            lines.add("  override: deployed although alarms fired, decided by " + override.path("by").asText("?")
                    + ": " + override.path("reason").asText(""));
        }
        JsonNode smoke = report.smokeTest();
        if (smoke != null) {
            lines.add("  smoke:    " + smoke.path("status").asText("?") + " (the smoke-test hook's report)");
            smoke.path("checks").forEach(check -> lines.add("            " + check.asText()));
        }
        lines.add("  " + (report.stopped() == null ? "ended:    not yet, it is running"
                : "ended:    " + report.stopped() + " after " + minutesSeconds(report.started(), report.stopped())));
        return lines;
    }

    private static List<String> outcome(AuditReport report) {
        Failure failure = report.failure();
        if (failure == null) {
            return List.of("Outcome: " + report.status());
        }
        List<String> lines = new ArrayList<>();
        lines.add("Outcome: " + report.status() + " with " + failure.error() + ": " + failure.summary());
        FailureLines.firedAlarms(failure).forEach(line -> lines.add("  " + line));
        return lines;
    }

    private static String title(Step step) {
        return step.state() + (step.visits() > 1 ? " x" + step.visits() : "");
    }

    /** The worker's answer as {@code field=value} pairs (nulls left out), and the failed attempts without traces. */
    static String evidence(Step step) {
        List<String> parts = new ArrayList<>();
        JsonNode evidence = step.evidence();
        if (evidence != null && evidence.isObject()) {
            evidence.fields().forEachRemaining(field -> {
                String alarms = field.getKey().equals("alarms") ? AlarmRoles.labels(field.getValue()) : null;
                if (field.getKey().equals("smokeTest")) {
                    return; // in the header, once
                }
                if (alarms != null) {
                    parts.add("alarms=[" + alarms + "]");
                } else if (field.getKey().equals("analysis") && field.getValue().hasNonNull("reason")) {
                    // Its figures are in the JSON format; the text says the verdict in its sentence.
                    parts.add("analysis=" + field.getValue().path("verdict").asText() + " ("
                            + field.getValue().get("reason").asText() + ")");
                } else if (!field.getValue().isNull()) {
                    parts.add(field.getKey() + "=" + (field.getValue().isValueNode() ? field.getValue().asText()
                            : field.getValue().toString()));
                }
            });
        } else if (evidence != null && !evidence.isNull()) {
            parts.add(evidence.toString());
        }
        if (step.failures() > 0) {
            parts.add("(" + step.failures() + " failed attempt" + (step.failures() > 1 ? "s" : "") + ", last: "
                    + step.lastErrorBrief() + ")");
        }
        return String.join(" ", parts);
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static String minutesSeconds(Instant from, Instant to) {
        Duration duration = Duration.between(from, to);
        return duration.toMinutes() + "m " + duration.toSecondsPart() + "s";
    }
}
