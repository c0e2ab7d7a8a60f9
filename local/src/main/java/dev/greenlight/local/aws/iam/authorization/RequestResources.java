package dev.greenlight.local.aws.iam.authorization;

import dev.greenlight.local.aws.LocalAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The resource ARNs of one request for one resource type of the reference: a request member that
 * already holds an ARN of that type (TopicArn, StateMachineArn, a function ARN given as
 * FunctionName) is taken whole; otherwise the template's variables are filled from the members
 * named like them ({@code ${FunctionName}} from FunctionName, {@code ${BucketName}} from Bucket,
 * {@code ${ObjectName}} from Key, {@code ${RepositoryName}} from RepositoryNames; a member holding
 * an ARN gives its last name). A member holding a list gives one ARN per element; the members of a
 * batch's entries count as the request's. Empty when a variable has no value in the request.
 * A Lambda function is authorized by the ARN it is called by: qualified when its name carries a
 * version or alias, or the request a Qualifier ("Versioning, aliases, and resource policies",
 * Lambda Developer Guide).
 */
final class RequestResources {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z]+)}");
    /** Template variables whose request member is named otherwise. */
    private static final Map<String, List<String>> ALIASES = Map.of(
            "objectname", List.of("key"),
            "rolenamewithpath", List.of("rolename"),
            "rulename", List.of("rule", "name"),
            "alarmname", List.of("alarmnames"),
            "taskdefinitionfamilyname", List.of("family", "taskdefinition"),
            "repositoryname", List.of("repositoryname"),
            "statemachinename", List.of("name"),
            "deploymentconfigurationname", List.of("deploymentconfigname"));

    private static final String LAMBDA_FUNCTION = ":function:${FunctionName}";
    private static final Pattern FUNCTION_NAME = Pattern.compile("(?:arn:[^:]+:lambda:[^:]+:)?(?:\\d{12}:function:)?(.+)");

    /** What AWS takes when the request leaves the member out: PutEvents goes to the default event bus. */
    private static final Map<String, String> DEFAULTS = Map.of("eventbusname", "default");
    /** Each template's pattern, compiled once: the reference's templates are few and every call asks again. */
    private static final Map<String, Pattern> SHAPES = new ConcurrentHashMap<>();

    private RequestResources() {
    }

    /** @param facts members the request implies but does not carry (a deployment's group, from its ID) */
    static Optional<List<String>> of(String template, SdkPojo request, Map<String, String> facts) {
        Map<String, List<String>> members = members(request);
        facts.forEach((name, value) -> members.putIfAbsent(name.toLowerCase(Locale.ROOT), List.of(value)));
        if (template.endsWith(LAMBDA_FUNCTION) && members.containsKey("functionname")) {
            members.put("functionname", members.get("functionname").stream()
                    .map(name -> qualifiedName(name, members.get("qualifier"))).toList());
        }
        Pattern shape = SHAPES.computeIfAbsent(template, RequestResources::shape);
        List<String> whole = members.values().stream().flatMap(List::stream)
                .filter(value -> shape.matcher(value).matches()).distinct().toList();
        if (!whole.isEmpty()) {
            return Optional.of(whole);
        }
        List<String> arns = new ArrayList<>(List.of(template));
        Matcher matcher = VARIABLE.matcher(template);
        while (matcher.find()) {
            String variable = matcher.group(1);
            Optional<List<String>> values = value(variable, members);
            if (values.isEmpty()) {
                return Optional.empty();
            }
            List<String> filled = new ArrayList<>();
            for (String arn : arns) {
                for (String value : values.get()) {
                    filled.add(arn.replace("${" + variable + "}", value));
                }
            }
            arns = filled;
        }
        return Optional.of(List.copyOf(arns));
    }

    private static Optional<List<String>> value(String variable, Map<String, List<String>> members) {
        switch (variable) {
            case "Partition":
                return Optional.of(List.of("aws"));
            case "Region":
                return Optional.of(List.of(LocalAccount.REGION));
            case "Account":
                return Optional.of(List.of(LocalAccount.ID));
            case "ParameterNameWithoutLeadingSlash":
                // SSM's parameter ARN is parameter/NAME for "NAME" and "/NAME" alike.
                return value("Name", members).map(names -> names.stream().map(n -> n.replaceFirst("^/", "")).toList());
            default:
                break;
        }
        String lower = variable.toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>(List.of(lower));
        names.add(lower + "s");
        if (lower.endsWith("name")) {
            String base = lower.substring(0, lower.length() - "name".length());
            names.add(base);
            names.add(base + "s");
        }
        names.addAll(ALIASES.getOrDefault(lower, List.of()));
        for (String name : names) {
            List<String> values = members.get(name);
            if (values != null && !values.isEmpty()) {
                return Optional.of(values.stream().map(RequestResources::lastName).toList());
            }
        }
        return Optional.ofNullable(DEFAULTS.get(lower)).map(List::of);
    }

    /** {@code NAME[:QUALIFIER]} of a function given by name, partial ARN or ARN, with the request's Qualifier. */
    private static String qualifiedName(String functionName, List<String> qualifier) {
        Matcher matcher = FUNCTION_NAME.matcher(functionName);
        String name = matcher.matches() ? matcher.group(1) : functionName;
        return qualifier == null || qualifier.isEmpty() || name.contains(":") ? name : name + ":" + qualifier.get(0);
    }

    /** {@code arn:aws:ecs:...:cluster/prod} gives {@code prod}; a plain name is itself. */
    private static String lastName(String value) {
        if (!value.startsWith("arn:")) {
            return value;
        }
        String resource = value.split(":", 6)[5];
        return resource.substring(Math.max(resource.lastIndexOf('/'), resource.lastIndexOf(':')) + 1);
    }

    /** The template as a pattern that an ARN of that type matches. */
    private static Pattern shape(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher matcher = VARIABLE.matcher(template);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(last, matcher.start())));
            regex.append(matcher.group(1).equals("ObjectName") ? ".+" : "[^:/]+");
            last = matcher.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }

    /** Every string and list-of-strings member of the request, by lower-cased member name. */
    private static Map<String, List<String>> members(SdkPojo request) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (SdkField<?> field : request.sdkFields()) {
            Object value = field.getValueOrDefault(request);
            if (value instanceof String text) {
                members.put(field.memberName().toLowerCase(Locale.ROOT), List.of(text));
            } else if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(String.class::isInstance)) {
                members.put(field.memberName().toLowerCase(Locale.ROOT), list.stream().map(String.class::cast).toList());
            } else if (value instanceof List<?> list && list.stream().allMatch(SdkPojo.class::isInstance)) {
                // Entries of a batch (PutEvents' Entries): their members count as the request's.
                list.forEach(entry -> members((SdkPojo) entry).forEach((name, values) ->
                        members.merge(name, values, (a, b) -> Stream.concat(a.stream(), b.stream())
                                .distinct().toList())));
            }
        }
        return members;
    }
}
