package dev.greenlight.statemachine;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A test that needs a tool outside the JVM (the AWS CLI, npm packages, cfn-lint): on a developer's
 * machine without it the test is skipped with the reason; under CI ({@code CI=true}), where
 * {@code .ci/run} installs every tool, a missing one fails the run instead of passing it unchecked.
 * The same rule as local's {@code RequiredTool}: a test-jar shared between modules would break the
 * builds that skip the tests (scripts/greenlight).
 */
final class RequiredTool {

    private RequiredTool() {
    }

    static void assume(boolean present, String missing) {
        assume(present, missing, underCi());
    }

    static void assume(boolean present, String missing, boolean underCi) {
        if (!present && underCi) {
            fail(missing + ". CI must run every test: install it (.ci/run does, see the README's Tests section).");
        }
        assumeTrue(present, missing);
    }

    static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
