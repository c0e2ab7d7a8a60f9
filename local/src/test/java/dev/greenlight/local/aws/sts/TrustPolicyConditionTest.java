package dev.greenlight.local.aws.sts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Trust policy conditions on sts:ExternalId, as the CDK bootstrap's roles and the seed workflow write them. */
class TrustPolicyConditionTest {

    private static final Set<String> ROOT = Set.of("arn:aws:iam::123456789012:root");

    @ParameterizedTest(name = "{0} with external id [{1}]: {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            {"Null": {"sts:ExternalId": "true"}}                              | none  | true
            {"Null": {"sts:ExternalId": "true"}}                              | abc   | false
            {"Null": {"sts:ExternalId": "false"}}                             | abc   | true
            {"StringEquals": {"sts:ExternalId": "abc"}}                       | abc   | true
            {"StringEquals": {"sts:ExternalId": "abc"}}                       | none  | false
            {"StringEquals": {"sts:ExternalId": "abc"}, "Null": {"sts:ExternalId": "false"}} | abc | true
            {"StringEquals": {"aws:PrincipalTag/team": "ops"}}                | none  | false
            """)
    void evaluates(String condition, String externalId, boolean allowed) {
        TrustPolicy policy = TrustPolicy.parse("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\","
                + " \"Principal\": {\"AWS\": \"123456789012\"}, \"Condition\": " + condition + "}]}");

        assertThat(policy.allows(ROOT, externalId)).isEqualTo(allowed);
    }
}
