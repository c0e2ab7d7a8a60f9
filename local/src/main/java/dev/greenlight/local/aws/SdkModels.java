package dev.greenlight.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Fills SDK model builders generically, from the SDK's own field metadata ({@link SdkPojo#sdkFields()}):
 * from JSON as the service writes it on the awsJson wire, or from another model with the same members.
 * This keeps the twins from hand-mapping dozens of model types.
 */
public final class SdkModels {

    private SdkModels() {
    }

    /**
     * Sets every member of {@code builder} that {@code json} has under the member's wire name;
     * members the model does not know are ignored, as the SDK ignores them.
     */
    public static <B extends SdkPojo> B fromJson(JsonNode json, B builder) {
        for (SdkField<?> field : builder.sdkFields()) {
            JsonNode value = json.get(field.locationName());
            if (value != null && !value.isNull()) {
                field.set(builder, read(field, value));
            }
        }
        return builder;
    }

    /** Copies the members {@code source} and {@code builder} share by name. */
    public static <B extends SdkPojo> B copy(SdkPojo source, B builder) {
        Map<String, SdkField<?>> sourceFields = new LinkedHashMap<>();
        source.sdkFields().forEach(field -> sourceFields.put(field.memberName(), field));
        for (SdkField<?> field : builder.sdkFields()) {
            SdkField<?> from = sourceFields.get(field.memberName());
            if (from != null) {
                field.set(builder, from.getValueOrDefault(source));
            }
        }
        return builder;
    }

    private static Object read(SdkField<?> field, JsonNode value) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            return ((Buildable) fromJson(value, field.constructor().get())).build();
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isNull() ? null : read(member, item)));
            return items;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> entries = new LinkedHashMap<>();
            value.fields().forEachRemaining(entry -> entries.put(entry.getKey(),
                    entry.getValue().isNull() ? null : read(member, entry.getValue())));
            return entries;
        }
        return scalar(type, value);
    }

    private static Object scalar(MarshallingType<?> type, JsonNode value) {
        if (type == MarshallingType.STRING) {
            return value.isTextual() ? value.textValue() : value.toString();
        }
        if (type == MarshallingType.INTEGER) {
            return value.intValue();
        }
        if (type == MarshallingType.LONG) {
            return value.longValue();
        }
        if (type == MarshallingType.BOOLEAN) {
            return value.booleanValue();
        }
        if (type == MarshallingType.DOUBLE) {
            return value.doubleValue();
        }
        if (type == MarshallingType.FLOAT) {
            return value.floatValue();
        }
        if (type == MarshallingType.INSTANT) {
            // A double's shortest decimal form, so that 1767225600.123 stays .123 and not .12299990654.
            return epochSeconds(value.isDouble() ? BigDecimal.valueOf(value.doubleValue()) : value.decimalValue());
        }
        throw new IllegalArgumentException("no JSON reading for the SDK type " + type);
    }

    /** awsJson timestamps are epoch seconds with a fraction. */
    private static Instant epochSeconds(BigDecimal seconds) {
        BigDecimal whole = new BigDecimal(seconds.toBigInteger());
        return Instant.ofEpochSecond(whole.longValueExact(),
                seconds.subtract(whole).movePointRight(9).intValue());
    }
}
