package dev.greenlight.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Fills SDK model objects from a tree (JSON, CBOR, or a query form turned into a tree), led by
 * the SDK's own field metadata. Scalars may come as numbers or as text, since query forms,
 * paths and headers carry everything as text. A list the tree names stays a list even when
 * empty; a list it does not name stays the SDK's auto-construct list.
 */
final class ShapeReader {

    private ShapeReader() {
    }

    /** Builds a structure from {@code node} with the builder {@code builder}. */
    static SdkPojo read(JsonNode node, SdkPojo builder) {
        fill(builder, node, field -> true);
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    /** Sets the body members of {@code builder} that {@code node} carries and {@code which} accepts. */
    static void fill(SdkPojo builder, JsonNode node, Predicate<SdkField<?>> which) {
        for (SdkField<?> field : builder.sdkFields()) {
            JsonNode member = node.get(field.locationName());
            if (isBody(field) && which.test(field) && member != null && !member.isNull()) {
                field.set(builder, value(member, field));
            }
        }
    }

    static Object value(JsonNode node, SdkField<?> field) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            return read(node, field.constructor().get());
        }
        if (type == MarshallingType.LIST) {
            return list(node, field.getRequiredTrait(ListTrait.class).memberFieldInfo());
        }
        if (type == MarshallingType.MAP) {
            return map(node, field.getRequiredTrait(MapTrait.class).valueFieldInfo());
        }
        if (type == MarshallingType.DOCUMENT) {
            return DocumentShapes.read(node);
        }
        return scalar(node, type);
    }

    private static boolean isBody(SdkField<?> field) {
        return field.location() == null || field.location() == MarshallLocation.PAYLOAD;
    }

    private static List<Object> list(JsonNode node, SdkField<?> member) {
        List<Object> values = new ArrayList<>();
        node.forEach(element -> values.add(element.isNull() ? null : value(element, member)));
        return values;
    }

    private static Map<String, Object> map(JsonNode node, SdkField<?> valueField) {
        Map<String, Object> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> values.put(entry.getKey(),
                entry.getValue().isNull() ? null : value(entry.getValue(), valueField)));
        return values;
    }

    static Object scalar(JsonNode node, MarshallingType<?> type) {
        if (type == MarshallingType.STRING) {
            return node.asText();
        }
        if (type == MarshallingType.BOOLEAN) {
            return node.isBoolean() ? node.booleanValue() : Boolean.parseBoolean(node.asText());
        }
        if (type == MarshallingType.INSTANT) {
            return Timestamps.parse(node);
        }
        if (type == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromByteArray(bytes(node));
        }
        if (type == MarshallingType.DOUBLE || type == MarshallingType.FLOAT) {
            double value = floatingPoint(node);
            return type == MarshallingType.DOUBLE ? (Object) value : (Object) (float) value;
        }
        return number(node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText().trim()), type);
    }

    /**
     * Smithy's protocols send NaN and the infinities as the strings "NaN", "Infinity" and "-Infinity"
     * (CBOR as native floats), so that the service, not the parser, decides whether they are allowed.
     */
    private static double floatingPoint(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return switch (node.asText().trim()) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> new BigDecimal(node.asText().trim()).doubleValue();
        };
    }

    private static Object number(BigDecimal number, MarshallingType<?> type) {
        if (type == MarshallingType.INTEGER) {
            return number.intValueExact();
        }
        if (type == MarshallingType.LONG) {
            return number.longValueExact();
        }
        if (type == MarshallingType.SHORT) {
            return number.shortValueExact();
        }
        if (type == MarshallingType.BYTE) {
            return number.byteValueExact();
        }
        if (type == MarshallingType.DOUBLE) {
            return number.doubleValue();
        }
        if (type == MarshallingType.FLOAT) {
            return number.floatValue();
        }
        if (type == MarshallingType.BIG_DECIMAL) {
            return number;
        }
        throw new IllegalArgumentException("the gateway does not read " + type + " members");
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
