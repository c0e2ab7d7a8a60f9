package dev.greenlight.local.aws.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What intrinsic functions can see while a stack is deployed: parameter values, pseudo
 * parameters, the template's mappings and evaluated conditions, the resources made so far, and
 * the exports of other stacks.
 */
record Scope(Map<String, JsonNode> parameters, Map<String, JsonNode> pseudoParameters, JsonNode mappings,
        Map<String, Boolean> conditions, Resources resources, Exports exports, List<String> availabilityZones) {

    /** The resources' values: what Ref answers, and their Fn::GetAtt attributes. */
    interface Resources {
        /** Empty when the resource does not exist (yet, or because its condition is false). */
        Optional<JsonNode> ref(String logicalId);

        Optional<JsonNode> attribute(String logicalId, String attribute);

        boolean declared(String logicalId);
    }

    /** Values other stacks export, by export name. */
    interface Exports {
        Optional<String> value(String name);

        /** The id of the stack that exports {@code name}, if any. */
        Optional<String> exporter(String name);
    }

    Scope withConditions(Map<String, Boolean> evaluated) {
        return new Scope(parameters, pseudoParameters, mappings, evaluated, resources, exports, availabilityZones);
    }
}
