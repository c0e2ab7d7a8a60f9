package dev.greenlight.local.aws.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** The checks PutEvents makes of one entry; a failing entry gets an error code instead of an EventId. */
final class EntryCheck {

    private EntryCheck() {
    }

    static Optional<PutEventsResultEntry> failure(PutEventsRequestEntry entry) {
        if (isBlank(entry.source())) {
            return missing("Source");
        }
        if (isBlank(entry.detailType())) {
            return missing("DetailType");
        }
        if (isBlank(entry.detail())) {
            return missing("Detail");
        }
        if (!isObject(entry.detail())) {
            return failed("MalformedDetail", "Detail is malformed.");
        }
        if (entry.source().startsWith("aws.")) {
            return failed("NotAuthorizedForSourceException", "Not authorized for the source.");
        }
        return Optional.empty();
    }

    private static Optional<PutEventsResultEntry> missing(String field) {
        return failed("InvalidArgument",
                "Parameter " + field + " is not valid. Reason: " + field + " is a required argument.");
    }

    private static Optional<PutEventsResultEntry> failed(String code, String message) {
        return Optional.of(PutEventsResultEntry.builder().errorCode(code).errorMessage(message).build());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isObject(String detail) {
        try {
            JsonNode node = Json.MAPPER.readTree(detail);
            return node != null && node.isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
