package dev.greenlight.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

class OutcomeTest {

    @ParameterizedTest(name = "{0}, rolled back {1}: {2}")
    @CsvSource({
            "SUCCEEDED, false, SUCCEEDED",
            "FAILED,    true,  ROLLED_BACK",
            "FAILED,    false, FAILED",
            "TIMED_OUT, true,  TIMED_OUT",
            "ABORTED,   false, ABORTED"})
    void aFailedExecutionThatRolledBack_isARollback_everyOtherEndIsItsStatus(ExecutionStatus status,
            boolean rolledBack, Outcome outcome) {
        assertThat(Outcome.of(status, rolledBack)).isEqualTo(outcome);
    }

    @Test
    void aRunningExecution_hasNoOutcomeYet() {
        assertThatThrownBy(() -> Outcome.of(ExecutionStatus.RUNNING, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RUNNING");
    }
}
