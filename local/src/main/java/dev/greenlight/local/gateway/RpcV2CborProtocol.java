package dev.greenlight.local.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Smithy rpcv2Cbor ({@code POST /service/GraniteServiceVersion20100801/operation/PutMetricData}),
 * which newer SDKs use for CloudWatch. The path's service id is not in this SDK's metadata, so
 * the service is found by the signing name and the operation by the path's last segment.
 */
final class RpcV2CborProtocol implements WireProtocol {

    private static final Pattern PATH = Pattern.compile("^/service/[^/]+/operation/([^/]+)$");
    private static final String CONTENT_TYPE = "application/cbor";

    @Override
    public boolean shapes(WireRequest request) {
        return "POST".equals(request.method()) && PATH.matcher(request.rawPath()).matches();
    }

    @Override
    public Optional<Call> route(WireRequest request, Services services) {
        Matcher matcher = PATH.matcher(request.rawPath());
        if (!"POST".equals(request.method()) || !matcher.matches()) {
            return Optional.empty();
        }
        return request.signingService().flatMap(services::bySigningName)
                .map(service -> new Call(service, matcher.group(1)));
    }

    @Override
    public SdkPojo read(WireRequest request, Operation operation) throws Exception {
        return JsonBodies.request(JsonBodies.CBOR, request.body(), operation);
    }

    @Override
    public WireResponse answer(WireRequest request, Operation operation, SdkPojo response) throws Exception {
        return new WireResponse(200, withProtocol(ErrorHeaders.success(CONTENT_TYPE)),
                JsonBodies.write(JsonBodies.CBOR, response));
    }

    @Override
    public WireResponse fail(WireRequest request, ServiceModel service, ErrorReply error) {
        return new WireResponse(error.status(), withProtocol(ErrorHeaders.of(service, error, CONTENT_TYPE)),
                JsonBodies.error(JsonBodies.CBOR, error));
    }

    private static Map<String, String> withProtocol(Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("smithy-protocol", "rpc-v2-cbor");
        return all;
    }
}
