package dev.greenlight.statemachine.twin;

import dev.greenlight.local.twin.LocalTwin;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** The twins' clients as one worker function receives them: each passed through the decorator. */
record WorkerClients(LocalTwin twin, String function, ClientDecorator decorator) {

    EcrClient ecr() {
        return decorator.decorate(function, EcrClient.class, twin.ecr());
    }

    EcsClient ecs() {
        return decorator.decorate(function, EcsClient.class, twin.ecs());
    }

    CodeDeployClient codeDeploy() {
        return decorator.decorate(function, CodeDeployClient.class, twin.codeDeploy());
    }

    CloudWatchClient cloudWatch() {
        return decorator.decorate(function, CloudWatchClient.class, twin.cloudWatch());
    }

    ElasticLoadBalancingV2Client elb() {
        return decorator.decorate(function, ElasticLoadBalancingV2Client.class, twin.elb());
    }

    SnsClient sns() {
        return decorator.decorate(function, SnsClient.class, twin.sns());
    }

    EventBridgeClient eventBridge() {
        return decorator.decorate(function, EventBridgeClient.class, twin.eventBridge());
    }

    SfnClient stepFunctions() {
        return decorator.decorate(function, SfnClient.class, twin.stepFunctions());
    }
}
