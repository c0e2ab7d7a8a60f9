package dev.greenlight.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

class NagTest {

    @Test
    void awsSolutionsChecksFindNoUnsuppressedErrors() {
        Synthesis.Synthesized app = Synthesis.of(Synthesis.TWO_SERVICES);
        StringBuilder found = new StringBuilder();
        for (Stack stack : List.of(app.stacks().pipeline(), app.stacks().demo())) {
            List<SynthesisMessage> errors = Annotations.fromStack(stack)
                    .findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
            errors.forEach(m -> found.append(m.getId()).append(' ')
                    .append(String.valueOf(m.getEntry().getData()).replaceAll(":.*", "")).append('\n'));
        }
        assertThat(found.toString()).isEmpty();
    }
}
