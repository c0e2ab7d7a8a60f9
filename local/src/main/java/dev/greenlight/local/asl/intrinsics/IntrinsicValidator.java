package dev.greenlight.local.asl.intrinsics;

import dev.greenlight.local.asl.intrinsics.Argument.Invocation;
import dev.greenlight.local.asl.query.ScopedPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What can be known about an intrinsic call before it runs: its syntax, its function names, their
 * argument counts (and the placeholder count of a literal States.Format template), its JSONPaths.
 */
final class IntrinsicValidator {

    private IntrinsicValidator() {
    }

    static List<String> problems(String expression) {
        Invocation call;
        try {
            call = IntrinsicParser.parse(expression);
        } catch (IntrinsicSyntaxException e) {
            return List.of(e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        check(call, problems);
        return List.copyOf(problems);
    }

    private static void check(Invocation call, List<String> problems) {
        int count = call.arguments().size();
        Optional<StatesFunction> function = StatesFunction.named(call.name());
        if (function.isEmpty()) {
            problems.add(call.name() + " is not an intrinsic function.");
        } else if (!function.get().accepts(count)) {
            problems.add(function.get().arityProblem(count));
        } else if (function.get() == StatesFunction.FORMAT && call.arguments().get(0) instanceof Argument.Text template) {
            checkTemplate(template, count - 1, problems);
        }
        for (Argument argument : call.arguments()) {
            if (argument instanceof Invocation nested) {
                check(nested, problems);
            } else if (argument instanceof Argument.Path path && !ScopedPath.isValid(path.path())) {
                problems.add("'" + path.path() + "' given to " + call.name() + " is not a valid JSONPath.");
            }
        }
    }

    private static void checkTemplate(Argument.Text template, int values, List<String> problems) {
        try {
            int placeholders = FormatFunction.literalPieces(template.source()).size() - 1;
            if (placeholders != values) {
                problems.add("In States.Format, " + FormatFunction.placeholderProblem(placeholders, values));
            }
        } catch (IntrinsicSyntaxException e) {
            problems.add("In States.Format, " + e.getMessage());
        }
    }
}
