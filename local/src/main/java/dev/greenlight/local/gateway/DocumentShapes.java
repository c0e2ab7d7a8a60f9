package dev.greenlight.local.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/**
 * A Smithy document (untyped JSON, such as an ECS lifecycle hook's {@code hookDetails}) as the JSON
 * protocols carry it: the value itself, inline.
 */
final class DocumentShapes {

    private DocumentShapes() {
    }

    static void write(JsonGenerator gen, Document document) throws IOException {
        if (document.isNull()) {
            gen.writeNull();
        } else if (document.isBoolean()) {
            gen.writeBoolean(document.asBoolean());
        } else if (document.isNumber()) {
            gen.writeNumber(document.asNumber().bigDecimalValue());
        } else if (document.isString()) {
            gen.writeString(document.asString());
        } else if (document.isList()) {
            gen.writeStartArray();
            for (Document element : document.asList()) {
                write(gen, element);
            }
            gen.writeEndArray();
        } else {
            gen.writeStartObject();
            for (Map.Entry<String, Document> member : document.asMap().entrySet()) {
                gen.writeFieldName(member.getKey());
                write(gen, member.getValue());
            }
            gen.writeEndObject();
        }
    }

    static Document read(JsonNode node) {
        if (node == null || node.isNull()) {
            return Document.fromNull();
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        if (node.isNumber()) {
            return Document.fromNumber(SdkNumber.fromBigDecimal(node.decimalValue()));
        }
        if (node.isTextual()) {
            return Document.fromString(node.textValue());
        }
        if (node.isArray()) {
            List<Document> elements = new ArrayList<>();
            node.forEach(element -> elements.add(read(element)));
            return Document.fromList(elements);
        }
        Map<String, Document> members = new LinkedHashMap<>();
        node.fields().forEachRemaining(member -> members.put(member.getKey(), read(member.getValue())));
        return Document.fromMap(members);
    }
}
