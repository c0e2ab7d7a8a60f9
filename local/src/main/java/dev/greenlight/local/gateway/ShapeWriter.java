package dev.greenlight.local.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Writes SDK model objects as a protocol's body, led by the SDK's field metadata. Lists and maps
 * that were never set (the SDK's auto-construct ones) are left out; a list set to empty is
 * written empty, as AWS writes the lists it always returns. The formats differ only in how
 * they write timestamps, lists and maps.
 */
abstract class ShapeWriter {

    /** Writes the body members of {@code pojo} into the structure the generator has open. */
    final void members(JsonGenerator gen, SdkPojo pojo) throws IOException {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (isBody(field) && isSet(value)) {
                member(gen, field.unmarshallLocationName(), field, value);
            }
        }
    }

    /** Writes one named member; lists and maps override this where the name repeats. */
    void member(JsonGenerator gen, String name, SdkField<?> field, Object value) throws IOException {
        gen.writeFieldName(name);
        value(gen, field, value);
    }

    final void value(JsonGenerator gen, SdkField<?> field, Object value) throws IOException {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            gen.writeStartObject();
            members(gen, (SdkPojo) value);
            gen.writeEndObject();
        } else if (type == MarshallingType.LIST) {
            list(gen, field, (List<?>) value);
        } else if (type == MarshallingType.MAP) {
            map(gen, field, (Map<?, ?>) value);
        } else if (type == MarshallingType.INSTANT) {
            timestamp(gen, field, (Instant) value);
        } else if (type == MarshallingType.DOCUMENT) {
            DocumentShapes.write(gen, (Document) value);
        } else {
            scalar(gen, value);
        }
    }

    abstract void list(JsonGenerator gen, SdkField<?> field, List<?> values) throws IOException;

    abstract void map(JsonGenerator gen, SdkField<?> field, Map<?, ?> values) throws IOException;

    abstract void timestamp(JsonGenerator gen, SdkField<?> field, Instant value) throws IOException;

    private static void scalar(JsonGenerator gen, Object value) throws IOException {
        if (value instanceof String text) {
            gen.writeString(text);
        } else if (value instanceof Boolean flag) {
            gen.writeBoolean(flag);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            gen.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long number) {
            gen.writeNumber(number);
        } else if (value instanceof Double number) {
            gen.writeNumber(number);
        } else if (value instanceof Float number) {
            gen.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            gen.writeNumber(number);
        } else if (value instanceof SdkBytes bytes) {
            gen.writeBinary(bytes.asByteArray());
        } else {
            throw new IllegalArgumentException("the gateway does not write " + value.getClass().getName());
        }
    }

    static boolean isBody(SdkField<?> field) {
        return field.location() == null || field.location() == MarshallLocation.PAYLOAD;
    }

    static boolean isSet(Object value) {
        return value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap);
    }
}
