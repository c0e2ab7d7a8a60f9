package dev.greenlight.local.aws.lambda;

import dev.greenlight.local.aws.LocalAccount;

/**
 * What Invoke's FunctionName and Qualifier name: a function name, a full ARN
 * ({@code arn:aws:lambda:us-east-1:123456789012:function:name[:qualifier]}), a partial ARN
 * ({@code 123456789012:function:name}) or {@code name:qualifier}.
 *
 * @param qualifier the version or alias, {@code $LATEST} when none is named
 */
record FunctionReference(String name, String qualifier) {

    /**
     * @throws software.amazon.awssdk.services.lambda.model.InvalidParameterValueException when the name's
     *         qualifier and the Qualifier parameter differ
     */
    static FunctionReference parse(String functionName, String qualifierParameter) {
        String[] parts = functionName.split(":", -1);
        int at = indexOf(parts, "function");
        String name = at >= 0 && at + 1 < parts.length ? parts[at + 1] : parts[0];
        String derived = at >= 0 ? part(parts, at + 2) : part(parts, 1);
        if (derived != null && qualifierParameter != null && !derived.equals(qualifierParameter)) {
            throw LambdaErrors.invalidParameter(
                    "The derived qualifier from the function name does not match the specified qualifier.");
        }
        String qualifier = derived != null ? derived : qualifierParameter;
        return new FunctionReference(name, qualifier == null ? LocalFunction.LATEST : qualifier);
    }

    /** The ARN AWS names in ResourceNotFoundException: qualified unless $LATEST was implied. */
    String arn() {
        String base = LocalAccount.arn("lambda", "function:" + name);
        return qualifier.equals(LocalFunction.LATEST) ? base : base + ":" + qualifier;
    }

    private static int indexOf(String[] parts, String value) {
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals(value)) {
                return i;
            }
        }
        return -1;
    }

    private static String part(String[] parts, int index) {
        return index < parts.length && !parts[index].isEmpty() ? parts[index] : null;
    }
}
