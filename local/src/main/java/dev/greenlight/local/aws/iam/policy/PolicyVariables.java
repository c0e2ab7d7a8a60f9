package dev.greenlight.local.aws.iam.policy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Policy variables in Resource and condition values ("IAM policy elements: Variables and tags"):
 * {@code ${aws:username}} takes the request's single value of that key, {@code ${key, 'default'}}
 * a default when the key is absent. A variable whose key is absent (with no default) or
 * multivalued makes the value match nothing. Version 2008-10-17 has no variables: its
 * {@code ${...}} is literal text.
 */
final class PolicyVariables {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^},']+?)\\s*(?:,\\s*'([^']*)'\\s*)?}");

    private PolicyVariables() {
    }

    /** {@code value} with its variables replaced, or empty when one of them has no value. */
    static Optional<String> resolve(String value, RequestContext context, boolean variablesAllowed) {
        if (!variablesAllowed || !value.contains("${")) {
            return Optional.of(value);
        }
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String replacement = switch (matcher.group(1).trim()) {
                case "*", "?", "$" -> matcher.group(1).trim();
                default -> single(context.get(matcher.group(1).trim()), matcher.group(2));
            };
            if (replacement == null) {
                return Optional.empty();
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(resolved);
        return Optional.of(resolved.toString());
    }

    private static String single(List<String> values, String fallback) {
        return values.size() == 1 ? values.get(0) : values.isEmpty() ? fallback : null;
    }
}
