package dev.greenlight.local.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import software.amazon.awssdk.core.SdkPojo;

/** JSON and CBOR bodies: the same trees and the same writer, in either encoding. */
final class JsonBodies {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    private static final ShapeWriter WRITER = new JsonShapeWriter();

    private JsonBodies() {
    }

    /** The body as a tree; an empty body is an empty structure. */
    static JsonNode tree(ObjectMapper mapper, byte[] body) throws IOException {
        return body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
    }

    static SdkPojo request(ObjectMapper mapper, byte[] body, Operation operation) throws IOException {
        return ShapeReader.read(tree(mapper, body), operation.newRequestBuilder());
    }

    static byte[] write(ObjectMapper mapper, SdkPojo pojo) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator gen = mapper.getFactory().createGenerator(out)) {
            gen.writeStartObject();
            WRITER.members(gen, pojo);
            gen.writeEndObject();
        }
        return out.toByteArray();
    }

    /** The error body of the JSON and CBOR protocols: {@code {"__type": code, "message": text}}. */
    static byte[] error(ObjectMapper mapper, ErrorReply error) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonFactory factory = mapper.getFactory();
        try (JsonGenerator gen = factory.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("__type", error.code());
            gen.writeStringField("message", error.message());
            gen.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
        return out.toByteArray();
    }
}
