package dev.greenlight.local.aws.stepfunctions;

/** The size limit of a state machine definition: at most 1,048,576 characters (Step Functions quotas). */
final class Definitions {

    static final int MAX_LENGTH = 1_048_576;

    private Definitions() {
    }

    /** The definition is sensitive, so, as in AWS's own answers, its value is not repeated in the refusal. */
    static String sized(String definition) {
        if (definition.length() > MAX_LENGTH) {
            throw SfnErrors.validation("'***'", "definition",
                    "Member must have length less than or equal to " + MAX_LENGTH);
        }
        return definition;
    }
}
