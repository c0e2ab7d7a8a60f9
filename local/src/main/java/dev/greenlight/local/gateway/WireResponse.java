package dev.greenlight.local.gateway;

import java.util.Map;

/** What the gateway sends back: status, headers and body. */
record WireResponse(int status, Map<String, String> headers, byte[] body) {
}
