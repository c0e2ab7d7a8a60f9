package dev.greenlight.local.aws.lambda;

/**
 * What one run of a function produced.
 *
 * @param functionError whether the payload is an error document (Invoke's FunctionError "Unhandled")
 */
record InvocationResult(byte[] payload, boolean functionError) {
}
