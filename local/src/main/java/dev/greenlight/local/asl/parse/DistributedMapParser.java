package dev.greenlight.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.component.DistributedMap;
import dev.greenlight.local.asl.component.FieldValue;
import dev.greenlight.local.asl.component.ItemBatcher;
import dev.greenlight.local.asl.component.ItemReader;
import dev.greenlight.local.asl.component.QueryLanguage;
import dev.greenlight.local.asl.component.ResultWriter;
import dev.greenlight.local.asl.component.StateMachineType;
import dev.greenlight.local.asl.component.Template;
import java.util.List;
import java.util.Set;

/**
 * The Distributed Map fields of a Map state (guide: "Distributed Map state", "ItemReader",
 * "ItemBatcher", "ResultWriter"). The guide names the fields and their values; the validation
 * messages are ours, as AWS does not publish its wording for them.
 */
final class DistributedMapParser {

    private static final Set<String> INPUT_TYPES = Set.of("JSON", "JSONL", "CSV", ItemReader.MANIFEST);
    private static final List<String> TRANSFORMATIONS = List.of("NONE", "COMPACT", "FLATTEN");
    private static final List<String> OUTPUT_TYPES = List.of("JSON", "JSONL");
    /** The guide: a Label has at most 40 characters. */
    private static final int MAX_LABEL_LENGTH = 40;

    private DistributedMapParser() {
    }

    /** The Distributed Map of {@code node}, or null for an inline Map. */
    static DistributedMap parse(String name, JsonNode node, QueryLanguage language, Problems problems) {
        JsonNode processor = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.path("Iterator");
        JsonNode config = processor.path("ProcessorConfig");
        boolean distributed = "DISTRIBUTED".equals(config.path("Mode").asText());
        if (!distributed) {
            for (String field : List.of("ItemReader", "ItemBatcher", "ResultWriter", "Label")) {
                if (node.has(field)) {
                    problems.at(field).add("The field '" + field + "' is only allowed in a Map state whose "
                            + "ItemProcessor.ProcessorConfig.Mode is DISTRIBUTED");
                }
            }
            return null;
        }
        StateMachineType type = StateMachineType.STANDARD;
        String executionType = config.path("ExecutionType").asText("STANDARD");
        if (executionType.equals("EXPRESS")) {
            type = StateMachineType.EXPRESS;
        } else if (!executionType.equals("STANDARD")) {
            problems.at("ItemProcessor").at("ProcessorConfig").add("The value for the field 'ExecutionType' must "
                    + "be one of STANDARD, EXPRESS");
        }
        String label = Fields.text(node, "Label", problems);
        if (label != null && label.length() > MAX_LABEL_LENGTH) {
            problems.at("Label").add("The value for the field 'Label' must be at most 40 characters long");
        }
        return new DistributedMap(type, label == null ? name : label, reader(node, language, problems),
                batcher(node, language, problems), writer(node, language, problems));
    }

    private static Template arguments(JsonNode node, QueryLanguage language, Problems problems) {
        return DataFlowParser.objectTemplate(node, language == QueryLanguage.JSONata ? "Arguments" : "Parameters",
                language, problems);
    }

    private static ItemReader reader(JsonNode state, QueryLanguage language, Problems problems) {
        JsonNode node = state.get("ItemReader");
        if (node == null) {
            return null;
        }
        Problems at = problems.at("ItemReader");
        String resource = Fields.requiredText(node, "Resource", at);
        JsonNode config = node.path("ReaderConfig");
        String inputType = config.path("InputType").asText(null);
        String headerLocation = config.path("CSVHeaderLocation").asText("FIRST_ROW");
        List<String> headers = List.of();
        if (ItemReader.GET_OBJECT.equals(resource)) {
            if (inputType == null) {
                // The guide: without ReaderConfig.InputType, getObject reads a JSON array.
                inputType = "JSON";
            } else if (inputType.equals("PARQUET")) {
                at.at("ReaderConfig").add("This engine does not read InputType PARQUET: convert the data to CSV "
                        + "or JSON Lines, or use one of CSV, JSON, JSONL, MANIFEST");
            } else if (!INPUT_TYPES.contains(inputType)) {
                at.at("ReaderConfig").add("The value for the field 'InputType' must be one of CSV, JSON, JSONL, "
                        + "MANIFEST, PARQUET");
            }
            String manifestType = config.path("ManifestType").asText("S3_INVENTORY");
            if (!manifestType.equals("S3_INVENTORY")) {
                // The guide also reads Athena manifests (ManifestType ATHENA_DATA); this engine does not.
                at.at("ReaderConfig").add("This engine reads only S3 inventory manifests: remove ManifestType or "
                        + "set it to S3_INVENTORY");
            }
            if ("CSV".equals(inputType) && headerLocation.equals("GIVEN")) {
                headers = Fields.strings(config, "CSVHeaders", at.at("ReaderConfig"));
            } else if (!headerLocation.equals("FIRST_ROW") && !headerLocation.equals("GIVEN")) {
                at.at("ReaderConfig").add("The value for the field 'CSVHeaderLocation' must be one of FIRST_ROW, "
                        + "GIVEN");
            }
        } else if (resource != null && !ItemReader.LIST_OBJECTS_V2.equals(resource)) {
            at.at("Resource").add("The ItemReader resource must be " + ItemReader.GET_OBJECT + " or "
                    + ItemReader.LIST_OBJECTS_V2 + " in this engine");
        }
        FieldValue<Number> maxItems = limit(config, "MaxItems", 0, language, at.at("ReaderConfig"));
        return new ItemReader(resource, arguments(node, language, at), inputType, headerLocation, headers,
                maxItems);
    }

    private static ItemBatcher batcher(JsonNode state, QueryLanguage language, Problems problems) {
        JsonNode node = state.get("ItemBatcher");
        if (node == null) {
            return null;
        }
        Problems at = problems.at("ItemBatcher");
        FieldValue<Number> items = limit(node, "MaxItemsPerBatch", 1, language, at);
        FieldValue<Number> bytes = limit(node, "MaxInputBytesPerBatch", 1, language, at);
        if (!items.isSet() && !bytes.isSet()) {
            at.add("ItemBatcher must set MaxItemsPerBatch or MaxInputBytesPerBatch");
        }
        return new ItemBatcher(items, bytes, DataFlowParser.objectTemplate(node, "BatchInput", language, at));
    }

    /**
     * A limit given literally (an integer of at least {@code min}), by {@code FIELDPath} (a reference path, in
     * JSONPath states only, as the ASL specification and the guide give it) or, in JSONata states, as an
     * expression; at most one of the two fields.
     */
    private static FieldValue<Number> limit(JsonNode node, String field, int min, QueryLanguage language,
            Problems problems) {
        if (language == QueryLanguage.JSONata && node.has(field + "Path")) {
            problems.add(FieldRules.wrongLanguage(language, field + "Path"));
        }
        return StateParser.number(node, field, language, problems, value -> Fields.integerProblem(value, min));
    }

    private static ResultWriter writer(JsonNode state, QueryLanguage language, Problems problems) {
        JsonNode node = state.get("ResultWriter");
        if (node == null) {
            return null;
        }
        Problems at = problems.at("ResultWriter");
        String argumentsField = language == QueryLanguage.JSONata ? "Arguments" : "Parameters";
        boolean export = node.has("Resource") || node.has(argumentsField);
        // The guide's combinations: WriterConfig alone, Resource with Parameters/Arguments, or all three.
        if (export && !(node.has("Resource") && node.has(argumentsField)) || !export && !node.has("WriterConfig")) {
            at.add("ResultWriter must set WriterConfig, or Resource and " + argumentsField + ", or all three");
            return null;
        }
        String resource = export ? Fields.requiredText(node, "Resource", at) : null;
        if (resource != null && !ResultWriter.PUT_OBJECT.equals(resource)) {
            at.at("Resource").add("The ResultWriter resource must be " + ResultWriter.PUT_OBJECT);
        }
        String transformation = null;
        String outputType = null;
        JsonNode config = node.get("WriterConfig");
        if (config != null) {
            Problems configAt = at.at("WriterConfig");
            transformation = oneOf(config, "Transformation", TRANSFORMATIONS, configAt);
            outputType = oneOf(config, "OutputType", OUTPUT_TYPES, configAt);
            if (!export && "JSONL".equals(outputType)) {
                // The guide does not say what a state outputs as JSON Lines without an export.
                configAt.at("OutputType").add("This engine writes OutputType JSONL only to S3: add Resource and "
                        + argumentsField + ", or use OutputType JSON");
            }
        }
        return new ResultWriter(resource, export ? arguments(node, language, at) : null, transformation,
                outputType);
    }

    /** A required text field whose value is one of {@code allowed}; null (with a problem) otherwise. */
    private static String oneOf(JsonNode node, String field, List<String> allowed, Problems problems) {
        String value = Fields.requiredText(node, field, problems);
        if (value != null && !allowed.contains(value)) {
            problems.at(field).add("The value for the field '" + field + "' must be one of "
                    + String.join(", ", allowed));
            return null;
        }
        return value;
    }
}
