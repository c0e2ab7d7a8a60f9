package dev.greenlight.local.aws.ecs;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Amazon ECS does outside itself in a blue/green service deployment: it invokes the lifecycle
 * hooks' Lambda functions (with the hook's role), moves the listener rules' weights on the load
 * balancer (with the load balancer's advanced-configuration role) and reads the deployment's alarms.
 */
public interface BlueGreenPorts {

    /**
     * The function's answer, invoked as the hook's {@code roleArn}; empty when the function failed (an
     * unhandled error or no answer). Throws {@link RoleRefused} when ECS may not act as that role.
     */
    Optional<String> invoke(String roleArn, String functionArn, String payload);

    /** The rule's forward weights, by target group ARN. */
    Map<String, Integer> weights(String listenerRuleArn);

    /** Forwards the rule's traffic to these target groups with these weights. */
    void weigh(String listenerRuleArn, Map<String, Integer> weights);

    /** The names among {@code alarmNames} whose state is ALARM. */
    Set<String> inAlarm(Collection<String> alarmNames);

    /** For a twin built without Lambda, load balancer or CloudWatch: blue/green deployments are refused. */
    BlueGreenPorts NONE = new BlueGreenPorts() {
        @Override
        public Optional<String> invoke(String roleArn, String functionArn, String payload) {
            throw unwired();
        }

        @Override
        public Map<String, Integer> weights(String listenerRuleArn) {
            throw unwired();
        }

        @Override
        public void weigh(String listenerRuleArn, Map<String, Integer> weights) {
            throw unwired();
        }

        @Override
        public Set<String> inAlarm(Collection<String> alarmNames) {
            throw unwired();
        }

        private UnsupportedOperationException unwired() {
            return new UnsupportedOperationException("this ECS twin has no Lambda, load balancer or CloudWatch to "
                    + "run a blue/green deployment with: build it as LocalTwin does");
        }
    };
}
