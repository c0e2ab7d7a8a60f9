package dev.greenlight.local.asl.intrinsics;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The intrinsic functions of JSONPath-mode ASL, named and counted as AWS documents them. */
enum StatesFunction {
    FORMAT("States.Format", 1, Integer.MAX_VALUE),
    STRING_TO_JSON("States.StringToJson", 1, 1),
    JSON_TO_STRING("States.JsonToString", 1, 1),
    ARRAY("States.Array", 0, Integer.MAX_VALUE),
    ARRAY_PARTITION("States.ArrayPartition", 2, 2),
    ARRAY_CONTAINS("States.ArrayContains", 2, 2),
    ARRAY_RANGE("States.ArrayRange", 3, 3),
    ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2),
    ARRAY_LENGTH("States.ArrayLength", 1, 1),
    ARRAY_UNIQUE("States.ArrayUnique", 1, 1),
    BASE64_ENCODE("States.Base64Encode", 1, 1),
    BASE64_DECODE("States.Base64Decode", 1, 1),
    HASH("States.Hash", 2, 2),
    JSON_MERGE("States.JsonMerge", 3, 3),
    MATH_RANDOM("States.MathRandom", 2, 3),
    MATH_ADD("States.MathAdd", 2, 2),
    STRING_SPLIT("States.StringSplit", 2, 2),
    UUID("States.UUID", 0, 0);

    private final String specName;
    private final int fewestArguments;
    private final int mostArguments;

    StatesFunction(String specName, int fewestArguments, int mostArguments) {
        this.specName = specName;
        this.fewestArguments = fewestArguments;
        this.mostArguments = mostArguments;
    }

    private static final Map<String, StatesFunction> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(StatesFunction::specName, function -> function));

    static Optional<StatesFunction> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    String specName() {
        return specName;
    }

    boolean accepts(int argumentCount) {
        return argumentCount >= fewestArguments && argumentCount <= mostArguments;
    }

    /** "States.ArrayRange takes 3 arguments, but 2 were given." */
    String arityProblem(int argumentCount) {
        String takes;
        if (fewestArguments == mostArguments) {
            takes = count(fewestArguments);
        } else if (mostArguments == Integer.MAX_VALUE) {
            takes = "at least " + count(fewestArguments);
        } else {
            takes = fewestArguments + " or " + count(mostArguments);
        }
        return specName + " takes " + takes + ", but " + argumentCount + (argumentCount == 1 ? " was" : " were")
                + " given.";
    }

    private static String count(int arguments) {
        return switch (arguments) {
            case 0 -> "no arguments";
            case 1 -> "1 argument";
            default -> arguments + " arguments";
        };
    }

    @Override
    public String toString() {
        return specName;
    }
}
