package dev.greenlight.local.gateway;

import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One AWS wire protocol: how a request names its service and operation, how its body becomes an
 * SDK request, and how a response or an error goes back so that the SDK clients and the AWS CLI
 * read them as AWS's own.
 */
interface WireProtocol {

    /** Whether {@code request} is written in this protocol, whichever service it is for. */
    boolean shapes(WireRequest request);

    /** The service and operation {@code request} is for, if it is this protocol's. */
    Optional<Call> route(WireRequest request, Services services);

    SdkPojo read(WireRequest request, Operation operation) throws Exception;

    WireResponse answer(WireRequest request, Operation operation, SdkPojo response) throws Exception;

    /** @param service the twin's service, or null when the request reached none */
    WireResponse fail(WireRequest request, ServiceModel service, ErrorReply error);
}
