package dev.greenlight.local.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/**
 * Bodies of awsJson, restJson and rpcv2Cbor: arrays and objects; timestamps as epoch seconds
 * (CBOR tags them as epoch dates, tag 1) unless the member's timestamp format says otherwise.
 */
final class JsonShapeWriter extends ShapeWriter {

    private static final int CBOR_EPOCH_DATE_TAG = 1;

    @Override
    void list(JsonGenerator gen, SdkField<?> field, List<?> values) throws IOException {
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        gen.writeStartArray();
        for (Object element : values) {
            value(gen, member, element);
        }
        gen.writeEndArray();
    }

    @Override
    void map(JsonGenerator gen, SdkField<?> field, Map<?, ?> values) throws IOException {
        SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        gen.writeStartObject();
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            gen.writeFieldName(String.valueOf(entry.getKey()));
            value(gen, valueField, entry.getValue());
        }
        gen.writeEndObject();
    }

    @Override
    void timestamp(JsonGenerator gen, SdkField<?> field, Instant value) throws IOException {
        TimestampFormatTrait.Format format = field.getOptionalTrait(TimestampFormatTrait.class)
                .map(TimestampFormatTrait::format).orElse(TimestampFormatTrait.Format.UNIX_TIMESTAMP);
        switch (format) {
            case ISO_8601 -> gen.writeString(Timestamps.iso8601(value));
            case RFC_822 -> gen.writeString(Timestamps.rfc822(value));
            case UNIX_TIMESTAMP_MILLIS -> gen.writeNumber(value.toEpochMilli());
            default -> epochSeconds(gen, value);
        }
    }

    private static void epochSeconds(JsonGenerator gen, Instant value) throws IOException {
        if (gen instanceof CBORGenerator cbor) {
            cbor.writeTag(CBOR_EPOCH_DATE_TAG);
            cbor.writeNumber(value.toEpochMilli() / 1000.0);
        } else {
            gen.writeNumber(Timestamps.epochSeconds(value).toPlainString());
        }
    }
}
