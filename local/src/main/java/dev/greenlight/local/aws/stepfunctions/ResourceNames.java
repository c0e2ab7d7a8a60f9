package dev.greenlight.local.aws.stepfunctions;

import java.util.regex.Pattern;

/**
 * The rule for state machine and execution names: 1 to 80 characters, none of them whitespace,
 * brackets {@code < > { } [ ]}, wildcards {@code ? *}, the specials {@code " # % \ ^ | ~ ` $ & , ; : /}
 * or control characters (U+0000-001F, U+007F-009F).
 */
public final class ResourceNames {

    private static final Pattern FORBIDDEN =
            Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x{0000}-\\x{001F}\\x{007F}-\\x{009F}]");

    private ResourceNames() {
    }

    public static boolean isValid(String name) {
        return name != null && !name.isEmpty() && name.length() <= 80 && !FORBIDDEN.matcher(name).find();
    }

    /** @throws software.amazon.awssdk.services.sfn.model.InvalidNameException when it is not */
    static String check(String name) {
        if (!isValid(name)) {
            throw SfnErrors.invalidName(name);
        }
        return name;
    }
}
