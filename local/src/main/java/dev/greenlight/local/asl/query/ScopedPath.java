package dev.greenlight.local.asl.query;

import dev.greenlight.local.asl.ParseCache;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path as ASL writes it, split into what it reads and a JSONPath into that:
 * {@code $.order.id} reads the input, {@code $$.Execution.Id} the context object and
 * {@code $order.id} the variable {@code order}.
 *
 * @param variable the variable's name when {@code scope} is VARIABLE
 * @param path     a JSONPath, starting with {@code $}, into the selected document
 */
public record ScopedPath(Scope scope, String variable, String path) {

    public enum Scope { INPUT, CONTEXT, VARIABLE }

    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)(.*)", Pattern.DOTALL);

    /** Valid paths, split once each: a definition's paths are few and read on every transition. */
    private static final ParseCache<ScopedPath> PARSED = new ParseCache<>();

    /** Splits {@code text}; {@link IllegalArgumentException} when it is no valid path. */
    public static ScopedPath parse(String text) {
        ScopedPath scoped = text == null ? null : PARSED.get(text);
        if (scoped == null) {
            scoped = split(text);
            JsonPaths.compile(scoped.path);
            PARSED.put(text, scoped);
        }
        return scoped;
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A valid path naming one node, as Variable, ResultPath and the {@code ...Path} fields must. */
    public static boolean isReferencePath(String text) {
        return isValid(text) && JsonPaths.isReferencePath(parse(text).path());
    }

    private static ScopedPath split(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("a path must start with '$': " + text);
        }
        if (text.startsWith("$$")) {
            return new ScopedPath(Scope.CONTEXT, null, text.substring(1));
        }
        Matcher variable = VARIABLE.matcher(text);
        if (variable.matches()) {
            return new ScopedPath(Scope.VARIABLE, variable.group(1), "$" + variable.group(2));
        }
        return new ScopedPath(Scope.INPUT, null, text);
    }
}
