package dev.greenlight.local.gateway;

import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;

/**
 * awsJson 1.0 and 1.1: {@code POST /} with {@code X-Amz-Target: Prefix.Operation} and a JSON
 * body. CloudWatch, an awsQuery service to the Java SDK, is spoken this way by the AWS CLI: its
 * target prefix is not in the SDK's metadata, so such a call is routed by its signing name.
 */
final class AwsJsonProtocol implements WireProtocol {

    private static final String DEFAULT_CONTENT_TYPE = "application/x-amz-json-1.1";

    @Override
    public boolean shapes(WireRequest request) {
        return request.header("x-amz-target").isPresent();
    }

    @Override
    public Optional<Call> route(WireRequest request, Services services) {
        return request.header("x-amz-target").flatMap(target -> {
            String operation = target.substring(target.lastIndexOf('.') + 1);
            return services.byTarget(target)
                    .or(() -> request.signingService().flatMap(services::bySigningName).filter(ServiceModel::speaksQuery))
                    .map(service -> new Call(service, operation));
        });
    }

    @Override
    public SdkPojo read(WireRequest request, Operation operation) throws Exception {
        return JsonBodies.request(JsonBodies.JSON, request.body(), operation);
    }

    @Override
    public WireResponse answer(WireRequest request, Operation operation, SdkPojo response) throws Exception {
        return new WireResponse(200, ErrorHeaders.success(contentType(request)),
                JsonBodies.write(JsonBodies.JSON, response));
    }

    @Override
    public WireResponse fail(WireRequest request, ServiceModel service, ErrorReply error) {
        return new WireResponse(error.status(), ErrorHeaders.of(service, error, contentType(request)),
                JsonBodies.error(JsonBodies.JSON, error));
    }

    private static String contentType(WireRequest request) {
        return request.header("content-type").orElse(DEFAULT_CONTENT_TYPE);
    }
}
