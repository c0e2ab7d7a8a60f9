package dev.greenlight.local.aws.sns;

import dev.greenlight.local.aws.LocalAccount;
import java.util.HashMap;
import java.util.Map;

/** A topic and the attributes set on it. */
record Topic(String name, Map<String, String> attributes) {

    Topic {
        attributes = Map.copyOf(attributes);
    }

    String arn() {
        return arnOf(name);
    }

    static String arnOf(String name) {
        return LocalAccount.arn("sns", name);
    }

    Topic with(String attribute, String value) {
        Map<String, String> updated = new HashMap<>(attributes);
        updated.put(attribute, value);
        return new Topic(name, updated);
    }
}
