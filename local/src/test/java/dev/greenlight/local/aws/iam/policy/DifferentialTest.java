package dev.greenlight.local.aws.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.testing.RequiredTool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Our evaluator against {@code @cloud-copilot/iam-simulate} on 10,000 seeded (policies, request)
 * pairs, evaluated by one node process: the same decision on every one, except where a documented
 * AWS rule says iam-simulate is wrong. Those differences are named here, each with its rule:
 *
 * <ul>
 *   <li><b>Variables are literal under Version 2008-10-17</b> ("IAM JSON policy elements: Version":
 *   with 2008-10-17 "variables such as ${aws:username} aren't recognized as variables and are
 *   instead treated as literal strings"); iam-simulate substitutes them in every version. Such a
 *   case must agree once its policies are read as 2012-10-17, so the version is the whole difference.
 *   <li><b>0.0.0.0/0 holds every IPv4 address</b> (RFC 4632, which "IpAddress" cites); iam-simulate
 *   computes the mask as {@code -1 << 32}, which JavaScript reads as {@code -1 << 0}, so its /0 holds
 *   only 0.0.0.0. The generator leaves /0 out; {@link #ipv4SlashZero_holdsEveryAddress} keeps the case.
 * </ul>
 */
class DifferentialTest {

    private static final int CASES = 10_000;
    private static final long SEED = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void agreesWithIamSimulateOnTenThousandGeneratedCases() throws Exception {
        assumeInstalled();
        List<GeneratedCase> cases = new CaseGenerator(SEED).generate(CASES);

        List<String> theirs = IamSimulate.evaluate(cases);

        assertThat(theirs).hasSize(CASES);
        List<String> refused = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        int literalVariables = 0;
        for (int i = 0; i < CASES; i++) {
            GeneratedCase c = cases.get(i);
            if (theirs.get(i).startsWith("error")) {
                refused.add(theirs.get(i) + " for " + JSON.writeValueAsString(c));
            } else if (!ours(c, false).equals(theirs.get(i))) {
                if (usesVariablesUnder2008(c) && ours(c, true).equals(theirs.get(i))) {
                    literalVariables++;
                } else {
                    unexplained.add("ours " + ours(c, false) + ", iam-simulate " + theirs.get(i) + ": "
                            + JSON.writeValueAsString(c));
                }
            }
        }
        assertThat(refused).as("cases iam-simulate refused as invalid").isEmpty();
        assertThat(unexplained).as("disagreements no documented rule explains").isEmpty();
        Map<String, Long> decisions = theirs.stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertThat(decisions).as("the cases reach every decision often").hasSize(3)
                .allSatisfy((decision, count) -> assertThat(count).isGreaterThan(CASES / 20));
        System.out.printf("iam differential: %d cases, decisions %s, %d differ only by literal variables under 2008-10-17%n",
                CASES, decisions, literalVariables);
    }

    @Test
    void ipv4SlashZero_holdsEveryAddress() throws Exception {
        assumeInstalled();
        JsonNode policy = JSON.readTree("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"sns:Publish\",\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"0.0.0.0/0\"}}}]}");
        GeneratedCase c = new GeneratedCase(List.of(policy), null, "arn:aws:sts::123456789012:assumed-role/worker/s1",
                "arn:aws:iam::123456789012:role/worker", "sns:Publish", "arn:aws:sns:us-east-1:123456789012:releases",
                Map.of("aws:SourceIp", List.of("10.1.2.3")));

        assertThat(ours(c, false)).isEqualTo("Allowed");
        assertThat(IamSimulate.evaluate(List.of(c))).as("iam-simulate's /0 (if this fails, it was fixed: "
                + "put 0.0.0.0/0 back into the generator)").containsExactly("ImplicitlyDenied");
    }

    private static void assumeInstalled() {
        RequiredTool.assume(IamSimulate.installed(),
                "@cloud-copilot/iam-simulate is not installed in local/iam-simulate (run scripts/test-tools)");
    }

    private static String ours(GeneratedCase c, boolean as2012) {
        Decision decision = PolicyEvaluator.evaluate(c.identityPolicies().stream().map(p -> document(p, as2012)).toList(),
                Optional.ofNullable(c.resourcePolicy()).map(p -> document(p, as2012)), c.request());
        return switch (decision) {
            case ALLOWED -> "Allowed";
            case IMPLICITLY_DENIED -> "ImplicitlyDenied";
            case DENIED_BY_IDENTITY_POLICY, DENIED_BY_RESOURCE_POLICY -> "ExplicitlyDenied";
        };
    }

    private static PolicyDocument document(JsonNode policy, boolean as2012) {
        if (!as2012) {
            return PolicyDocument.of(policy);
        }
        ObjectNode copy = policy.deepCopy();
        copy.put("Version", "2012-10-17");
        return PolicyDocument.of(copy);
    }

    private static boolean usesVariablesUnder2008(GeneratedCase c) {
        List<JsonNode> policies = new ArrayList<>(c.identityPolicies());
        Optional.ofNullable(c.resourcePolicy()).ifPresent(policies::add);
        return policies.stream().anyMatch(p -> "2008-10-17".equals(p.path("Version").asText())
                && p.toString().contains("${"));
    }
}
