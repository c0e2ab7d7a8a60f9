package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.component.ResultWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What ResultWriter exports (guide, "ResultWriter", "Exporting to Amazon S3"): under
 * {@code PREFIX/MAP_RUN_ID/}, {@code SUCCEEDED_0.json} and {@code FAILED_0.json} (JSON arrays of the
 * child executions, as DescribeExecution describes them, input and output as strings) and
 * {@code manifest.json} naming them. A file is written only for a status that has children; the
 * manifest lists every status, PENDING too. The guide shows the timestamps in ISO-8601 with
 * milliseconds; the exact format and the entries' key order are not published.
 */
final class ResultFiles {

    /** One file to put: its key and its JSON, written as one JSON value or, for JSONL, a line per element. */
    record File(String key, JsonNode body, boolean jsonLines) {

        String text() {
            if (!jsonLines) {
                return Json.write(body);
            }
            StringBuilder lines = new StringBuilder();
            body.forEach(element -> lines.append(Json.write(element)).append('\n'));
            return lines.toString();
        }
    }

    private ResultFiles() {
    }

    /**
     * The result files, the manifest last. {@code inputs} are every child's input: those past the children
     * started go to PENDING, as {@code {"Input", "InputDetails", "Status": "PENDING"}}; the guide does not
     * print a PENDING entry, so that shape is as recorded runs show it.
     */
    static List<File> of(String bucket, String prefix, String mapRunArn, List<Execution> children,
            ArrayNode inputs, ResultWriter writer) {
        String directory = (prefix == null || prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/")
                + mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1) + "/";
        Map<String, ArrayNode> byStatus = new LinkedHashMap<>();
        for (String status : List.of("FAILED", "PENDING", "SUCCEEDED")) {
            byStatus.put(status, Json.NODES.arrayNode());
        }
        for (Execution child : children) {
            String status = child.status() == ExecutionStatus.SUCCEEDED ? "SUCCEEDED" : "FAILED";
            add(byStatus.get(status), child, writer.effectiveTransformation());
        }
        for (int index = children.size(); index < inputs.size(); index++) {
            ObjectNode pending = byStatus.get("PENDING").addObject();
            pending.put("Input", Json.write(inputs.get(index)));
            pending.putObject("InputDetails").put("Included", true);
            pending.put("Status", "PENDING");
        }
        ObjectNode manifest = Json.NODES.objectNode();
        manifest.put("DestinationBucket", bucket);
        manifest.put("MapRunArn", mapRunArn);
        ObjectNode resultFiles = manifest.putObject("ResultFiles");
        List<File> files = new java.util.ArrayList<>();
        byStatus.forEach((status, entries) -> {
            ArrayNode listed = resultFiles.putArray(status);
            if (!entries.isEmpty()) {
                // The guide does not name the files of OutputType JSONL: they keep the .json names.
                File file = new File(directory + status + "_0.json", entries, writer.jsonLines());
                files.add(file);
                listed.addObject().put("Key", file.key()).put("Size",
                        file.text().getBytes(StandardCharsets.UTF_8).length);
            }
        });
        files.add(new File(directory + "manifest.json", manifest, false));
        return files;
    }

    /**
     * WriterConfig's Transformation of one child's result: NONE the execution as described (below), COMPACT its
     * output, FLATTEN its output with an array's elements added one by one. A child that did not succeed is
     * always given as with NONE (guide, "ResultWriter").
     */
    static void add(ArrayNode results, Execution child, String transformation) {
        if (child.status() != ExecutionStatus.SUCCEEDED || transformation.equals("NONE")) {
            results.add(entry(child));
        } else if (transformation.equals("FLATTEN") && child.output().isArray()) {
            results.addAll((ArrayNode) child.output());
        } else {
            results.add(child.output());
        }
    }

    private static ObjectNode entry(Execution child) {
        ObjectNode entry = Json.NODES.objectNode();
        entry.put("ExecutionArn", child.executionArn());
        entry.put("Input", Json.write(child.input()));
        entry.putObject("InputDetails").put("Included", true);
        entry.put("Name", child.name());
        if (child.status() == ExecutionStatus.SUCCEEDED) {
            entry.put("Output", Json.write(child.output()));
            entry.putObject("OutputDetails").put("Included", true);
        } else {
            entry.put("Error", child.error());
            entry.put("Cause", child.cause());
        }
        entry.put("StartDate", StateContext.TIMESTAMP.format(child.startDate()));
        entry.put("StateMachineArn", child.stateMachineArn());
        entry.put("Status", child.status().name());
        entry.put("StopDate", StateContext.TIMESTAMP.format(child.stopDate()));
        return entry;
    }
}
