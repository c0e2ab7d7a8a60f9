package dev.greenlight.local.asl.intrinsics;

import dev.greenlight.local.asl.intrinsics.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an intrinsic function call into tokens. No library knows this small grammar: names,
 * parentheses, commas, {@code 'string'} literals with AWS's escapes, JSON numbers, keyword
 * literals, and Paths, which run to the next comma, closing parenthesis or space outside brackets.
 */
final class IntrinsicTokenizer {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*");

    /** JSON's number grammar: {@code 1.} and {@code .5} are not numbers. */
    private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

    /** AWS: "If an open escape backslash \ is found in the intrinsic invocation string, the interpreter will return a runtime error." */
    private static final String ESCAPABLE = "'{}\\";

    private final String expression;
    private int at;

    private IntrinsicTokenizer(String expression) {
        this.expression = expression;
    }

    static List<Token> tokenize(String expression) {
        return new IntrinsicTokenizer(expression).tokens();
    }

    private List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (at < expression.length() && Character.isWhitespace(expression.charAt(at))) {
                at++;
            }
            if (at == expression.length()) {
                tokens.add(new Token(Kind.END, "", at));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        char c = expression.charAt(at);
        switch (c) {
            case '(':
                return single(Kind.OPEN);
            case ')':
                return single(Kind.CLOSE);
            case ',':
                return single(Kind.COMMA);
            case '\'':
                return string();
            case '$':
                return path();
            default:
                break;
        }
        if (c == '-' || Character.isDigit(c)) {
            return matched(NUMBER, Kind.NUMBER);
        }
        if (Character.isLetter(c) || c == '_') {
            return matched(NAME, Kind.NAME);
        }
        throw new IntrinsicSyntaxException("Unexpected character '" + c + "' at position " + at + ".");
    }

    private Token single(Kind kind) {
        return new Token(kind, String.valueOf(expression.charAt(at)), at++);
    }

    private Token matched(Pattern pattern, Kind kind) {
        Matcher matcher = pattern.matcher(expression).region(at, expression.length());
        if (!matcher.lookingAt()) {
            throw new IntrinsicSyntaxException("Unexpected character '" + expression.charAt(at) + "' at position " + at + ".");
        }
        Token token = new Token(kind, matcher.group(), at);
        at = matcher.end();
        return token;
    }

    private Token string() {
        int start = at++;
        while (at < expression.length()) {
            char c = expression.charAt(at);
            if (c == '\'') {
                at++;
                return new Token(Kind.STRING, expression.substring(start + 1, at - 1), start);
            }
            if (c == '\\') {
                if (at + 1 == expression.length() || ESCAPABLE.indexOf(expression.charAt(at + 1)) < 0) {
                    throw new IntrinsicSyntaxException("The backslash at position " + at
                            + " escapes nothing; only \\', \\{, \\} and \\\\ are escapes.");
                }
                at++;
            }
            at++;
        }
        throw new IntrinsicSyntaxException("The string starting at position " + start + " has no closing quote.");
    }

    private Token path() {
        int start = at;
        int depth = 0;
        while (at < expression.length()) {
            char c = expression.charAt(at);
            if (depth == 0 && (c == ',' || c == ')' || Character.isWhitespace(c))) {
                break;
            }
            if (c == '[' || c == '(') {
                depth++;
            } else if ((c == ']' || c == ')') && depth > 0) {
                depth--;
            } else if ((c == '\'' || c == '"') && depth > 0) {
                skipQuoted(c);
            }
            at++;
        }
        return new Token(Kind.PATH, expression.substring(start, at), start);
    }

    /** Moves to the quote closing the one at {@code at}, so brackets and commas inside it are text. */
    private void skipQuoted(char quote) {
        at++;
        while (at < expression.length() && expression.charAt(at) != quote) {
            at += expression.charAt(at) == '\\' ? 2 : 1;
        }
        at = Math.min(at, expression.length() - 1);
    }
}
