package dev.greenlight.local.aws.cloudformation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** One resource of a stack as it stands: what was provisioned, from which resolved properties, in which status. */
record StackResource(String logicalId, String type, Provisioned provisioned, ObjectNode properties, String status,
        String reason, Instant updated) {

    String physicalId() {
        return provisioned == null ? null : provisioned.physicalId();
    }
}
