package dev.greenlight.local.aws.elbv2;

import dev.greenlight.local.aws.AwsErrors;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateListenerException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateLoadBalancerNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateTargetGroupNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidTargetException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAssociationLimitException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TooManyActionsException;

/**
 * ELBv2's errors with the codes its SDK metadata registers (they drop the {@code Exception}
 * suffix: {@code TargetGroupNotFound}); all are HTTP 400. {@code ValidationError} is the
 * Query protocol's generic code, raised as the service's base exception.
 */
final class ElbErrors {

    private static final int BAD_REQUEST = 400;

    private ElbErrors() {
    }

    static ElasticLoadBalancingV2Exception validation(String message) {
        return AwsErrors.of(ElasticLoadBalancingV2Exception.builder(), "ValidationError", message, BAD_REQUEST);
    }

    static ElasticLoadBalancingV2Exception loadBalancerNotFound(String arnOrName) {
        return AwsErrors.of(LoadBalancerNotFoundException.builder(), "LoadBalancerNotFound",
                "One or more load balancers not found: '" + arnOrName + "'", BAD_REQUEST);
    }

    static ElasticLoadBalancingV2Exception targetGroupNotFound(String arnOrName) {
        return AwsErrors.of(TargetGroupNotFoundException.builder(), "TargetGroupNotFound",
                "One or more target groups not found: '" + arnOrName + "'", BAD_REQUEST);
    }

    static ElasticLoadBalancingV2Exception listenerNotFound(String arn) {
        return AwsErrors.of(ListenerNotFoundException.builder(), "ListenerNotFound",
                "One or more listeners not found: '" + arn + "'", BAD_REQUEST);
    }

    static ElasticLoadBalancingV2Exception targetGroupInUse(String arn) {
        return AwsErrors.of(ResourceInUseException.builder(), "ResourceInUse",
                "Target group '" + arn + "' is currently in use by a listener or a rule", BAD_REQUEST);
    }

    static ElasticLoadBalancingV2Exception ruleNotFound(String arn) {
        return AwsErrors.of(RuleNotFoundException.builder(), "RuleNotFound",
                "One or more rules not found: '" + arn + "'", BAD_REQUEST);
    }

    static ElasticLoadBalancingV2Exception duplicateLoadBalancerName(String name) {
        return AwsErrors.of(DuplicateLoadBalancerNameException.builder(), "DuplicateLoadBalancerName",
                "A load balancer with the same name '" + name + "' exists, but with different settings", BAD_REQUEST);
    }

    static ElasticLoadBalancingV2Exception duplicateTargetGroupName(String name) {
        return AwsErrors.of(DuplicateTargetGroupNameException.builder(), "DuplicateTargetGroupName",
                "A target group with the same name '" + name + "' exists, but with different settings", BAD_REQUEST);
    }

    static ElasticLoadBalancingV2Exception duplicateListener(int port) {
        return AwsErrors.of(DuplicateListenerException.builder(), "DuplicateListener",
                "A listener already exists on this port for this load balancer: " + port, BAD_REQUEST);
    }

    static ElasticLoadBalancingV2Exception invalidTarget(String message) {
        return AwsErrors.of(InvalidTargetException.builder(), "InvalidTarget", message, BAD_REQUEST);
    }

    static ElasticLoadBalancingV2Exception associationLimit(String targetGroupArn) {
        return AwsErrors.of(TargetGroupAssociationLimitException.builder(), "TargetGroupAssociationLimit",
                "The target group '" + targetGroupArn + "' is already associated with another load balancer",
                BAD_REQUEST);
    }

    static ElasticLoadBalancingV2Exception tooManyActions() {
        return AwsErrors.of(TooManyActionsException.builder(), "TooManyActions",
                "A rule can have only one forward action", BAD_REQUEST);
    }
}
