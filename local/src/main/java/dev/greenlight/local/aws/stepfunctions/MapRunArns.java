package dev.greenlight.local.aws.stepfunctions;

/** Map Run ARNs: {@code arn:aws:states:REGION:ACCOUNT:mapRun:MACHINE/LABEL:ID}. */
final class MapRunArns {

    private MapRunArns() {
    }

    /** @throws software.amazon.awssdk.services.sfn.model.InvalidArnException unless it names a Map Run */
    static String check(String arn) {
        if (!arn.startsWith("arn:aws:states:") || !arn.contains(":mapRun:")) {
            // AWS does not publish this message's wording for a Map Run ARN.
            throw SfnErrors.invalidArn("Resource type not valid in this context: " + arn);
        }
        return arn;
    }
}
