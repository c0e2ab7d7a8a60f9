package dev.greenlight.local.twin;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.aws.codedeploy.AlarmStates;
import dev.greenlight.local.aws.ecs.BlueGreenPorts;
import dev.greenlight.local.aws.ecs.RoleRefused;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * What ECS calls in a blue/green deployment, through the other twins' own APIs: Lambda Invoke
 * (RequestResponse: ECS reads the hook's answer), ELB DescribeRules and ModifyRule, CloudWatch alarms.
 */
final class EcsBlueGreenPorts implements BlueGreenPorts {

    /** ECS's session name when it assumes a hook's role is unpublished. */
    private static final String SESSION = "ECS";
    private static final String ECS_PRINCIPAL = "ecs.amazonaws.com";

    private final LocalTwin twin;
    private final LambdaClient lambda;
    private final ElasticLoadBalancingV2Client elb;
    private final AlarmStates alarms;

    EcsBlueGreenPorts(LocalTwin twin, LambdaClient lambda, ElasticLoadBalancingV2Client elb, AlarmStates alarms) {
        this.twin = twin;
        this.lambda = lambda;
        this.elb = elb;
        this.alarms = alarms;
    }

    @Override
    public Optional<String> invoke(String roleArn, String functionArn, String payload) {
        // Developer Guide, "Lifecycle hooks": ECS assumes the hook's role, which must trust ecs.amazonaws.com
        // and allow lambda:InvokeFunction on the function.
        if (!twin.iamEnforcement().trusts(roleArn, ECS_PRINCIPAL, Map.of("aws:SourceAccount", LocalAccount.ID))) {
            throw new RoleRefused("the role does not exist or does not trust " + ECS_PRINCIPAL);
        }
        LambdaClient asRole = twin.clientAs(roleArn, SESSION, LambdaClient.class, lambda);
        try {
            InvokeResponse response = asRole.invoke(request -> request.functionName(functionArn)
                    .invocationType(InvocationType.REQUEST_RESPONSE).payload(SdkBytes.fromUtf8String(payload)));
            if (response.functionError() != null || response.payload() == null) {
                return Optional.empty();
            }
            return Optional.of(response.payload().asUtf8String());
        } catch (AwsServiceException e) {
            if (e.statusCode() == 403) {
                throw new RoleRefused(e.awsErrorDetails().errorMessage());
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            // A function that cannot be invoked fails the hook, as a failed function does.
            return Optional.empty();
        }
    }

    @Override
    public Map<String, Integer> weights(String listenerRuleArn) {
        Rule rule = elb.describeRules(request -> request.ruleArns(listenerRuleArn)).rules().get(0);
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (Action action : rule.actions()) {
            if (action.forwardConfig() != null && !action.forwardConfig().targetGroups().isEmpty()) {
                action.forwardConfig().targetGroups().forEach(tuple -> weights.put(tuple.targetGroupArn(),
                        tuple.weight() == null ? 1 : tuple.weight()));
            } else if (action.targetGroupArn() != null) {
                weights.put(action.targetGroupArn(), 1);
            }
        }
        return weights;
    }

    @Override
    public void weigh(String listenerRuleArn, Map<String, Integer> weights) {
        TargetGroupTuple[] tuples = weights.entrySet().stream().map(entry -> TargetGroupTuple.builder()
                .targetGroupArn(entry.getKey()).weight(entry.getValue()).build()).toArray(TargetGroupTuple[]::new);
        elb.modifyRule(request -> request.ruleArn(listenerRuleArn).actions(Action.builder().type(ActionTypeEnum.FORWARD)
                .forwardConfig(forward -> forward.targetGroups(tuples)).build()));
    }

    @Override
    public Set<String> inAlarm(Collection<String> alarmNames) {
        return alarms.inAlarm(alarmNames);
    }
}
