package dev.greenlight.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of arguments that picocli's types cannot express; a failed one is bad usage (exit 2), said plainly. */
public final class Arguments {

    private Arguments() {
    }

    /** An empty or blank SERVICE, TAG or EXECUTION would reach AWS and come back as a puzzling refusal. */
    public static String notBlank(CommandSpec spec, String value, String label) {
        if (value != null && value.isBlank()) {
            throw new ParameterException(spec.commandLine(), label + " is empty: name one (see "
                    + spec.qualifiedName() + " --help).");
        }
        return value;
    }

    /** A whole number within bounds, for options such as --port and --every. */
    public static int within(CommandSpec spec, int value, int low, int high, String option, String meaning) {
        if (value < low || value > high) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + value
                    + " is not " + meaning + ".");
        }
        return value;
    }

    /** Options given with one they cannot go with: {@code --OPTION does not go with --OTHER, which ...}. */
    public static void refuseWith(CommandSpec spec, String other, String why, String... options) {
        for (String option : options) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new ParameterException(spec.commandLine(), option + " does not go with " + other + ", which "
                        + why);
            }
        }
    }
}
