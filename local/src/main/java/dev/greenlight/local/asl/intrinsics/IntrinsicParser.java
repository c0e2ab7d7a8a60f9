package dev.greenlight.local.asl.intrinsics;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.intrinsics.Argument.Invocation;
import dev.greenlight.local.asl.intrinsics.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link Argument} tree of one intrinsic function call from its tokens. */
final class IntrinsicParser {

    private final List<Token> tokens;
    private int next;

    private IntrinsicParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The call that is the whole of {@code expression}; surrounding whitespace is allowed. */
    static Invocation parse(String expression) {
        IntrinsicParser parser = new IntrinsicParser(IntrinsicTokenizer.tokenize(expression));
        Invocation call = parser.invocation(parser.expect(Kind.NAME, "a function name such as States.Format"));
        parser.expect(Kind.END, "the end of the expression");
        return call;
    }

    private Invocation invocation(Token name) {
        expect(Kind.OPEN, "'(' after " + name.text());
        List<Argument> arguments = new ArrayList<>();
        if (tokens.get(next).is(Kind.CLOSE)) {
            next++;
            return new Invocation(name.text(), arguments);
        }
        do {
            arguments.add(argument());
        } while (accept(Kind.COMMA));
        expect(Kind.CLOSE, "',' or ')'");
        return new Invocation(name.text(), arguments);
    }

    private Argument argument() {
        Token token = tokens.get(next);
        next++;
        return switch (token.kind()) {
            case STRING -> new Argument.Text(token.text());
            case NUMBER -> new Argument.Literal(Json.parse(token.text()));
            case PATH -> new Argument.Path(token.text());
            case NAME -> tokens.get(next).is(Kind.OPEN) ? invocation(token) : keyword(token);
            default -> throw unexpected(token, "an argument");
        };
    }

    private static Argument keyword(Token token) {
        return switch (token.text()) {
            case "null" -> new Argument.Literal(Json.NODES.nullNode());
            case "true" -> new Argument.Literal(Json.NODES.booleanNode(true));
            case "false" -> new Argument.Literal(Json.NODES.booleanNode(false));
            default -> throw new IntrinsicSyntaxException("'" + token.text() + "' at position " + token.position()
                    + " is not an argument; write a string in single quotes, a number, true, false, null,"
                    + " a Path or a function call.");
        };
    }

    private boolean accept(Kind kind) {
        if (!tokens.get(next).is(kind)) {
            return false;
        }
        next++;
        return true;
    }

    private Token expect(Kind kind, String expected) {
        Token token = tokens.get(next);
        if (!token.is(kind)) {
            throw unexpected(token, expected);
        }
        next++;
        return token;
    }

    private static IntrinsicSyntaxException unexpected(Token token, String expected) {
        String found = switch (token.kind()) {
            case END -> "the end of the expression";
            case STRING -> "'" + token.text() + "'";
            default -> token.text();
        };
        return new IntrinsicSyntaxException(
                "Expected " + expected + " at position " + token.position() + " but found " + found + ".");
    }
}
