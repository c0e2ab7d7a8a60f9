package dev.greenlight.local.asl.intrinsics;

/**
 * One token of an intrinsic function call.
 *
 * @param kind     what the token is
 * @param text     the token as written; for a string, the text between the quotes, escapes intact
 * @param position where the token starts in the expression, counting from 0
 */
record Token(Kind kind, String text, int position) {

    enum Kind {
        /** A function name or a keyword literal: {@code States.Format}, {@code true}, {@code null}. */
        NAME,
        OPEN,
        CLOSE,
        COMMA,
        STRING,
        NUMBER,
        PATH,
        END
    }

    boolean is(Kind other) {
        return kind == other;
    }
}
