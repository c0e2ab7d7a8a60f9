package dev.greenlight.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * An awsQuery form ({@code Action=Publish&TopicArn=...&Tags.member.1.Key=...}) turned into a
 * tree shaped like the request, so that {@link ShapeReader} reads it as it reads JSON. Lists are
 * {@code Name.member.N} ({@code Name.N} when flattened), maps {@code Name.entry.N.key/value};
 * a bare {@code Name=} is a list set to empty.
 */
final class QueryForm {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, String> params;
    private final boolean flatLists;

    private QueryForm(Map<String, String> params, boolean flatLists) {
        this.params = params;
        this.flatLists = flatLists;
    }

    static QueryForm parse(String... encodedParts) {
        return new QueryForm(params(encodedParts), false);
    }

    /** The EC2 protocol's form: every list flattened ({@code Filter.1.Value.1}), whatever its trait says. */
    static QueryForm parseEc2(String... encodedParts) {
        return new QueryForm(params(encodedParts), true);
    }

    private static Map<String, String> params(String... encodedParts) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String encoded : encodedParts) {
            if (encoded == null || encoded.isEmpty()) {
                continue;
            }
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(decode(key), decode(value));
            }
        }
        return params;
    }

    String get(String name) {
        return params.get(name);
    }

    ObjectNode tree(List<SdkField<?>> fields) {
        return struct("", fields);
    }

    private ObjectNode struct(String prefix, List<SdkField<?>> fields) {
        ObjectNode node = NODES.objectNode();
        for (SdkField<?> field : fields) {
            JsonNode value = element(prefix + field.locationName(), field);
            if (value != null) {
                node.set(field.locationName(), value);
            }
        }
        return node;
    }

    private JsonNode element(String key, SdkField<?> field) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            return hasUnder(key) ? struct(key + ".", field.constructor().get().sdkFields()) : null;
        }
        if (type == MarshallingType.LIST) {
            return list(key, field.getRequiredTrait(ListTrait.class));
        }
        if (type == MarshallingType.MAP) {
            return map(key, field.getRequiredTrait(MapTrait.class));
        }
        String value = params.get(key);
        return value == null ? null : NODES.textNode(value);
    }

    private ArrayNode list(String key, ListTrait trait) {
        String base = trait.isFlattened() || flatLists ? key
                : key + "." + (trait.memberLocationName() == null ? "member" : trait.memberLocationName());
        if (!params.containsKey(key) && !hasUnder(base)) {
            return null;
        }
        ArrayNode list = NODES.arrayNode();
        for (int index = 1; ; index++) {
            JsonNode element = element(base + "." + index, trait.memberFieldInfo());
            if (element == null) {
                return list;
            }
            list.add(element);
        }
    }

    private ObjectNode map(String key, MapTrait trait) {
        String base = trait.isFlattened() || flatLists ? key : key + ".entry";
        if (!params.containsKey(key) && !hasUnder(base)) {
            return null;
        }
        ObjectNode map = NODES.objectNode();
        for (int index = 1; ; index++) {
            String entry = base + "." + index + ".";
            String mapKey = params.get(entry + trait.keyLocationName());
            if (mapKey == null) {
                return map;
            }
            JsonNode value = element(entry + trait.valueLocationName(), trait.valueFieldInfo());
            map.set(mapKey, value == null ? NODES.nullNode() : value);
        }
    }

    private boolean hasUnder(String key) {
        String prefix = key + ".";
        return params.keySet().stream().anyMatch(name -> name.startsWith(prefix));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
