package dev.greenlight.local.asl.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The direct walk between trees and the JSONata library's values gives what Jackson's conversion gave, type for type. */
class PlainValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"b\":[1,2147483648,1.5,-0.0,1e400,12345678901234567890123,null,true,\"s\"],\"c\":null,"
            + "\"d\":{\"e\":{}}}", "[]", "[null]", "\"text\"", "7", "2.50", "false", "99999999999", "1E+2"})
    void toPlain_isJacksonsConversion(String text) {
        JsonNode node = Json.parse(text);
        Object expected = PlainValues.PLAIN.convertValue(node, Object.class);
        assertThat(PlainValues.toPlain(node)).isEqualTo(expected);
        assertThat(typesOf(PlainValues.toPlain(node))).isEqualTo(typesOf(expected));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void toNode_isJacksonsValueToTree(int index) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("n", null);
        object.put("i", 3);
        object.put("d", 2.5);
        List<Object> values = Arrays.asList(object, new ArrayList<>(Arrays.asList(1, 2L, null, "x", 1.0)), "text", true,
                42, 4_000_000_000L, 1.5, new BigDecimal("1.50"), new BigInteger("123456789012345678901234"), 1e300);
        Object value = values.get(index);
        assertThat(PlainValues.toNode(value)).isEqualTo(Json.MAPPER.valueToTree(value));
    }

    /** The Java classes of every value, nested, since equal numbers of different classes matter to the library. */
    private static Object typesOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> types = new LinkedHashMap<>();
            map.forEach((key, element) -> types.put(key, typesOf(element)));
            return types;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PlainValuesTest::typesOf).toList();
        }
        return value == null ? "null" : value.getClass().getName();
    }
}
