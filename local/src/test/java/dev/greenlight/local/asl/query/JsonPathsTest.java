package dev.greenlight.local.asl.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.greenlight.local.asl.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The short cuts JsonPaths takes give the answers its JSONPath library gives: a path of plain field names is walked
 * without the library, and a Reference Path write copies only the nodes on its way.
 */
class JsonPathsTest {

    private static final Configuration JAYWAY = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();

    private static final List<String> DOCUMENTS = List.of(
            "{\"a\":{\"b\":{\"c\":3}},\"n\":null,\"s\":\"text\",\"arr\":[{\"b\":1},{\"b\":2}],\"e\":{}}",
            "{\"a\":[1,2]}", "{\"a\":\"b\"}", "{\"a\":{\"b\":null}}", "[{\"a\":1}]", "\"a\"", "3", "null", "{}");

    private static final List<String> PATHS = List.of("$.a", "$.a.b", "$.a.b.c", "$.a.b.c.d", "$.n", "$.n.x", "$.s",
            "$.s.length", "$.arr", "$.arr.b", "$.e", "$.e.x", "$.missing", "$.a_1", "$._a");

    static Stream<Arguments> documentsAndPaths() {
        List<Arguments> cases = new ArrayList<>();
        for (String document : DOCUMENTS) {
            for (String path : PATHS) {
                cases.add(Arguments.of(document, path));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("documentsAndPaths")
    void read_answersAsTheLibraryDoes(String text, String path) {
        JsonNode document = Json.parse(text);
        Object expected;
        try {
            expected = JsonPath.compile(path).read(document, JAYWAY);
        } catch (com.jayway.jsonpath.PathNotFoundException | ClassCastException | IllegalArgumentException e) {
            expected = null;
        }
        if (expected instanceof JsonNode node) {
            assertThat(JsonPaths.read(document, path)).isEqualTo(node);
        } else {
            assertThatThrownBy(() -> JsonPaths.read(document, path)).isInstanceOf(PathNotFoundException.class);
        }
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("{\"a\":{\"b\":1},\"c\":[1,{\"d\":2}]}", "$.a.x", "{\"a\":{\"b\":1,\"x\":9},\"c\":[1,{\"d\":2}]}"),
                Arguments.of("{\"a\":{\"b\":1},\"c\":[1,{\"d\":2}]}", "$.c[1].d", "{\"a\":{\"b\":1},\"c\":[1,{\"d\":9}]}"),
                Arguments.of("{\"a\":null}", "$.a.b.c", "{\"a\":{\"b\":{\"c\":9}}}"),
                Arguments.of("{\"z\":1,\"a\":2}", "$.z", "{\"z\":9,\"a\":2}"),
                Arguments.of("{\"a\":\"s\"}", "$.a.b", null),
                Arguments.of("{\"a\":[1]}", "$.a[3]", null),
                Arguments.of("{\"a\":1}", "$", "9"));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("writes")
    void put_placesTheValueAndLeavesTheDocumentAsItWas(String text, String path, String expected) {
        JsonNode document = Json.parse(text);
        JsonNode placed = JsonPaths.put(document, path, Json.parse("9"));
        assertThat(placed == null ? null : Json.write(placed)).isEqualTo(expected);
        assertThat(Json.write(document)).isEqualTo(Json.write(Json.parse(text)));
    }
}
