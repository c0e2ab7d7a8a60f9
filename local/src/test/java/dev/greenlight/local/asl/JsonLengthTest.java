package dev.greenlight.local.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The payload-size check answers as counting the written text would, at every limit around the text's length. */
class JsonLengthTest {

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "null", "\"\\u0001\\u001f\\\"\\\\\"", "\"é漢😀\"", "-1.5E-300", "123456789012345678901234567890",
            "0.000001", "1E+2147483647", "{\"k\\u0000\":[1,2.25,true,null,{\"x\":\"y\"}],\"é\":-9223372036854775808}"})
    void longerThan_agreesWithTheWrittenText(String text) {
        JsonNode node = Json.parse(text);
        int length = Json.write(node).getBytes(StandardCharsets.UTF_8).length;
        assertThat(Json.utf8Length(node)).isEqualTo(length);
        for (int limit = Math.max(0, length - 3); limit <= length + 3; limit++) {
            assertThat(Json.longerThan(node, limit)).as("limit %d for %d bytes", limit, length).isEqualTo(length > limit);
        }
    }
}
