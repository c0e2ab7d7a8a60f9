package dev.greenlight.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.core.traits.RequiredTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * S3's restXml with path-style addressing ({@code /BUCKET/KEY}), for requests signed as
 * {@code s3}. The SDK's URI templates leave the bucket out ({@code /{Key+}}, {@code ?list-type=2}),
 * so the first path segment is the bucket and the rest is matched against them. Several
 * operations share a template (PUT {@code /{Key+}} is PutObject, UploadPart or CopyObject): an
 * operation fits when every query parameter and header it requires is there, and the one that
 * requires the most wins, then one the twin implements (GET {@code /} is ListBuckets, not
 * ListDirectoryBuckets). Members come from the path, query string and
 * headers ({@code x-amz-meta-*} into Metadata); a streamed body (PutObject) reaches the twin
 * as bytes, decoded from {@code aws-chunked} when the client sent it so. Answers put header
 * members in headers (a ranged GetObject is 206 Partial Content) and the rest in an XML document,
 * or as the whole body when the output is one text member (GetBucketPolicy's JSON); errors are
 * {@code <Error><Code/><Message/><RequestId/></Error>}, with no body for HEAD.
 */
final class S3RestXmlProtocol implements WireProtocol {

    static final String SIGNING_NAME = "s3";

    private static final XmlFactory XML = new XmlFactory();
    private static final XmlMapper XML_READER = new XmlMapper();
    private static final ShapeWriter WRITER = new XmlShapeWriter();
    /** Root elements of the documents S3 answers; clients read the members whatever the root is called. */
    private static final Map<String, String> ROOTS = Map.of("ListObjectsV2", "ListBucketResult",
            "ListObjects", "ListBucketResult", "ListBuckets", "ListAllMyBucketsResult",
            "CreateMultipartUpload", "InitiateMultipartUploadResult",
            "CompleteMultipartUpload", "CompleteMultipartUploadResult");

    private final Map<String, UriTemplate> templates = new ConcurrentHashMap<>();
    private final Map<String, List<String>> requiredMembers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> implemented = new ConcurrentHashMap<>();

    /** Any request signed for {@code s3}: path-style addressing puts the bucket first in the path. */
    @Override
    public boolean shapes(WireRequest request) {
        return request.signingService().filter(SIGNING_NAME::equals).isPresent();
    }

    @Override
    public Optional<Call> route(WireRequest request, Services services) {
        if (!shapes(request)) {
            return Optional.empty();
        }
        Map<String, List<String>> query = UriTemplate.parseQuery(request.rawQuery());
        String rest = BucketPath.of(request.rawPath()).rest();
        return services.bySigningName(SIGNING_NAME).flatMap(service -> service.operations().values().stream()
                .filter(op -> op.binding().isRest() && op.binding().method().equals(request.method()))
                .filter(op -> template(op).match(rest, query).isPresent())
                .filter(op -> required(op).stream().allMatch(name -> present(name, request, query)))
                .max(Comparator.<Operation>comparingInt(op -> template(op).requiredQuery().size() + required(op).size())
                        .thenComparing(op -> implemented(service.twin(), op)))
                .map(op -> new Call(service, op.name())));
    }

    @Override
    public SdkPojo read(WireRequest request, Operation operation) throws Exception {
        Map<String, List<String>> query = UriTemplate.parseQuery(request.rawQuery());
        BucketPath path = BucketPath.of(request.rawPath());
        Map<String, String> labels = new LinkedHashMap<>(template(operation).match(path.rest(), query).orElseThrow());
        if (path.bucket() != null) {
            labels.put("Bucket", path.bucket());
        }
        SdkPojo builder = operation.newRequestBuilder();
        for (SdkField<?> field : builder.sdkFields()) {
            bound(field, request, labels, query).ifPresent(value -> field.set(builder, value));
        }
        SdkPojo model = (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
        return operation.uploads() ? new StreamingPayload(model, AwsChunked.decode(request)) : model;
    }

    @Override
    public WireResponse answer(WireRequest request, Operation operation, SdkPojo response) throws IOException {
        SdkPojo model = response instanceof StreamingPayload download ? download.model() : response;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-request-id", UUID.randomUUID().toString());
        boolean hasDocument = false;
        for (SdkField<?> field : model.sdkFields()) {
            Object value = field.getValueOrDefault(model);
            if (field.location() == MarshallLocation.HEADER && value != null) {
                header(headers, field, value);
            } else if (field.location() == MarshallLocation.PAYLOAD && value != null) {
                hasDocument = true;
            }
        }
        int status = "DELETE".equals(request.method()) ? 204 : headers.containsKey("Content-Range") ? 206 : 200;
        if (response instanceof StreamingPayload download) {
            return new WireResponse(status, headers, "HEAD".equals(request.method()) ? new byte[0] : download.bytes());
        }
        Optional<Object> text = model.sdkFields().stream()
                .filter(field -> field.containsTrait(PayloadTrait.class) && field.marshallingType() == MarshallingType.STRING)
                .findFirst().map(field -> field.getValueOrDefault(model));
        if (text.isPresent()) {
            headers.put("Content-Type", "application/json");
            return new WireResponse(status, headers, String.valueOf(text.get()).getBytes(StandardCharsets.UTF_8));
        }
        if (!hasDocument || "HEAD".equals(request.method())) {
            return new WireResponse(status, headers, new byte[0]);
        }
        headers.put("Content-Type", "application/xml");
        return new WireResponse(status, headers, document(ROOTS.getOrDefault(operation.name(),
                operation.name() + "Output"), model));
    }

    @Override
    public WireResponse fail(WireRequest request, ServiceModel service, ErrorReply error) {
        Map<String, String> headers = Map.of("Content-Type", "application/xml",
                "x-amz-request-id", UUID.randomUUID().toString());
        if ("HEAD".equals(request.method())) {
            return new WireResponse(error.status(), headers, new byte[0]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ToXmlGenerator gen = XML.createGenerator(out)) {
            gen.setNextName(new QName("Error"));
            gen.writeStartObject();
            gen.writeStringField("Code", error.code());
            gen.writeStringField("Message", error.message());
            gen.writeStringField("RequestId", UUID.randomUUID().toString());
            gen.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
        return new WireResponse(error.status(), headers, out.toByteArray());
    }

    private UriTemplate template(Operation operation) {
        return templates.computeIfAbsent(operation.binding().requestUri(), UriTemplate::of);
    }

    /** Whether the twin implements the operation (not the interface's default); asked once per class and operation. */
    private boolean implemented(Object twin, Operation operation) {
        return implemented.computeIfAbsent(twin.getClass().getName() + "#" + operation.name(),
                key -> declares(twin, operation));
    }

    private static boolean declares(Object twin, Operation operation) {
        try {
            return !twin.getClass().getMethod(operation.method().getName(), operation.method().getParameterTypes())
                    .isDefault();
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The query parameters ({@code ?uploadId}) and headers ({@code x-amz-copy-source}) the operation requires. */
    private List<String> required(Operation operation) {
        return requiredMembers.computeIfAbsent(operation.name(), name -> operation.newRequestBuilder().sdkFields()
                .stream()
                .filter(field -> field.containsTrait(RequiredTrait.class))
                .filter(field -> field.location() == MarshallLocation.QUERY_PARAM
                        || field.location() == MarshallLocation.HEADER)
                .map(field -> (field.location() == MarshallLocation.HEADER ? "header:" : "query:")
                        + field.locationName())
                .toList());
    }

    private static boolean present(String member, WireRequest request, Map<String, List<String>> query) {
        return member.startsWith("header:") ? request.header(member.substring(7)).isPresent()
                : query.containsKey(member.substring(6));
    }

    private static byte[] document(String root, SdkPojo model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ToXmlGenerator gen = XML.createGenerator(out)) {
            // No namespace: the XML writer would prefix every element (wstxns1:Bucket), which the
            // JavaScript SDK's parser (the CDK CLI's) refuses as unexpected content.
            gen.setNextName(new QName(root));
            gen.writeStartObject();
            WRITER.members(gen, model);
            gen.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void header(Map<String, String> headers, SdkField<?> field, Object value) {
        if (value instanceof Map<?, ?> prefixed) {
            prefixed.forEach((key, text) -> headers.put(field.locationName() + key, String.valueOf(text)));
        } else if (value instanceof Instant instant) {
            headers.put(field.locationName(), Timestamps.rfc822(instant));
        } else {
            headers.put(field.locationName(), String.valueOf(value));
        }
    }

    private static Optional<Object> bound(SdkField<?> field, WireRequest request, Map<String, String> labels,
            Map<String, List<String>> query) throws IOException {
        MarshallLocation location = field.location();
        if (location == MarshallLocation.PATH || location == MarshallLocation.GREEDY_PATH) {
            return Optional.ofNullable(labels.get(field.locationName())).map(text -> text(text, field));
        }
        if (location == MarshallLocation.QUERY_PARAM) {
            return Optional.ofNullable(query.get(field.locationName())).map(values -> text(values.get(0), field));
        }
        if (location == MarshallLocation.HEADER && field.marshallingType() == MarshallingType.MAP) {
            String prefix = field.locationName().toLowerCase(Locale.ROOT);
            Map<String, String> values = new LinkedHashMap<>();
            request.headers().forEach((name, list) -> {
                if (name.startsWith(prefix)) {
                    values.put(name.substring(prefix.length()), list.get(0));
                }
            });
            return values.isEmpty() ? Optional.empty() : Optional.of(values);
        }
        if (location == MarshallLocation.HEADER) {
            return request.header(field.locationName()).map(text -> text(text, field));
        }
        if (field.containsTrait(PayloadTrait.class) && request.body().length > 0
                && field.marshallingType() == MarshallingType.STRING) {
            return Optional.of(new String(AwsChunked.decode(request), StandardCharsets.UTF_8));
        }
        if (field.containsTrait(PayloadTrait.class) && request.body().length > 0
                && field.marshallingType() == MarshallingType.SDK_POJO) {
            JsonNode tree = XML_READER.readTree(request.body());
            return Optional.of(ShapeReader.value(listsAsArrays(tree, field.constructor().get().sdkFields()), field));
        }
        return Optional.empty();
    }

    /** XML does not say whether one repeated element is a list: the model does, so a lone element becomes a list of one. */
    private static JsonNode listsAsArrays(JsonNode node, List<SdkField<?>> fields) {
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        for (SdkField<?> field : fields) {
            JsonNode member = object.get(field.locationName());
            if (member == null) {
                continue;
            }
            if (field.marshallingType() == MarshallingType.LIST) {
                SdkField<?> element = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                (member.isArray() ? member : JsonNodeFactory.instance.arrayNode().add(member)).forEach(item ->
                        list.add(element.marshallingType() == MarshallingType.SDK_POJO
                                ? listsAsArrays(item, element.constructor().get().sdkFields()) : item));
                object.set(field.locationName(), list);
            } else if (field.marshallingType() == MarshallingType.SDK_POJO) {
                object.set(field.locationName(), listsAsArrays(member, field.constructor().get().sdkFields()));
            }
        }
        return object;
    }

    private static Object text(String text, SdkField<?> field) {
        if (field.marshallingType() == MarshallingType.INSTANT) {
            return Timestamps.parse(JsonNodeFactory.instance.textNode(text));
        }
        return ShapeReader.scalar(JsonNodeFactory.instance.textNode(text), field.marshallingType());
    }

    /** A path-style S3 path: {@code /BUCKET} then the rest that the SDK's templates describe. */
    record BucketPath(String bucket, String rest) {

        static BucketPath of(String rawPath) {
            String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
            if (path.isEmpty()) {
                return new BucketPath(null, "/");
            }
            int slash = path.indexOf('/');
            if (slash < 0 || slash == path.length() - 1) {
                return new BucketPath(slash < 0 ? path : path.substring(0, slash), "");
            }
            return new BucketPath(path.substring(0, slash), path.substring(slash));
        }
    }
}
