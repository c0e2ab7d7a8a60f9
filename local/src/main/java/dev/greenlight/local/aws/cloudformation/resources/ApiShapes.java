package dev.greenlight.local.aws.cloudformation.resources;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Fills an SDK request from a resource's properties. CloudFormation's property names are the
 * service API's member names in PascalCase ({@code ContainerDefinitions} for ECS's
 * {@code containerDefinitions}), so members are matched by name ignoring case; properties the API
 * does not have are left out, and {@code skip} names those a provider handles itself.
 */
final class ApiShapes {

    private ApiShapes() {
    }

    static <B extends SdkPojo> B fill(JsonNode properties, B builder, String... skip) {
        Set<String> skipped = Set.of(skip);
        for (SdkField<?> field : builder.sdkFields()) {
            if (skipped.contains(field.memberName())) {
                continue;
            }
            JsonNode value = find(properties, field);
            if (value != null && !value.isNull()) {
                field.set(builder, read(field, value));
            }
        }
        return builder;
    }

    private static JsonNode find(JsonNode properties, SdkField<?> field) {
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (entry.getKey().equalsIgnoreCase(field.memberName())
                    || (field.locationName() != null && entry.getKey().equalsIgnoreCase(field.locationName()))) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static Object read(SdkField<?> field, JsonNode value) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            return ((Buildable) fill(value, field.constructor().get())).build();
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> items = new ArrayList<>();
            (value.isArray() ? value : List.of(value)).forEach(item -> items.add(read(member, item)));
            return items;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> entries = new LinkedHashMap<>();
            value.fields().forEachRemaining(e -> entries.put(e.getKey(), read(member, e.getValue())));
            return entries;
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        if (type == MarshallingType.INTEGER) {
            return Integer.valueOf(text);
        }
        if (type == MarshallingType.LONG) {
            return Long.valueOf(text);
        }
        if (type == MarshallingType.DOUBLE) {
            return Double.valueOf(text);
        }
        if (type == MarshallingType.FLOAT) {
            return Float.valueOf(text);
        }
        if (type == MarshallingType.BIG_DECIMAL) {
            return new BigDecimal(text);
        }
        if (type == MarshallingType.BOOLEAN) {
            return Boolean.valueOf(text);
        }
        if (type == MarshallingType.STRING) {
            return text;
        }
        return null;
    }
}
