package dev.greenlight.local.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One argument of an intrinsic function as written: a string literal, another literal (number,
 * boolean, null), a Path, or a nested invocation.
 */
sealed interface Argument {

    /** A string literal, kept as written between the quotes, so States.Format can tell an escaped brace from a placeholder. */
    record Text(String source) implements Argument {

        /** The string with AWS's escapes ({@code \' \{ \} \\}) resolved. */
        String value() {
            StringBuilder value = new StringBuilder(source.length());
            for (int i = 0; i < source.length(); i++) {
                char c = source.charAt(i);
                value.append(c == '\\' ? source.charAt(++i) : c);
            }
            return value.toString();
        }
    }

    /** A number, {@code true}, {@code false} or {@code null}. */
    record Literal(JsonNode value) implements Argument {
    }

    /** A Path: {@code $...} the input, {@code $$...} the context object, {@code $name...} a variable. */
    record Path(String path) implements Argument {
    }

    /** A nested intrinsic function call; the name is checked against {@link StatesFunction} later. */
    record Invocation(String name, List<Argument> arguments) implements Argument {

        public Invocation {
            arguments = List.copyOf(arguments);
        }
    }
}
