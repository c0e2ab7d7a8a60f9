package dev.greenlight.local.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Bodies of awsQuery responses (through Jackson's XML generator): lists as {@code member}
 * elements (or the element repeated when flattened), maps as {@code entry} elements with key and
 * value, timestamps in ISO-8601; blobs come out in base64 from the generator itself.
 */
final class XmlShapeWriter extends ShapeWriter {

    @Override
    void member(JsonGenerator gen, String name, SdkField<?> field, Object value) throws IOException {
        ListTrait list = field.getOptionalTrait(ListTrait.class).orElse(null);
        if (list != null && list.isFlattened()) {
            String elementName = list.memberLocationName() == null ? name : list.memberLocationName();
            for (Object element : (List<?>) value) {
                super.member(gen, elementName, list.memberFieldInfo(), element);
            }
        } else {
            super.member(gen, name, field, value);
        }
    }

    @Override
    void list(JsonGenerator gen, SdkField<?> field, List<?> values) throws IOException {
        ListTrait trait = field.getRequiredTrait(ListTrait.class);
        String elementName = trait.memberLocationName() == null ? "member" : trait.memberLocationName();
        gen.writeStartObject();
        for (Object element : values) {
            super.member(gen, elementName, trait.memberFieldInfo(), element);
        }
        gen.writeEndObject();
    }

    @Override
    void map(JsonGenerator gen, SdkField<?> field, Map<?, ?> values) throws IOException {
        MapTrait trait = field.getRequiredTrait(MapTrait.class);
        gen.writeStartObject();
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            gen.writeFieldName("entry");
            gen.writeStartObject();
            gen.writeStringField(trait.keyLocationName(), String.valueOf(entry.getKey()));
            super.member(gen, trait.valueLocationName(), trait.valueFieldInfo(), entry.getValue());
            gen.writeEndObject();
        }
        gen.writeEndObject();
    }

    @Override
    void timestamp(JsonGenerator gen, SdkField<?> field, Instant value) throws IOException {
        gen.writeString(Timestamps.iso8601(value));
    }
}
