package dev.greenlight.local.aws.iam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded (policies, request) pairs for the differential test: a role session asking for one of the
 * calls the twin's workers make, against one to three identity-based policies and sometimes a
 * resource-based policy, built from small vocabularies so that matches, near misses, denies and
 * conditions on present and absent keys all occur often.
 */
final class CaseGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "123456789012";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/worker";
    private static final String SESSION = "arn:aws:sts::" + ACCOUNT + ":assumed-role/worker/s1";

    /** Calls the twin serves: action, resource ARN. */
    private static final List<String[]> CALLS = List.of(
            new String[] {"s3:GetObject", "arn:aws:s3:::artifacts/app/v1.zip"},
            new String[] {"s3:PutObject", "arn:aws:s3:::artifacts/reports/r.json"},
            new String[] {"s3:ListBucket", "arn:aws:s3:::artifacts"},
            new String[] {"lambda:InvokeFunction", "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:preflight"},
            new String[] {"lambda:GetFunction", "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:smoke"},
            new String[] {"ecs:UpdateService", "arn:aws:ecs:us-east-1:" + ACCOUNT + ":service/prod/orders"},
            new String[] {"codedeploy:CreateDeployment", "arn:aws:codedeploy:us-east-1:" + ACCOUNT + ":deploymentgroup:orders/prod"},
            new String[] {"sns:Publish", "arn:aws:sns:us-east-1:" + ACCOUNT + ":releases"},
            new String[] {"iam:PassRole", "arn:aws:iam::" + ACCOUNT + ":role/ecs-task"},
            new String[] {"states:StartExecution", "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:pipeline"},
            new String[] {"cloudwatch:DescribeAlarms", "arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:orders-5xx"});

    private static final List<String> ACCOUNTS = List.of(ACCOUNT, "210987654321");
    private static final List<String> SOURCE_ARNS = List.of("arn:aws:events:us-east-1:" + ACCOUNT + ":rule/release",
            "arn:aws:events:us-east-1:" + ACCOUNT + ":rule/other", "arn:aws:s3:::artifacts");
    private static final List<String> SOURCE_ARN_PATTERNS = List.of("arn:aws:events:*:" + ACCOUNT + ":rule/*",
            "arn:aws:events:us-east-1:" + ACCOUNT + ":rule/release", "arn:aws:s3:::*", "arn:aws:events:us-east-1:*:rule/rel?ase",
            "arn:aws:*:*:*:*");
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "US-EAST-1");
    private static final List<String> TAGS = List.of("app", "team", "env");
    private static final List<String> IPS = List.of("10.1.2.3", "192.168.0.9", "203.0.113.7");
    private static final List<String> CIDRS = List.of("10.0.0.0/8", "192.168.0.0/24", "203.0.113.7/32", "0.0.0.0/1", "128.0.0.0/2");
    private static final List<String> TIMES = List.of("2026-12-06T06:00:00Z", "2020-01-01T00:00:00Z", "2030-06-30T12:00:00Z");
    private static final List<String> EPOCHS = List.of("1700000000", "1800000000", "1900000000");
    private static final List<String> SERVICES = List.of("ecs-tasks.amazonaws.com", "lambda.amazonaws.com");

    private final SplittableRandom random;

    CaseGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    List<GeneratedCase> generate(int count) {
        List<GeneratedCase> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cases.add(next());
        }
        return cases;
    }

    private GeneratedCase next() {
        String[] call = pick(CALLS);
        List<JsonNode> identity = new ArrayList<>();
        int policies = random.nextInt(4);
        for (int i = 0; i < policies; i++) {
            identity.add(policy(call, false));
        }
        JsonNode resourcePolicy = random.nextInt(3) == 0 ? policy(call, true) : null;
        return new GeneratedCase(identity, resourcePolicy, SESSION, ROLE, call[0], call[1], context(call[0]));
    }

    private Map<String, List<String>> context(String action) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        context.put("aws:PrincipalArn", List.of(ROLE));
        context.put("aws:PrincipalAccount", List.of(ACCOUNT));
        maybe(context, "aws:SourceAccount", pick(ACCOUNTS));
        maybe(context, "aws:SourceArn", pick(SOURCE_ARNS));
        maybe(context, "aws:RequestedRegion", pick(REGIONS));
        maybe(context, "aws:PrincipalTag/app", pick(List.of("app", "orders", "other")));
        maybe(context, "aws:SecureTransport", pick(List.of("true", "false")));
        maybe(context, "aws:SourceIp", pick(IPS));
        maybe(context, "aws:CurrentTime", pick(TIMES));
        maybe(context, "aws:EpochTime", pick(EPOCHS));
        if (random.nextBoolean()) {
            List<String> keys = new ArrayList<>();
            TAGS.forEach(tag -> {
                if (random.nextBoolean()) {
                    keys.add(tag);
                }
            });
            context.put("aws:TagKeys", keys);
        }
        if (action.equals("iam:PassRole")) {
            maybe(context, "iam:PassedToService", pick(SERVICES));
        }
        return context;
    }

    private void maybe(Map<String, List<String>> context, String key, String value) {
        if (random.nextBoolean()) {
            context.put(key, List.of(value));
        }
    }

    private JsonNode policy(String[] call, boolean resourceBased) {
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", random.nextInt(10) == 0 ? "2008-10-17" : "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            statements.add(statement(call, resourceBased));
        }
        return policy;
    }

    private ObjectNode statement(String[] call, boolean resourceBased) {
        ObjectNode statement = JSON.createObjectNode();
        boolean deny = random.nextInt(4) == 0;
        statement.put("Effect", deny ? "Deny" : "Allow");
        if (resourceBased) {
            boolean not = deny && random.nextInt(4) == 0;
            statement.set(not ? "NotPrincipal" : "Principal", principal(not));
        }
        statement.set(random.nextInt(6) == 0 ? "NotAction" : "Action", texts(actionPattern(call[0]), actionPattern(call[0])));
        statement.set(random.nextInt(6) == 0 ? "NotResource" : "Resource", texts(resourcePattern(call[1]), resourcePattern(call[1])));
        if (random.nextInt(3) > 0) {
            ObjectNode conditions = statement.putObject("Condition");
            int n = 1 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                condition(conditions, call[0]);
            }
        }
        return statement;
    }

    private JsonNode principal(boolean not) {
        int choice = random.nextInt(not ? 5 : 7);
        ObjectNode principal = JSON.createObjectNode();
        switch (choice) {
            case 0 -> principal.put("AWS", ROLE);
            case 1 -> principal.put("AWS", SESSION);
            case 2 -> principal.put("AWS", "arn:aws:iam::" + ACCOUNT + ":role/other");
            case 3 -> principal.put("AWS", ACCOUNT);
            case 4 -> principal.put("AWS", "arn:aws:iam::" + ACCOUNT + ":root");
            case 5 -> principal.put("Service", "events.amazonaws.com");
            default -> {
                return JSON.getNodeFactory().textNode("*");
            }
        }
        return principal;
    }

    private String actionPattern(String action) {
        String service = action.substring(0, action.indexOf(':'));
        String name = action.substring(action.indexOf(':') + 1);
        return switch (random.nextInt(9)) {
            case 0 -> action;
            case 1 -> action.toLowerCase();
            case 2 -> service + ":*";
            case 3 -> service + ":" + name.substring(0, 3) + "*";
            case 4 -> service + ":" + name.substring(0, name.length() - 1) + "?";
            case 5 -> "*";
            case 6 -> service + ":" + name + "s";
            case 7 -> pick(CALLS)[0];
            default -> service + ":" + name.charAt(0) + "?" + name.substring(2);
        };
    }

    private String resourcePattern(String arn) {
        String[] parts = arn.split(":", 6);
        return switch (random.nextInt(10)) {
            case 0, 1 -> arn;
            case 2 -> "*";
            case 3 -> arn.substring(0, arn.length() - 3) + "*";
            case 4 -> parts[0] + ":" + parts[1] + ":" + parts[2] + ":*:" + parts[4] + ":*";
            case 5 -> arn.substring(0, arn.length() - 1) + "?";
            case 6 -> arn.toUpperCase();
            case 7 -> pick(CALLS)[1];
            case 8 -> withVariable(parts);
            default -> arn + "/extra";
        };
    }

    /** The ARN with a variable in its resource ID; an ARN with no resource type in front of its ID keeps it whole. */
    private static String withVariable(String[] parts) {
        String product = product(parts);
        boolean typed = parts[2].equals("s3") || !product.isEmpty();
        return parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + parts[3] + ":" + parts[4] + ":"
                + (typed ? product + "*${aws:PrincipalTag/app}*" : parts[5]);
    }

    /**
     * The resource type in front of an ARN's resource ID ({@code function:}, {@code service/}):
     * wildcards and variables do not belong there ("IAM identifiers", ARNs: incorrect wildcard usage).
     */
    private static String product(String[] parts) {
        String resource = parts[5];
        if (parts[2].equals("s3")) {
            return "";
        }
        int slash = resource.indexOf('/');
        int colon = resource.indexOf(':');
        int end = slash < 0 ? colon : colon < 0 ? slash : Math.min(slash, colon);
        return end < 0 ? "" : resource.substring(0, end + 1);
    }

    private void condition(ObjectNode conditions, String action) {
        String ifExists = random.nextInt(4) == 0 ? "IfExists" : "";
        switch (random.nextInt(action.equals("iam:PassRole") ? 11 : 10)) {
            case 0 -> put(conditions, pick(List.of("StringEquals", "StringNotEquals")) + ifExists, "aws:SourceAccount",
                    pick(ACCOUNTS), pick(ACCOUNTS));
            case 1 -> put(conditions, pick(List.of("ArnLike", "ArnEquals", "ArnNotLike", "ArnNotEquals")) + ifExists,
                    "aws:SourceArn", pick(SOURCE_ARN_PATTERNS));
            case 2 -> put(conditions, pick(List.of("ArnEquals", "ArnNotEquals", "StringLike")) + ifExists, "aws:PrincipalArn",
                    pick(List.of(ROLE, "arn:aws:iam::" + ACCOUNT + ":role/*", "arn:aws:iam::" + ACCOUNT + ":role/other")));
            case 3 -> put(conditions, pick(List.of("StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike",
                    "StringNotLike")) + ifExists, "aws:RequestedRegion", pick(List.of("us-east-1", "eu-*", "us-east-?", "US-EAST-1")));
            case 4 -> put(conditions, "Bool" + ifExists, "aws:SecureTransport", pick(List.of("true", "false")));
            case 5 -> put(conditions, "Null", pick(List.of("aws:SourceArn", "aws:SourceAccount", "aws:PrincipalTag/app")),
                    pick(List.of("true", "false")));
            case 6 -> put(conditions, pick(List.of("NumericLessThan", "NumericGreaterThanEquals", "NumericEquals",
                    "NumericNotEquals")) + ifExists, "aws:EpochTime", pick(EPOCHS));
            case 7 -> put(conditions, pick(List.of("DateLessThan", "DateGreaterThan", "DateEquals", "DateNotEquals"))
                    + ifExists, "aws:CurrentTime", pick(TIMES));
            case 8 -> put(conditions, pick(List.of("IpAddress", "NotIpAddress")) + ifExists, "aws:SourceIp", pick(CIDRS));
            case 9 -> put(conditions, pick(List.of("ForAnyValue:", "ForAllValues:")) + pick(List.of("StringEquals",
                    "StringNotEquals", "StringLike")), "aws:TagKeys", pick(TAGS), pick(TAGS));
            default -> put(conditions, pick(List.of("StringEquals", "StringLike", "StringNotEquals")) + ifExists,
                    "iam:PassedToService", pick(List.of("ecs-tasks.amazonaws.com", "*.amazonaws.com", "lambda.amazonaws.com")));
        }
    }

    private void put(ObjectNode conditions, String operator, String key, String... values) {
        ObjectNode block = conditions.has(operator) ? (ObjectNode) conditions.get(operator) : conditions.putObject(operator);
        block.set(key, texts(values));
    }

    private JsonNode texts(String... values) {
        if (values.length == 1 || random.nextBoolean()) {
            return JSON.getNodeFactory().textNode(values[0]);
        }
        ArrayNode array = JSON.createArrayNode();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
