package dev.greenlight.local.aws.lambda;

import java.util.Map;

/**
 * What an execution environment's variables hold beyond the function's own Environment and the
 * names the twin sets itself (AWS_REGION, AWS_LAMBDA_FUNCTION_NAME, …): in AWS the execution role's
 * credentials; on the twin also the endpoint its code reaches the twin's services at. Asked once
 * per execution environment, when its code is first loaded.
 */
@FunctionalInterface
public interface RuntimeVariables {

    /** Nothing more: a twin that serves no endpoint gives its functions no credentials. */
    RuntimeVariables NONE = (functionName, roleArn) -> Map.of();

    Map<String, String> variables(String functionName, String roleArn);
}
