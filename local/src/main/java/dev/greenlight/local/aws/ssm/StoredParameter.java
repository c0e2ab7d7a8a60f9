package dev.greenlight.local.aws.ssm;

import java.time.Instant;

/** One parameter's current version. */
record StoredParameter(String name, String type, String value, long version, String description, Instant modified) {
}
