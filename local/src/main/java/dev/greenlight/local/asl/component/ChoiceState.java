package dev.greenlight.local.asl.component;

import dev.greenlight.local.asl.choice.ChoiceRule;
import java.util.List;

/** Goes to the first choice whose rule (JSONPath) or Condition (JSONata) holds, else to Default. */
public record ChoiceState(String name, DataFlow dataFlow, List<Choice> choices, String defaultNext)
        implements State {

    public String type() {
        return "Choice";
    }

    /** One entry of Choices: exactly one of {@code rule} and {@code condition} is set. */
    public record Choice(ChoiceRule rule, String condition, String next, Template assign, Template output) {
    }
}
