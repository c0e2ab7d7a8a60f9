package dev.greenlight.local.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An HTTP request as the gateway received it; header names in lower case. */
record WireRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=([^/]+)/[^/]+/[^/]+/([^/]+)/aws4_request");

    WireRequest withBody(byte[] newBody) {
        return newBody == body ? this : new WireRequest(method, rawPath, rawQuery, headers, newBody);
    }

    Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The service named in the SigV4 credential scope ({@code sns}, {@code monitoring}). */
    Optional<String> signingService() {
        return header("authorization").map(CREDENTIAL_SCOPE::matcher).filter(Matcher::find).map(m -> m.group(2));
    }

    /** The access key id in the SigV4 credential scope, if the request is signed. */
    Optional<String> accessKeyId() {
        return header("authorization").map(CREDENTIAL_SCOPE::matcher).filter(Matcher::find).map(m -> m.group(1));
    }
}
