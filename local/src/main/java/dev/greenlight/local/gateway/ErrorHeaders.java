package dev.greenlight.local.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The headers an error carries in the JSON and CBOR protocols. Services that AWS moved from
 * awsQuery (CloudWatch) also name the query error code, which the AWS CLI prefers.
 */
final class ErrorHeaders {

    private ErrorHeaders() {
    }

    /** @param service the twin's service, or null when the request reached none */
    static Map<String, String> of(ServiceModel service, ErrorReply error, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
        headers.put("x-amzn-ErrorType", error.code());
        if (service != null && service.speaksQuery()) {
            headers.put("x-amzn-query-error", error.code() + ";" + (error.isSenderFault() ? "Sender" : "Receiver"));
        }
        return headers;
    }

    static Map<String, String> success(String contentType) {
        return Map.of("Content-Type", contentType, "x-amzn-RequestId", UUID.randomUUID().toString());
    }
}
