package dev.greenlight.local.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.greenlight.local.asl.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * States.Format: "The interpreter returns the string defined in the first argument with each {}
 * replaced by the value of the positionally-corresponding argument."
 */
final class FormatFunction {

    private static final String PLACEHOLDER = "{}";

    private FormatFunction() {
    }

    /** {@code template} is the first argument as written: a literal's escapes decide which braces are placeholders. */
    static JsonNode format(Argument template, Arguments arguments) {
        List<String> pieces;
        if (template instanceof Argument.Text literal) {
            try {
                pieces = literalPieces(literal.source());
            } catch (IntrinsicSyntaxException e) {
                throw arguments.invalid(e.getMessage());
            }
        } else {
            pieces = List.of(arguments.string(0, "template").split(Pattern.quote(PLACEHOLDER), -1));
        }
        int values = arguments.size() - 1;
        if (pieces.size() - 1 != values) {
            throw arguments.invalid(placeholderProblem(pieces.size() - 1, values));
        }
        StringBuilder formatted = new StringBuilder(pieces.get(0));
        for (int i = 1; i < pieces.size(); i++) {
            formatted.append(render(arguments.get(i))).append(pieces.get(i));
        }
        return TextNode.valueOf(formatted.toString());
    }

    /**
     * A literal template cut at its {@code {}} placeholders, escapes resolved. A brace that is
     * neither escaped nor half of a placeholder is refused, as AWS fails States.Format('Hello {') and States.Format('}').
     */
    static List<String> literalPieces(String source) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                piece.append(source.charAt(++i));
            } else if (source.startsWith(PLACEHOLDER, i)) {
                pieces.add(piece.toString());
                piece.setLength(0);
                i++;
            } else if (c == '{' || c == '}') {
                throw new IntrinsicSyntaxException("the template has a '" + c + "' at position " + i
                        + " that is not part of a {} placeholder; write \\" + c + " for the character itself.");
            } else {
                piece.append(c);
            }
        }
        pieces.add(piece.toString());
        return pieces;
    }

    static String placeholderProblem(int placeholders, int values) {
        return "the template has " + placeholders + (placeholders == 1 ? " {} placeholder" : " {} placeholders")
                + ", but " + values + (values == 1 ? " value follows it." : " values follow it.");
    }

    /**
     * A value as AWS writes it into the string: the way Java prints the parsed value, so strings
     * appear without quotes and objects as {@code {Arg1=1, Arg2=[]}} (LocalStack's recordings of AWS).
     */
    static String render(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isArray()) {
            return StreamSupport.stream(value.spliterator(), false)
                    .map(FormatFunction::render)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (value.isObject()) {
            return value.properties().stream()
                    .map(FormatFunction::renderField)
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return Json.write(value);
    }

    private static String renderField(Map.Entry<String, JsonNode> field) {
        return field.getKey() + "=" + render(field.getValue());
    }
}
