package dev.greenlight.local.asl.intrinsics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** States.MathRandom and States.UUID draw from the injected generator, so their results can be pinned. */
class RandomIntrinsicsTest {

    private static final StatePaths GUIDE_INPUT = StatePaths.input("{'start': 1, 'end': 999}");

    private static JsonNode evaluate(long generatorSeed, String expression) {
        return new IntrinsicFunctions(new SplittableRandom(generatorSeed)).evaluate(expression, GUIDE_INPUT);
    }

    @Test
    void mathRandom_guideExample_givesIntegersFromStartUpToButExcludingEnd() {
        // AWS guide: States.MathRandom($.start, $.end) with {"start": 1, "end": 999} gives a number such as 456.
        IntStream.range(0, 500).mapToObj(seed -> evaluate(seed, "States.MathRandom($.start, $.end)")).forEach(value -> {
            assertThat(value.isInt()).as("%s is an integer", value).isTrue();
            assertThat(value.intValue()).isBetween(1, 998);
        });
    }

    @Test
    void mathRandom_rangeOfOneNumber_givesTheStartBecauseTheEndIsExcluded() {
        assertThat(evaluate(7, "States.MathRandom(5, 6)").intValue()).isEqualTo(5);
    }

    @Test
    void mathRandom_withoutSeed_drawsFromTheInjectedGenerator() {
        assertThat(evaluate(3, "States.MathRandom(0, 1000000)")).isEqualTo(evaluate(3, "States.MathRandom(0, 1000000)"));
        assertThat(evaluate(3, "States.MathRandom(0, 1000000)")).isNotEqualTo(evaluate(4, "States.MathRandom(0, 1000000)"));
    }

    @Test
    void mathRandom_withSeed_givesTheSameNumberWhateverTheGenerator() {
        // AWS guide: "if you use this function with the same seed value, it will return identical numbers".
        assertThat(evaluate(3, "States.MathRandom(0, 1000000, 42)"))
                .isEqualTo(evaluate(4, "States.MathRandom(0, 1000000, 42)"))
                .isNotEqualTo(evaluate(3, "States.MathRandom(0, 1000000, 43)"));
    }

    @ParameterizedTest(name = "generator always giving {0} -> {1}")
    @CsvSource({
            "0, 00000000-0000-4000-8000-000000000000",
            "-1, ffffffff-ffff-4fff-bfff-ffffffffffff"
    })
    void uuid_takesAllButTheVersionAndVariantBitsFromTheGenerator(long everyDraw, String expected) {
        RandomGenerator constant = () -> everyDraw;
        assertThat(new IntrinsicFunctions(constant).evaluate("States.UUID()", GUIDE_INPUT).textValue())
                .isEqualTo(expected);
    }

    @Test
    void uuid_guideExampleShape_isAVersion4Uuid() {
        // AWS guide: States.UUID() gives a value such as "ca4c1140-dcc1-40cd-ad05-7b4aa23df4a8".
        assertThat(evaluate(11, "States.UUID()").textValue())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
                .isNotEqualTo(evaluate(12, "States.UUID()").textValue());
    }
}
