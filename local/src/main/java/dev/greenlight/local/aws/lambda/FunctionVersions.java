package dev.greenlight.local.aws.lambda;

import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;

/**
 * One function's published versions and aliases. Versions are numbered from 1 and a number is never
 * used again; publishing when neither code nor configuration changed since the last version
 * answers that version, as PublishVersion documents. An alias points at $LATEST or a version; a
 * version an alias points at cannot be deleted.
 */
final class FunctionVersions {

    /** CreateAlias's Name pattern: letters, digits, - and _, not all digits; 1 to 128 characters. */
    private static final Pattern ALIAS_NAME = Pattern.compile("(?!^[0-9]+$)([a-zA-Z0-9-_]+)");
    private static final Pattern VERSION = Pattern.compile("(\\$LATEST|[0-9]+)");

    private final NavigableMap<Integer, LocalFunction> versions = new TreeMap<>();
    private final NavigableMap<String, AliasConfiguration> aliases = new TreeMap<>();
    private int lastNumber;

    LocalFunction publish(LocalFunction latest) {
        if (!versions.isEmpty() && versions.lastEntry().getValue().sameAs(latest)) {
            return versions.lastEntry().getValue();
        }
        LocalFunction version = latest.published(++lastNumber);
        versions.put(lastNumber, version);
        return version;
    }

    List<LocalFunction> versions() {
        return List.copyOf(versions.values());
    }

    /** The version a qualifier names, directly or through an alias; null when there is none. */
    LocalFunction resolve(LocalFunction latest, String qualifier) {
        AliasConfiguration alias = aliases.get(qualifier);
        String version = alias == null ? qualifier : alias.functionVersion();
        if (version.equals(LocalFunction.LATEST)) {
            return latest;
        }
        return version.matches("[0-9]+") ? versions.get(Integer.parseInt(version)) : null;
    }

    AliasConfiguration createAlias(LocalFunction latest, String name, String version, String description) {
        checkAliasName(name);
        checkVersion(latest, version);
        String arn = latest.arn() + ":" + name;
        if (aliases.containsKey(name)) {
            // AWS's wording, as the Lambda API answers it; the reference lists only the exception.
            throw LambdaErrors.conflict("Alias already exists: " + arn);
        }
        AliasConfiguration alias = AliasConfiguration.builder().aliasArn(arn).name(name).functionVersion(version)
                .description(description == null ? "" : description).revisionId(revision(arn, version)).build();
        aliases.put(name, alias);
        return alias;
    }

    AliasConfiguration alias(LocalFunction latest, String name) {
        AliasConfiguration alias = aliases.get(name);
        if (alias == null) {
            throw LambdaErrors.notFound("Alias not found: " + latest.arn() + ":" + name);
        }
        return alias;
    }

    /** Moves the alias; a RevisionId that is not the alias's current one is a conflict (precondition). */
    AliasConfiguration updateAlias(LocalFunction latest, String name, String version, String description,
            String revisionId) {
        AliasConfiguration alias = alias(latest, name);
        if (revisionId != null && !revisionId.equals(alias.revisionId())) {
            throw LambdaErrors.preconditionFailed();
        }
        String target = version == null ? alias.functionVersion() : version;
        checkVersion(latest, target);
        AliasConfiguration updated = alias.toBuilder().functionVersion(target)
                .description(description == null ? alias.description() : description)
                .revisionId(revision(alias.aliasArn(), target + alias.revisionId())).build();
        aliases.put(name, updated);
        return updated;
    }

    void deleteAlias(String name) {
        aliases.remove(name);
    }

    List<AliasConfiguration> aliases() {
        return List.copyOf(aliases.values());
    }

    /** Deleting a version an alias points at is refused, as DeleteFunction documents. */
    void deleteVersion(LocalFunction latest, String version) {
        int number = Integer.parseInt(version);
        if (!versions.containsKey(number)) {
            throw LambdaErrors.functionNotFound(latest.arn() + ":" + version);
        }
        List<String> pointing = aliases.values().stream().filter(a -> a.functionVersion().equals(version))
                .map(AliasConfiguration::name).toList();
        if (!pointing.isEmpty()) {
            throw LambdaErrors.conflict("Unable to delete version because the following aliases reference it: "
                    + pointing);
        }
        versions.remove(number);
    }

    private void checkVersion(LocalFunction latest, String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw LambdaErrors.validation(version, "functionVersion",
                    "Member must satisfy regular expression pattern: (\\$LATEST|[0-9]+)");
        }
        if (resolve(latest, version) == null) {
            throw LambdaErrors.functionNotFound(latest.arn() + ":" + version);
        }
    }

    private static void checkAliasName(String name) {
        if (name == null || name.isEmpty() || name.length() > 128 || !ALIAS_NAME.matcher(name).matches()) {
            throw LambdaErrors.validation(name, "name",
                    "Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)");
        }
    }

    private static String revision(String arn, String version) {
        return java.util.UUID.nameUUIDFromBytes((arn + "@" + version).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
