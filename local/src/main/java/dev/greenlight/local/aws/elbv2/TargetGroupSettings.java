package dev.greenlight.local.aws.elbv2;

import dev.greenlight.local.fleet.HealthCheck;
import dev.greenlight.local.fleet.HttpCodeMatcher;
import java.time.Duration;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * CreateTargetGroup's rules for an HTTP target group of ip targets: required fields, the
 * documented ranges of the health check settings (interval 5–300 s, timeout 2–120 s and
 * shorter than the interval, thresholds 2–10, success codes 200–499) and their defaults.
 */
final class TargetGroupSettings {

    private TargetGroupSettings() {
    }

    /** The target group as DescribeTargetGroups shows it; throws when a setting is invalid. */
    static TargetGroup validate(CreateTargetGroupRequest request, String arn) {
        ElbNames.checkTargetGroupName(request.name());
        checkTargetType(request);
        if (request.protocolAsString() == null) {
            throw ElbErrors.validation("A protocol must be specified for target groups of type 'ip'");
        }
        if (request.protocol() != ProtocolEnum.HTTP) {
            throw new UnsupportedOperationException("the local ELBv2 twin supports only HTTP target groups, not "
                    + request.protocolAsString());
        }
        int port = inRange("Port", request.port(), null, 1, 65_535);
        if (request.vpcId() == null) {
            throw ElbErrors.validation("A VPC ID must be specified for target groups of type 'ip'");
        }
        int interval = inRange("HealthCheckIntervalSeconds", request.healthCheckIntervalSeconds(), 30, 5, 300);
        int timeout = inRange("HealthCheckTimeoutSeconds", request.healthCheckTimeoutSeconds(), 5, 2, 120);
        if (timeout >= interval) {
            throw ElbErrors.validation("Health check interval must be greater than the timeout.");
        }
        String path = request.healthCheckPath() == null ? "/" : request.healthCheckPath();
        if (!path.startsWith("/") || path.length() > 1024) {
            throw ElbErrors.validation("Health check path must begin with '/' and be at most 1024 characters");
        }
        return TargetGroup.builder()
                .targetGroupArn(arn).targetGroupName(request.name()).protocol(ProtocolEnum.HTTP).port(port)
                .vpcId(request.vpcId()).targetType(TargetTypeEnum.IP).protocolVersion("HTTP1")
                .healthCheckProtocol(ProtocolEnum.HTTP).healthCheckPort("traffic-port").healthCheckEnabled(true)
                .healthCheckPath(path).healthCheckIntervalSeconds(interval).healthCheckTimeoutSeconds(timeout)
                .healthyThresholdCount(inRange("HealthyThresholdCount", request.healthyThresholdCount(), 5, 2, 10))
                .unhealthyThresholdCount(
                        inRange("UnhealthyThresholdCount", request.unhealthyThresholdCount(), 2, 2, 10))
                .matcher(Matcher.builder().httpCode(matcher(request.matcher()).text()).build())
                .build();
    }

    /** The fleet's health check for a validated target group. */
    static HealthCheck healthCheck(TargetGroup group) {
        return new HealthCheck(group.healthCheckPath(), Duration.ofSeconds(group.healthCheckIntervalSeconds()),
                Duration.ofSeconds(group.healthCheckTimeoutSeconds()), group.healthyThresholdCount(),
                group.unhealthyThresholdCount(), HttpCodeMatcher.parse(group.matcher().httpCode()));
    }

    private static void checkTargetType(CreateTargetGroupRequest request) {
        if (request.targetType() != TargetTypeEnum.IP) {
            // instance, lambda and alb targets need EC2, Lambda or another ALB behind them: not modelled.
            throw new UnsupportedOperationException("the local ELBv2 twin supports only TargetType ip, not "
                    + request.targetTypeAsString());
        }
    }

    private static HttpCodeMatcher matcher(Matcher matcher) {
        String codes = matcher == null || matcher.httpCode() == null ? "200" : matcher.httpCode();
        try {
            HttpCodeMatcher parsed = HttpCodeMatcher.parse(codes);
            if (!parsed.within(200, 499)) {
                throw ElbErrors.validation("Health check matcher HTTP codes must be within 200-499: '" + codes + "'");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw ElbErrors.validation("Invalid health check matcher HTTP code '" + codes + "'");
        }
    }

    private static int inRange(String field, Integer value, Integer byDefault, int low, int high) {
        if (value == null && byDefault == null) {
            throw ElbErrors.validation(field + " must be specified");
        }
        int actual = value == null ? byDefault : value;
        if (actual < low || actual > high) {
            throw ElbErrors.validation("1 validation error detected: Value '" + actual + "' at '" + field
                    + "' failed to satisfy constraint: Member must have value between " + low + " and " + high);
        }
        return actual;
    }
}
