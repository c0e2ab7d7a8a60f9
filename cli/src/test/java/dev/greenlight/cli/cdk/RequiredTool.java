package dev.greenlight.cli.cdk;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A test that needs something outside the JVM (the pinned CDK CLI, the built infra app): skipped
 * with the reason on a developer's machine without it, a failure under CI ({@code CI=true}), where
 * {@code .ci/run} installs the tools and builds every module first. The same rule as local's and
 * infra's {@code RequiredTool} (a test-jar shared between modules would break builds that skip tests).
 */
final class RequiredTool {

    private RequiredTool() {
    }

    static void assume(boolean present, String missing) {
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(missing + ". CI must run every test: install it (.ci/run does, see the README's Tests section).");
        }
        assumeTrue(present, missing);
    }
}
