package dev.greenlight.local.asl.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.greenlight.local.asl.query.SimpleExpression.ArrayConstructor;
import dev.greenlight.local.asl.query.SimpleExpression.Binary;
import dev.greenlight.local.asl.query.SimpleExpression.Literal;
import dev.greenlight.local.asl.query.SimpleExpression.Merge;
import dev.greenlight.local.asl.query.SimpleExpression.ObjectConstructor;
import dev.greenlight.local.asl.query.SimpleExpression.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSONata expressions {@link SimpleExpression} can evaluate, with JSONata's operator precedence; returns
 * null for any other text (which the library then parses and evaluates, and reports when it is wrong). What it takes
 * is a strict subset of JSONata: names of plain letters, digits and underscores; strings without escapes; numbers
 * without a sign; no comments, functions other than {@code $merge}, filters, predicates or unary minus.
 */
final class SimpleExpressionParser {

    /** JSONata's binding powers of the binary operators this reader takes. */
    private static final Map<String, Integer> PRECEDENCE = Map.ofEntries(
            Map.entry("or", 25), Map.entry("and", 30),
            Map.entry("=", 40), Map.entry("!=", 40), Map.entry("<", 40), Map.entry("<=", 40), Map.entry(">", 40),
            Map.entry(">=", 40),
            Map.entry("+", 50), Map.entry("-", 50), Map.entry("&", 50),
            Map.entry("*", 60), Map.entry("/", 60), Map.entry("%", 60));

    /** Words JSONata reads as operators or values, never as a field name here. */
    private static final Set<String> RESERVED = Set.of("and", "or", "in", "true", "false", "null", "function");

    private final String text;
    private int at;

    private SimpleExpressionParser(String text) {
        this.text = text;
    }

    /** The expression, or null when it is not one of the simple forms. */
    static SimpleExpression parse(String expression) {
        SimpleExpressionParser parser = new SimpleExpressionParser(expression);
        try {
            SimpleExpression parsed = parser.expression(0);
            parser.skipSpace();
            return parser.at == expression.length() ? parsed : null;
        } catch (NotSimple e) {
            return null;
        }
    }

    private SimpleExpression expression(int minimumPrecedence) {
        SimpleExpression lhs = primary();
        while (true) {
            skipSpace();
            String operator = operator();
            Integer precedence = operator == null ? null : PRECEDENCE.get(operator);
            if (precedence == null || precedence <= minimumPrecedence) {
                return lhs;
            }
            at += operator.length();
            lhs = new Binary(lhs, operator, expression(precedence));
        }
    }

    /** The binary operator at the cursor, not consumed; null when there is none. */
    private String operator() {
        if (at >= text.length()) {
            return null;
        }
        char c = text.charAt(at);
        if (c == '/' && at + 1 < text.length() && text.charAt(at + 1) == '*') {
            throw NotSimple.INSTANCE;
        }
        if ((c == '!' || c == '<' || c == '>') && at + 1 < text.length() && text.charAt(at + 1) == '=') {
            return text.substring(at, at + 2);
        }
        if ("+-*/%&=<>".indexOf(c) >= 0) {
            return String.valueOf(c);
        }
        if (Character.isLetter(c)) {
            String word = word();
            return word.equals("and") || word.equals("or") ? word : null;
        }
        return null;
    }

    private SimpleExpression primary() {
        skipSpace();
        if (at >= text.length()) {
            throw NotSimple.INSTANCE;
        }
        char c = text.charAt(at);
        if (c == '$') {
            at++;
            return variable(name());
        }
        if (c == '\'' || c == '"') {
            return new Literal(TextNode.valueOf(string()));
        }
        if (c >= '0' && c <= '9') {
            return new Literal(number());
        }
        if (c == '(') {
            at++;
            SimpleExpression inner = expression(0);
            expect(')');
            return inner;
        }
        if (c == '{') {
            return object();
        }
        if (c == '[') {
            at++;
            List<SimpleExpression> elements = new ArrayList<>();
            if (!consume(']')) {
                do {
                    elements.add(expression(0));
                } while (consume(','));
                expect(']');
            }
            return new ArrayConstructor(List.copyOf(elements));
        }
        String word = word();
        at += word.length();
        return switch (word) {
            case "true" -> new Literal(BooleanNode.TRUE);
            case "false" -> new Literal(BooleanNode.FALSE);
            default -> throw NotSimple.INSTANCE;
        };
    }

    /** {@code $name} followed by field steps, or {@code $merge(argument)}. */
    private SimpleExpression variable(String name) {
        skipSpace();
        if (at < text.length() && text.charAt(at) == '(') {
            if (!name.equals("merge")) {
                throw NotSimple.INSTANCE;
            }
            at++;
            SimpleExpression argument = expression(0);
            expect(')');
            return new Merge(argument);
        }
        List<String> steps = new ArrayList<>();
        while (consume('.')) {
            skipSpace();
            String step = name();
            if (RESERVED.contains(step)) {
                throw NotSimple.INSTANCE;
            }
            steps.add(step);
        }
        return new Path(name, List.copyOf(steps));
    }

    private SimpleExpression object() {
        at++;
        List<String> keys = new ArrayList<>();
        List<SimpleExpression> values = new ArrayList<>();
        if (!consume('}')) {
            do {
                skipSpace();
                if (at >= text.length() || text.charAt(at) != '\'' && text.charAt(at) != '"') {
                    throw NotSimple.INSTANCE;
                }
                String key = string();
                if (keys.contains(key)) {
                    throw NotSimple.INSTANCE;
                }
                expect(':');
                keys.add(key);
                values.add(expression(0));
            } while (consume(','));
            expect('}');
        }
        return new ObjectConstructor(List.copyOf(keys), List.copyOf(values));
    }

    /** A quoted string without escapes. */
    private String string() {
        char quote = text.charAt(at);
        int end = text.indexOf(quote, at + 1);
        if (end < 0) {
            throw NotSimple.INSTANCE;
        }
        String value = text.substring(at + 1, end);
        if (value.indexOf('\\') >= 0) {
            throw NotSimple.INSTANCE;
        }
        at = end + 1;
        return value;
    }

    /** A number as the library's tokenizer makes it: a double, then an int or a long where it is whole. */
    private JsonNode number() {
        int start = at;
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            at++;
        }
        String digits = text.substring(start, at);
        if (!digits.matches("(0|[1-9][0-9]*)(\\.[0-9]+)?")
                || at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            throw NotSimple.INSTANCE;
        }
        return Operators.number(Double.parseDouble(digits));
    }

    private String name() {
        String name = word();
        if (name.isEmpty()) {
            throw NotSimple.INSTANCE;
        }
        at += name.length();
        return name;
    }

    /** The letters, digits and underscores at the cursor (not starting with a digit), not consumed. */
    private String word() {
        int end = at;
        while (end < text.length() && isNameCharacter(text.charAt(end), end == at)) {
            end++;
        }
        if (end < text.length() && !isBoundary(text.charAt(end))) {
            throw NotSimple.INSTANCE;
        }
        return text.substring(at, end);
    }

    private static boolean isNameCharacter(char c, boolean first) {
        return c < 128 && (Character.isLetter(c) || c == '_' || !first && Character.isDigit(c));
    }

    /** What may follow a name: anything else (a backtick, a non-ASCII letter, '#', '@') is beyond this reader. */
    private static boolean isBoundary(char c) {
        return isSpace(c) || "+-*/%&=!<>.,:()[]{}'\"".indexOf(c) >= 0;
    }

    private boolean consume(char c) {
        skipSpace();
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw NotSimple.INSTANCE;
        }
    }

    private void skipSpace() {
        while (at < text.length() && isSpace(text.charAt(at))) {
            at++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** The text is not one of the simple forms. */
    private static final class NotSimple extends RuntimeException {
        static final NotSimple INSTANCE = new NotSimple();

        private NotSimple() {
            super(null, null, false, false);
        }
    }
}
