package dev.greenlight.local.aws.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of the IAM User Guide's "Policy evaluation logic" and "Condition operators", one row each. */
class PolicyEvaluatorTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/worker";
    private static final Principal SESSION = Principal.roleSession(ROLE, "s1");
    private static final String OBJECT = "arn:aws:s3:::artifacts/app/v1.zip";
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:preflight";

    record Case(String name, List<String> identity, String resource, Principal principal, String action, String arn,
            Map<String, String> context, Decision expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("no policy: implicit deny", List.of(), null, "s3:GetObject", OBJECT, Map.of(), Decision.IMPLICITLY_DENIED),
                c("identity allow", List.of(allow("s3:GetObject", OBJECT)), null, "s3:GetObject", OBJECT, Map.of(),
                        Decision.ALLOWED),
                c("action names match case-insensitively", List.of(allow("S3:getobject", OBJECT)), null, "s3:GetObject",
                        OBJECT, Map.of(), Decision.ALLOWED),
                c("action wildcard *", List.of(allow("s3:Get*", OBJECT)), null, "s3:GetObject", OBJECT, Map.of(),
                        Decision.ALLOWED),
                c("action wildcard ? matches one character", List.of(allow("s3:GetObjec?", OBJECT)), null,
                        "s3:GetObject", OBJECT, Map.of(), Decision.ALLOWED),
                c("action wildcard ? needs one character", List.of(allow("s3:GetObject?", OBJECT)), null,
                        "s3:GetObject", OBJECT, Map.of(), Decision.IMPLICITLY_DENIED),
                c("resource names match case-sensitively", List.of(allow("s3:GetObject", OBJECT.toUpperCase())), null,
                        "s3:GetObject", OBJECT, Map.of(), Decision.IMPLICITLY_DENIED),
                c("resource wildcard", List.of(allow("s3:GetObject", "arn:aws:s3:::artifacts/*")), null, "s3:GetObject",
                        OBJECT, Map.of(), Decision.ALLOWED),
                c("resource wildcard in a middle part", List.of(allow("lambda:InvokeFunction",
                        "arn:aws:lambda:*:123456789012:function:pre*")), null, "lambda:InvokeFunction", FUNCTION,
                        Map.of(), Decision.ALLOWED),
                c("explicit deny over allow", List.of(allow("s3:*", "*"), deny("s3:GetObject", OBJECT)), null,
                        "s3:GetObject", OBJECT, Map.of(), Decision.DENIED_BY_IDENTITY_POLICY),
                c("NotAction allows all but the listed", List.of(statement("Allow", "\"NotAction\":\"s3:Delete*\"",
                        "\"Resource\":\"*\"", "")), null, "s3:GetObject", OBJECT, Map.of(), Decision.ALLOWED),
                c("NotAction never allows the listed", List.of(statement("Allow", "\"NotAction\":\"s3:Get*\"",
                        "\"Resource\":\"*\"", "")), null, "s3:GetObject", OBJECT, Map.of(), Decision.IMPLICITLY_DENIED),
                c("NotResource", List.of(statement("Deny", "\"Action\":\"s3:*\"",
                        "\"NotResource\":\"arn:aws:s3:::artifacts/*\"", ""), allow("s3:*", "*")), null, "s3:GetObject",
                        "arn:aws:s3:::other/k", Map.of(), Decision.DENIED_BY_IDENTITY_POLICY),
                c("resource-based allow naming the role", List.of(), resourcePolicy("Allow",
                        "{\"AWS\":\"" + ROLE + "\"}"), "lambda:InvokeFunction", FUNCTION, Map.of(), Decision.ALLOWED),
                c("resource-based allow naming the session", List.of(), resourcePolicy("Allow",
                        "{\"AWS\":\"" + SESSION.arn() + "\"}"), "lambda:InvokeFunction", FUNCTION, Map.of(),
                        Decision.ALLOWED),
                c("resource-based allow naming only the account delegates to identity policies", List.of(),
                        resourcePolicy("Allow", "{\"AWS\":\"arn:aws:iam::123456789012:root\"}"), "lambda:InvokeFunction",
                        FUNCTION, Map.of(), Decision.IMPLICITLY_DENIED),
                c("resource-based deny naming the account denies", List.of(allow("lambda:*", "*")),
                        resourcePolicy("Deny", "{\"AWS\":\"123456789012\"}"), "lambda:InvokeFunction", FUNCTION, Map.of(),
                        Decision.DENIED_BY_RESOURCE_POLICY),
                c("resource-based policy naming another principal does not apply", List.of(),
                        resourcePolicy("Allow", "{\"AWS\":\"arn:aws:iam::123456789012:role/other\"}"),
                        "lambda:InvokeFunction", FUNCTION, Map.of(), Decision.IMPLICITLY_DENIED),
                c("NotPrincipal deny spares the listed", List.of(allow("lambda:*", "*")),
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\""
                                + ROLE + "\"},\"Action\":\"lambda:*\",\"Resource\":\"*\"}]}",
                        "lambda:InvokeFunction", FUNCTION, Map.of(), Decision.ALLOWED),
                c("StringEquals aws:SourceAccount", List.of(allowIf("{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of("aws:SourceAccount", "123456789012"), Decision.ALLOWED),
                c("condition key names are case-insensitive", List.of(allowIf("{\"StringEquals\":{\"AWS:sourceaccount\":\"123456789012\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of("aws:SourceAccount", "123456789012"), Decision.ALLOWED),
                c("a missing key fails a positive operator", List.of(allowIf("{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of(), Decision.IMPLICITLY_DENIED),
                c("a missing key passes a negated operator", List.of(allowIf("{\"StringNotEquals\":{\"aws:SourceAccount\":\"1\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of(), Decision.ALLOWED),
                c("IfExists passes a missing key", List.of(allowIf("{\"StringEqualsIfExists\":{\"aws:SourceAccount\":\"1\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of(), Decision.ALLOWED),
                c("IfExists still tests a present key", List.of(allowIf("{\"StringEqualsIfExists\":{\"aws:SourceAccount\":\"1\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of("aws:SourceAccount", "2"), Decision.IMPLICITLY_DENIED),
                c("StringLike with wildcards", List.of(allowIf("{\"StringLike\":{\"iam:PassedToService\":\"*.amazonaws.com\"}}")),
                        null, "iam:PassRole", ROLE, Map.of("iam:PassedToService", "lambda.amazonaws.com"), Decision.ALLOWED),
                c("StringEqualsIgnoreCase", List.of(allowIf("{\"StringEqualsIgnoreCase\":{\"aws:RequestedRegion\":\"US-EAST-1\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of("aws:RequestedRegion", "us-east-1"), Decision.ALLOWED),
                c("ArnLike aws:SourceArn", List.of(allowIf("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:events:*:123456789012:rule/*\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of("aws:SourceArn", "arn:aws:events:us-east-1:123456789012:rule/r"),
                        Decision.ALLOWED),
                c("ArnNotEquals on a matching ARN", List.of(allowIf("{\"ArnNotEquals\":{\"aws:PrincipalArn\":\"" + ROLE + "\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of(), Decision.IMPLICITLY_DENIED),
                c("Bool aws:SecureTransport", List.of(allowIf("{\"Bool\":{\"aws:SecureTransport\":true}}")),
                        null, "s3:GetObject", OBJECT, Map.of("aws:SecureTransport", "true"), Decision.ALLOWED),
                c("Null true: the key is absent", List.of(allowIf("{\"Null\":{\"aws:SourceArn\":\"true\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of(), Decision.ALLOWED),
                c("Null false: the key is present", List.of(allowIf("{\"Null\":{\"aws:SourceArn\":\"false\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of(), Decision.IMPLICITLY_DENIED),
                c("NumericLessThan", List.of(allowIf("{\"NumericLessThan\":{\"aws:EpochTime\":\"2000000000\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of("aws:EpochTime", "1700000000"), Decision.ALLOWED),
                c("DateGreaterThan in ISO 8601 against epoch seconds", List.of(allowIf(
                        "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of("aws:CurrentTime", "2026-12-06T00:00:00Z"), Decision.ALLOWED),
                c("IpAddress", List.of(allowIf("{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of("aws:SourceIp", "10.1.2.3"), Decision.ALLOWED),
                c("NotIpAddress", List.of(allowIf("{\"NotIpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of("aws:SourceIp", "10.1.2.3"), Decision.IMPLICITLY_DENIED),
                c("conditions on two keys must both hold", List.of(allowIf(
                        "{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\",\"aws:RequestedRegion\":\"eu-west-1\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of("aws:SourceAccount", "123456789012",
                                "aws:RequestedRegion", "us-east-1"), Decision.IMPLICITLY_DENIED),
                c("values of one key are alternatives", List.of(allowIf(
                        "{\"StringEquals\":{\"aws:RequestedRegion\":[\"eu-west-1\",\"us-east-1\"]}}")),
                        null, "s3:GetObject", OBJECT, Map.of("aws:RequestedRegion", "us-east-1"), Decision.ALLOWED),
                c("ForAllValues passes a missing key", List.of(allowIf("{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":\"a\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of(), Decision.ALLOWED),
                c("ForAnyValue fails a missing key", List.of(allowIf("{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":\"a\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of(), Decision.IMPLICITLY_DENIED),
                c("policy variable in a resource", List.of(allow("s3:GetObject", "arn:aws:s3:::artifacts/${aws:PrincipalTag/app}/*")),
                        null, "s3:GetObject", OBJECT, Map.of("aws:PrincipalTag/app", "app"), Decision.ALLOWED),
                c("policy variable with no value matches nothing", List.of(allow("s3:GetObject", "arn:aws:s3:::artifacts/${aws:PrincipalTag/app}/*")),
                        null, "s3:GetObject", OBJECT, Map.of(), Decision.IMPLICITLY_DENIED),
                c("NotResource with a variable that has no value covers nothing", List.of(allow("s3:*", "*"),
                        statement("Deny", "\"Action\":\"s3:*\"", "\"NotResource\":\"arn:aws:s3:::${aws:PrincipalTag/app}/*\"",
                                "")), null, "s3:GetObject", OBJECT, Map.of(), Decision.ALLOWED),
                c("variables are literal text under Version 2008-10-17", List.of(allow("s3:GetObject",
                        "arn:aws:s3:::artifacts/${aws:PrincipalTag/app}/*").replace("2012-10-17", "2008-10-17")),
                        null, "s3:GetObject", OBJECT, Map.of("aws:PrincipalTag/app", "app"), Decision.IMPLICITLY_DENIED),
                c("an unknown operator never holds", List.of(allowIf("{\"StringEqualz\":{\"aws:SourceAccount\":\"1\"}}")),
                        null, "s3:GetObject", OBJECT, Map.of("aws:SourceAccount", "1"), Decision.IMPLICITLY_DENIED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesAsTheUserGuideSays(Case c) {
        AuthorizationRequest request = new AuthorizationRequest(c.principal(), c.action(), c.arn(),
                RequestContext.of(c.context()));
        List<PolicyDocument> identity = c.identity().stream().map(PolicyDocument::parse).toList();
        Optional<PolicyDocument> resource = Optional.ofNullable(c.resource()).map(PolicyDocument::parse);

        assertThat(PolicyEvaluator.evaluate(identity, resource, request)).isEqualTo(c.expected());
    }

    @Test
    void aServicePrincipalIsGrantedOnlyByAResourcePolicyNamingIt() {
        Principal events = Principal.service("events.amazonaws.com");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"events.amazonaws.com\"},\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"" + FUNCTION + "\"}]}";
        AuthorizationRequest request = new AuthorizationRequest(events, "lambda:InvokeFunction", FUNCTION, RequestContext.of(Map.of()));

        assertThat(PolicyEvaluator.evaluate(List.of(), Optional.of(PolicyDocument.parse(policy)), request))
                .isEqualTo(Decision.ALLOWED);
        assertThat(PolicyEvaluator.evaluate(List.of(), Optional.empty(), request)).isEqualTo(Decision.IMPLICITLY_DENIED);
    }

    private static Arguments c(String name, List<String> identity, String resource, String action, String arn,
            Map<String, String> context, Decision expected) {
        return Arguments.of(new Case(name, identity, resource, SESSION, action, arn, context, expected));
    }

    private static String allow(String action, String resource) {
        return statement("Allow", "\"Action\":\"" + action + "\"", "\"Resource\":\"" + resource + "\"", "");
    }

    private static String deny(String action, String resource) {
        return statement("Deny", "\"Action\":\"" + action + "\"", "\"Resource\":\"" + resource + "\"", "");
    }

    private static String allowIf(String condition) {
        return statement("Allow", "\"Action\":\"*\"", "\"Resource\":\"*\"", ",\"Condition\":" + condition);
    }

    private static String statement(String effect, String action, String resource, String rest) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\"," + action + "," + resource
                + rest + "}]}";
    }

    private static String resourcePolicy(String effect, String principal) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Principal\":" + principal
                + ",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"" + FUNCTION + "\"}]}";
    }
}
