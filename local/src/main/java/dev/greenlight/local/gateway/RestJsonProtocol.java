package dev.greenlight.local.gateway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * restJson1 (Lambda): operations found by method and URI template; members bound to the path,
 * query string, headers, status code or body as the SDK's location traits say. A member with
 * the payload trait is the whole body (Invoke's {@code Payload}, raw bytes); otherwise the body
 * is a JSON object of the remaining members.
 */
final class RestJsonProtocol implements WireProtocol {

    private static final String JSON_TYPE = "application/json";

    private final Map<String, UriTemplate> templates = new ConcurrentHashMap<>();

    /** The protocol of every request that names no other: its errors are the fallback shape. */
    @Override
    public boolean shapes(WireRequest request) {
        return true;
    }

    @Override
    public Optional<Call> route(WireRequest request, Services services) {
        Map<String, List<String>> query = UriTemplate.parseQuery(request.rawQuery());
        return services.all().stream()
                .flatMap(service -> service.operations().values().stream()
                        .filter(op -> op.binding().isRest() && op.binding().method().equals(request.method()))
                        .filter(op -> template(op).match(request.rawPath(), query).isPresent())
                        .map(op -> Map.entry(service, op)))
                .max(Comparator.comparingInt(entry -> template(entry.getValue()).literalLength()))
                .map(entry -> new Call(entry.getKey(), entry.getValue().name()));
    }

    @Override
    public SdkPojo read(WireRequest request, Operation operation) throws Exception {
        Map<String, List<String>> query = UriTemplate.parseQuery(request.rawQuery());
        Map<String, String> labels = template(operation).match(request.rawPath(), query).orElseThrow();
        SdkPojo builder = operation.newRequestBuilder();
        for (SdkField<?> field : builder.sdkFields()) {
            bound(field, request, labels, query).ifPresent(value -> field.set(builder, value));
        }
        if (payloadMember(builder).isEmpty()) {
            ShapeReader.fill(builder, JsonBodies.tree(JsonBodies.JSON, request.body()), field -> true);
        }
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    @Override
    public WireResponse answer(WireRequest request, Operation operation, SdkPojo response) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(ErrorHeaders.success(JSON_TYPE));
        int status = 200;
        for (SdkField<?> field : response.sdkFields()) {
            Object value = field.getValueOrDefault(response);
            if (value != null && field.location() == MarshallLocation.HEADER) {
                headers.put(field.locationName(), headerText(value));
            } else if (value != null && field.location() == MarshallLocation.STATUS_CODE) {
                status = (Integer) value;
            }
        }
        Optional<SdkField<?>> payload = payloadMember(response);
        byte[] body = payload.isPresent() ? rawBody(payload.get().getValueOrDefault(response))
                : JsonBodies.write(JsonBodies.JSON, response);
        return new WireResponse(status, headers, body);
    }

    @Override
    public WireResponse fail(WireRequest request, ServiceModel service, ErrorReply error) {
        return new WireResponse(error.status(), ErrorHeaders.of(service, error, JSON_TYPE),
                JsonBodies.error(JsonBodies.JSON, error));
    }

    private UriTemplate template(Operation operation) {
        return templates.computeIfAbsent(operation.binding().requestUri(), UriTemplate::of);
    }

    private static Optional<Object> bound(SdkField<?> field, WireRequest request, Map<String, String> labels,
            Map<String, List<String>> query) throws Exception {
        MarshallLocation location = field.location();
        if (location == MarshallLocation.PATH) {
            return Optional.ofNullable(labels.get(field.locationName())).map(text -> text(text, field));
        }
        if (location == MarshallLocation.HEADER) {
            return request.header(field.locationName()).map(text -> text(text, field));
        }
        if (location == MarshallLocation.QUERY_PARAM) {
            return Optional.ofNullable(query.get(field.locationName())).map(values -> queryValue(values, field));
        }
        if (field.containsTrait(PayloadTrait.class) && request.body().length > 0) {
            return Optional.of(rawValue(request.body(), field));
        }
        return Optional.empty();
    }

    private static Object queryValue(List<String> values, SdkField<?> field) {
        if (field.marshallingType() == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            return values.stream().map(text -> text(text, member)).collect(Collectors.toList());
        }
        return text(values.get(0), field);
    }

    private static Object text(String text, SdkField<?> field) {
        return ShapeReader.scalar(JsonNodeFactory.instance.textNode(text), field.marshallingType());
    }

    private static Object rawValue(byte[] body, SdkField<?> field) throws Exception {
        if (field.marshallingType() == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromByteArray(body);
        }
        if (field.marshallingType() == MarshallingType.STRING) {
            return new String(body, StandardCharsets.UTF_8);
        }
        return ShapeReader.value(JsonBodies.tree(JsonBodies.JSON, body), field);
    }

    private static byte[] rawBody(Object value) throws Exception {
        if (value == null) {
            return new byte[0];
        }
        if (value instanceof SdkBytes bytes) {
            return bytes.asByteArray();
        }
        if (value instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return JsonBodies.write(JsonBodies.JSON, (SdkPojo) value);
    }

    private static String headerText(Object value) {
        return value instanceof Instant instant ? Timestamps.rfc822(instant) : String.valueOf(value);
    }

    private static Optional<SdkField<?>> payloadMember(SdkPojo pojo) {
        return pojo.sdkFields().stream().filter(field -> field.containsTrait(PayloadTrait.class)).findFirst();
    }
}
