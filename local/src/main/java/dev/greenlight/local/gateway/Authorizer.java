package dev.greenlight.local.gateway;

import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Decides, before a twin serves it, whether the identity behind a request's signing key may make
 * the call; a refusal is thrown as the service's SDK exception, which the protocol writes as AWS would.
 */
@FunctionalInterface
public interface Authorizer {

    Authorizer NONE = (signingName, operation, request, accessKeyId) -> {
    };

    /**
     * @param signingName the service as SigV4 names it
     * @param operation   the operation, as its request class names it ({@code Invoke}, {@code GetObject})
     * @param request     the request as read from the wire
     * @param accessKeyId the access key that signed it, if it was signed
     */
    void authorize(String signingName, String operation, SdkPojo request, Optional<String> accessKeyId);
}
