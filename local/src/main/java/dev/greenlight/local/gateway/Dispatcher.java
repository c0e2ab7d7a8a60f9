package dev.greenlight.local.gateway;

import dev.greenlight.local.aws.CallerCredentials;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Serves one request: the first protocol that routes it reads it, the twin answers, and the
 * same protocol writes the answer or the error. Nothing a twin throws escapes as a plain-text
 * 500 (which the SDK would retry as if AWS had hiccupped).
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /**
     * Order matters: CBOR and awsJson name themselves in the path or a header; EC2's query comes
     * before awsQuery, which takes the rest of {@code /}; S3 before restJson, whose templates it shares.
     */
    private static final List<WireProtocol> PROTOCOLS = List.of(new RpcV2CborProtocol(), new AwsJsonProtocol(),
            new Ec2QueryProtocol(), new AwsQueryProtocol(), new S3RestXmlProtocol(), new RestJsonProtocol());

    private final Services services;
    private final Authorizer authorizer;

    Dispatcher(Services services, Authorizer authorizer) {
        this.services = services;
        this.authorizer = authorizer;
    }

    WireResponse serve(WireRequest received) {
        WireRequest request;
        try {
            request = checked(received);
        } catch (RefusedRequestException refused) {
            return refuse(received, refused.error());
        }
        for (WireProtocol protocol : PROTOCOLS) {
            Optional<Call> call;
            try {
                call = protocol.route(request, services);
            } catch (RuntimeException unreadable) {
                return refuse(request, ErrorReply.unreadable(unreadable));
            }
            if (call.isPresent()) {
                return serve(protocol, request, call.get());
            }
        }
        return refuse(request, unrouted(request));
    }

    /** Answers {@code request} with {@code error} in the shape of the protocol it is written in. */
    WireResponse refuse(WireRequest request, ErrorReply error) {
        ServiceModel service = request.signingService().flatMap(services::bySigningName).orElse(null);
        return shapeOf(request).fail(request, service, error);
    }

    /** The request with its URL's and form's encoding checked and its body unzipped. */
    private static WireRequest checked(WireRequest request) {
        PercentEncoding.check(request.rawPath(), "URL's path");
        PercentEncoding.check(request.rawQuery(), "URL's query string");
        WireRequest decoded = request.withBody(RequestBodies.decoded(request.header("content-encoding"), request.body()));
        if (shapeOf(decoded) instanceof AwsQueryProtocol) {
            PercentEncoding.check(new String(decoded.body(), StandardCharsets.UTF_8), "form body");
        }
        return decoded;
    }

    private static WireProtocol shapeOf(WireRequest request) {
        return PROTOCOLS.stream().filter(protocol -> protocol.shapes(request)).findFirst().orElseThrow();
    }

    private static ErrorReply unrouted(WireRequest request) {
        WireProtocol shape = shapeOf(request);
        if (shape instanceof AwsQueryProtocol) {
            String action = AwsQueryProtocol.action(request);
            return action == null || action.isEmpty() ? ErrorReply.missingAction()
                    : ErrorReply.noTwinFor(action, request.signingService().orElse(null));
        }
        if (shape instanceof RestJsonProtocol) {
            return ErrorReply.noRoute(request.method(), request.rawPath());
        }
        return ErrorReply.unknownOperation(request.header("x-amz-target").orElse(request.rawPath())
                + ": no twin serves it");
    }

    private WireResponse serve(WireProtocol protocol, WireRequest request, Call call) {
        ServiceModel service = call.service();
        Optional<Operation> operation = service.operation(call.operationName());
        if (operation.isEmpty()) {
            return protocol.fail(request, service, ErrorReply.unknownOperation(call.operationName()));
        }
        SdkPojo input;
        try {
            input = protocol.read(request, operation.get());
        } catch (Exception unreadable) {
            return protocol.fail(request, service, ErrorReply.unreadable(unreadable));
        }
        try (CallerCredentials.Scope signed = CallerCredentials.bind(request.accessKeyId().orElse(null))) {
            authorizer.authorize(service.signingName(), call.operationName(),
                    input instanceof StreamingPayload upload ? upload.model() : input, request.accessKeyId());
            return protocol.answer(request, operation.get(), operation.get().invoke(service.twin(), input));
        } catch (Throwable failure) {
            ErrorReply error = ErrorReply.of(service, failure);
            if (error.status() >= 500) {
                LOG.warn("{} {} failed in the twin", service.signingName(), call.operationName(), failure);
            }
            return protocol.fail(request, service, error);
        }
    }
}
