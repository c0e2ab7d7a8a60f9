package dev.greenlight.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A test that needs a tool outside the JVM (Chromium and its WebDriver): on a developer's machine
 * without it the test is skipped with the reason; under CI ({@code CI=true}), where scripts/test-tools
 * installs every tool, a missing one fails the run instead of passing it unchecked. The same rule as
 * local's and statemachine's {@code RequiredTool} (a test-jar shared between modules would break the
 * builds that skip the tests).
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    public static void assume(boolean present, String missing) {
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(missing + ". CI must run every test: install it (scripts/test-tools does, see the README's Tests "
                    + "section).");
        }
        assumeTrue(present, missing);
    }
}
