package dev.greenlight.cli.aws;

import picocli.CommandLine.Option;

/** How a command reaches AWS: the running twin by default, else the SDK's region and credential chain. */
public final class AwsOptions {

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send AWS calls here, as the AWS CLI's --endpoint-url (default: the running twin from "
                    + "~/.greenlight/twin.json, else AWS itself).")
    String endpointUrl;

    @Option(names = "--region", paramLabel = "REGION",
            description = "The AWS region (default: the SDK's chain: AWS_REGION, ~/.aws/config; us-east-1 on the twin).")
    String region;

    @Option(names = "--state-machine", paramLabel = "ARN",
            description = "The pipeline's state machine (default: $GREENLIGHT_STATE_MACHINE_ARN, else the running "
                    + "twin's; in AWS, the Greenlight stack's StateMachineArn output).")
    String stateMachineArn;

    public Aws connect() {
        return Aws.connect(endpointUrl, region, stateMachineArn != null ? stateMachineArn
                : System.getenv("GREENLIGHT_STATE_MACHINE_ARN"));
    }
}
