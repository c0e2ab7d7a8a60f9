package dev.greenlight.local.asl.choice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code StringMatches} pattern: "*" matches zero or more characters and nothing else is special,
 * except that {@code \*} is a literal "*" and {@code \\} a literal backslash.
 *
 * @param literals the text between the wildcards, in order; a pattern without "*" has one
 */
record Wildcard(List<String> literals) {

    Wildcard {
        literals = List.copyOf(literals);
    }

    /**
     * The pattern, or empty when it has an open escape: a backslash that starts neither {@code \*} nor
     * {@code \\}, which the spec makes an error.
     */
    static Optional<Wildcard> parse(String pattern) {
        List<String> literals = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                literals.add(literal.toString());
                literal.setLength(0);
            } else if (c != '\\') {
                literal.append(c);
            } else if (i + 1 < pattern.length() && (pattern.charAt(i + 1) == '*' || pattern.charAt(i + 1) == '\\')) {
                literal.append(pattern.charAt(++i));
            } else {
                return Optional.empty();
            }
        }
        literals.add(literal.toString());
        return Optional.of(new Wildcard(literals));
    }

    /**
     * Whether {@code text} matches: it starts with the first literal, ends with the last, and holds the
     * ones between in order. Taking each middle literal at its earliest place is always safe, so this
     * needs no backtracking.
     */
    boolean matches(String text) {
        String first = literals.get(0);
        if (literals.size() == 1) {
            return text.equals(first);
        }
        String last = literals.get(literals.size() - 1);
        if (text.length() < first.length() + last.length() || !text.startsWith(first) || !text.endsWith(last)) {
            return false;
        }
        int from = first.length();
        int end = text.length() - last.length();
        for (String middle : literals.subList(1, literals.size() - 1)) {
            int at = text.indexOf(middle, from);
            if (at < 0 || at + middle.length() > end) {
                return false;
            }
            from = at + middle.length();
        }
        return true;
    }
}
