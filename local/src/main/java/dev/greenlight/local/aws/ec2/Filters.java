package dev.greenlight.local.aws.ec2;

import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * EC2's Describe filters (EC2 API reference, "List and filter your resources"): a resource
 * matches when every filter matches one of its values; a filter's values are ORed and may use
 * {@code *} and {@code ?} wildcards; {@code tag:KEY} and {@code tag-key} come with every
 * resource that has tags. An unknown filter name is InvalidParameterValue.
 */
final class Filters {

    private Filters() {
    }

    /** {@code attributes}: the values of each filter name this kind of resource supports. */
    static boolean match(List<Filter> filters, Map<String, List<String>> attributes, List<Tag> tags, Set<String> known) {
        for (Filter filter : filters) {
            String name = filter.name();
            List<String> values;
            if (name != null && name.startsWith("tag:")) {
                String key = name.substring(4);
                values = tags.stream().filter(tag -> tag.key().equals(key)).map(Tag::value).toList();
            } else if ("tag-key".equals(name)) {
                values = tags.stream().map(Tag::key).toList();
            } else if (name != null && known.contains(name)) {
                values = attributes.getOrDefault(name, List.of());
            } else {
                throw Ec2Errors.of("InvalidParameterValue", "The filter '" + name + "' is invalid");
            }
            if (filter.values().stream().noneMatch(wanted -> values.stream().anyMatch(v -> wildcard(wanted, v)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean wildcard(String pattern, String value) {
        String regex = java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return value != null && value.matches(regex);
    }
}
