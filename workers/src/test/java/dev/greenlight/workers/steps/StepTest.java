package dev.greenlight.workers.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.workers.core.Worker;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalogue every deployment of the pipeline derives from: each entry must name a real worker. */
class StepTest {

    @ParameterizedTest
    @EnumSource(Step.class)
    void eachStep_namesAWorkerClass_withANoArgumentConstructorForTheLambdaRuntime(Step step) throws Exception {
        String className = step.handler().substring(0, step.handler().indexOf("::"));
        Class<?> worker = Class.forName(className);

        assertThat(Worker.class).isAssignableFrom(worker);
        assertThat(worker.getConstructor()).isNotNull();
        assertThat(step.id()).isEqualTo(worker.getSimpleName());
        assertThat(step.timeoutSeconds()).isBetween(1, 900);
    }

    @Test
    void twinFunctionsAndSubstitutions_areUnique() {
        assertThat(Arrays.stream(Step.values()).map(Step::twinFunction)).doesNotHaveDuplicates();
        assertThat(Step.calledByStateMachine().stream().map(Step::substitution)).doesNotHaveDuplicates()
                .allMatch(name -> name.endsWith("Function"));
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void everyGrant_namesActionsAsService_colon_Operation(Step step) {
        step.grants().forEach(grant -> assertThat(grant.actions()).isNotEmpty()
                .allMatch(action -> action.matches("[a-z0-9-]+:[A-Z][A-Za-z]+"), "service:Operation"));
    }
}
