package dev.greenlight.statemachine.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.workers.core.TransientAwsError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;

class FaultInjectionTest {

    @ParameterizedTest
    @ValueSource(classes = {EcrClient.class, EcsClient.class, CodeDeployClient.class, CloudWatchClient.class,
            SnsClient.class, EventBridgeClient.class, SfnClient.class})
    void eachServicesThrottlingError_isThrottlingToTheSdk_andTransientToTheWorkers(Class<?> clientType) {
        AwsServiceException error = FaultInjection.throttlingError(clientType);

        assertThat(error.isThrottlingException()).isTrue();
        assertThat(TransientAwsError.isTransient(error)).isTrue();
        assertThat(error.getClass().getPackageName()).startsWith(clientType.getPackageName());
    }
}
