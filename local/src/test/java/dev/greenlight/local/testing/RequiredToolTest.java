package dev.greenlight.local.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredToolTest {

    @Test
    void aMissingTool_failsUnderCi() {
        assertThatThrownBy(() -> RequiredTool.assume(false, "cfn-lint is not installed", true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("cfn-lint is not installed. CI must run every test");
    }

    @Test
    void aMissingTool_skipsElsewhere_andAPresentOnePasses() {
        assertThatThrownBy(() -> RequiredTool.assume(false, "cfn-lint is not installed", false))
                .isInstanceOf(TestAbortedException.class);
        assertThatCode(() -> RequiredTool.assume(true, "unused", true)).doesNotThrowAnyException();
    }
}
