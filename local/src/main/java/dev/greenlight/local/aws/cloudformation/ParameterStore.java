package dev.greenlight.local.aws.cloudformation;

import java.util.Optional;

/** Port to SSM Parameter Store, for parameters of type {@code AWS::SSM::Parameter::Value<...>}. */
public interface ParameterStore {

    Optional<String> value(String name);
}
