package dev.greenlight.local.asl.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.ParseCache;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JSONPath reads and Reference Path writes on Jackson trees, through the Jayway library. */
public final class JsonPaths {

    private static final Configuration CONFIG = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();

    /** One segment of Jayway's normalized path: {@code ['name']} or {@code [3]}. */
    private static final Pattern SEGMENT = Pattern.compile("\\['((?:[^'\\\\]|\\\\.)*)'\\]|\\[(\\d+)\\]");

    private static final ParseCache<JsonPath> COMPILED = new ParseCache<>();

    private JsonPaths() {
    }

    /** Compiles (and caches) a path; {@link IllegalArgumentException} names the problem. */
    public static JsonPath compile(String path) {
        JsonPath compiled = COMPILED.get(path);
        if (compiled != null) {
            return compiled;
        }
        if (path == null || !path.startsWith("$")) {
            throw new IllegalArgumentException("a JSONPath must start with '$': " + path);
        }
        if (!bracketsBalance(path)) {
            throw new IllegalArgumentException("unbalanced brackets in JSONPath: " + path);
        }
        try {
            compiled = JsonPath.compile(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        COMPILED.put(path, compiled);
        return compiled;
    }

    /** Jayway reads {@code $.a[} as {@code $.a} and {@code $.a]} as a field named "a]"; AWS refuses both. */
    private static boolean bracketsBalance(String path) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth < 0) {
                return false;
            }
        }
        return depth == 0 && quote == 0;
    }

    public static boolean isValid(String path) {
        try {
            compile(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A wildcard ({@code [*]}, {@code .*}) or a slice ({@code [1:]}, {@code [:2]}) outside quoted names. */
    private static final Pattern WILDCARD_OR_SLICE = Pattern.compile("\\[\\*\\]|\\[-?\\d*:-?\\d*(:-?\\d*)?\\]");
    private static final Pattern QUOTED_NAME = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'");

    /** Whether the path goes through a wildcard or a slice, where AWS answers an empty array for no match. */
    public static boolean hasWildcardOrSlice(String path) {
        String normalized = compile(path).getPath();
        return WILDCARD_OR_SLICE.matcher(QUOTED_NAME.matcher(normalized).replaceAll("''")).find();
    }

    /** A Reference Path names one node: no wildcards, filters, slices or functions. */
    public static boolean isReferencePath(String path) {
        try {
            return compile(path).isDefinite() && segments(path) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A path of plain field names only ({@code $.order.id}): most paths in definitions are. */
    private static final Pattern DOTTED_NAMES = Pattern.compile("\\$(\\.[A-Za-z_][A-Za-z0-9_]*)+");
    private static final ParseCache<String[]> NAMES = new ParseCache<>();
    private static final String[] NOT_DOTTED = new String[0];

    /** The value at {@code path} in {@code document}; an indefinite path gives an array. */
    public static JsonNode read(JsonNode document, String path) {
        JsonPath compiled = compile(path);
        if ("$".equals(path)) {
            return document;
        }
        JsonNode found = walkFields(document, NAMES.computeIfAbsent(path, JsonPaths::dottedNames));
        if (found != null) {
            return found;
        }
        try {
            Object result = compiled.read(document, CONFIG);
            return (JsonNode) result;
        } catch (com.jayway.jsonpath.PathNotFoundException e) {
            throw new PathNotFoundException(path);
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new PathNotFoundException(path);
        }
    }

    /**
     * The node a path of plain field names leads to when every step finds an object and the field in it, as Jayway
     * would answer, without its machinery; null otherwise (then Jayway decides, for its answer or its failure).
     */
    private static JsonNode walkFields(JsonNode document, String[] names) {
        if (names.length == 0) {
            return null;
        }
        JsonNode node = document;
        for (String name : names) {
            if (!(node instanceof ObjectNode object)) {
                return null;
            }
            node = object.get(name);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static String[] dottedNames(String path) {
        return DOTTED_NAMES.matcher(path).matches() ? path.substring(2).split("\\.") : NOT_DOTTED;
    }

    /**
     * A copy of {@code document} with {@code value} placed at the Reference Path {@code path},
     * creating the objects on the way, as ResultPath does. Returns null when a node on the way is
     * not an object (AWS: States.ResultPathMatchFailure).
     */
    public static JsonNode put(JsonNode document, String path, JsonNode value) {
        List<Object> steps = segments(path);
        if (steps == null) {
            throw new IllegalArgumentException("not a Reference Path: " + path);
        }
        if (steps.isEmpty()) {
            return value;
        }
        // Only the nodes on the way are copied: values are never changed once made, so the rest is shared.
        JsonNode root = document == null ? Json.NODES.objectNode() : shallowCopy(document);
        JsonNode node = root;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step instanceof String field) {
                if (!(node instanceof ObjectNode object)) {
                    return null;
                }
                if (last) {
                    object.set(field, value);
                } else {
                    JsonNode child = object.get(field);
                    child = child == null || child.isNull() ? Json.NODES.objectNode() : shallowCopy(child);
                    object.set(field, child);
                    node = child;
                }
            } else {
                int index = (Integer) step;
                if (!(node instanceof ArrayNode array) || index >= array.size()) {
                    return null;
                }
                if (last) {
                    array.set(index, value);
                } else {
                    JsonNode child = shallowCopy(array.get(index));
                    array.set(index, child);
                    node = child;
                }
            }
        }
        return root;
    }

    /** A new container holding the same children; a value that is not a container is returned as it is. */
    private static JsonNode shallowCopy(JsonNode node) {
        if (node instanceof ObjectNode object) {
            return Json.NODES.objectNode().setAll(object);
        }
        if (node instanceof ArrayNode array) {
            return Json.NODES.arrayNode(array.size()).addAll(array);
        }
        return node;
    }

    /** Field names and indexes of a definite path, or null when it has other kinds of steps. */
    private static List<Object> segments(String path) {
        List<Object> steps = SEGMENTS.computeIfAbsent(path, JsonPaths::splitSegments);
        return steps == NOT_DEFINITE ? null : steps;
    }

    private static final ParseCache<List<Object>> SEGMENTS = new ParseCache<>();
    /** Marks a path with other kinds of steps; its own object, so that it is never mistaken for {@code $}'s none. */
    private static final List<Object> NOT_DEFINITE = java.util.Collections.unmodifiableList(new ArrayList<>());

    private static List<Object> splitSegments(String path) {
        String normalized = compile(path).getPath();
        List<Object> steps = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(normalized);
        int at = 1;
        while (at < normalized.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                return NOT_DEFINITE;
            }
            steps.add(matcher.group(1) != null ? matcher.group(1).replace("\\'", "'") : Integer.valueOf(matcher.group(2)));
            at = matcher.end();
        }
        return List.copyOf(steps);
    }
}
