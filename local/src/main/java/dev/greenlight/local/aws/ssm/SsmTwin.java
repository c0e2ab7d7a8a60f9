package dev.greenlight.local.aws.ssm;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.clock.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DeleteParameterRequest;
import software.amazon.awssdk.services.ssm.model.DeleteParameterResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;

/**
 * SSM Parameter Store, standard tier: String, StringList and SecureString parameters (stored as
 * given; the twin has no KMS), versioned on every overwrite.
 */
public final class SsmTwin implements SsmClient {

    private static final Pattern NAME = Pattern.compile("/?[a-zA-Z0-9_.\\-/]{1,2048}");
    private static final Set<String> TYPES = Set.of("String", "StringList", "SecureString");
    private static final int MAX_VALUE = 4096;

    private final Clock clock;
    private final Map<String, StoredParameter> parameters = new LinkedHashMap<>();

    public SsmTwin(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The current value of {@code name}, for CloudFormation's SSM parameter types. */
    public synchronized Optional<String> value(String name) {
        return Optional.ofNullable(parameters.get(name)).map(StoredParameter::value);
    }

    @Override
    public synchronized PutParameterResponse putParameter(PutParameterRequest request) {
        String name = request.name();
        if (name == null || !NAME.matcher(name).matches() || name.toLowerCase().matches("/?(aws|ssm).*")) {
            throw SsmErrors.validation("Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive), "
                    + "and must only contain a-zA-Z0-9_.-/");
        }
        if (request.value() == null || request.value().isEmpty() || request.value().length() > MAX_VALUE) {
            throw SsmErrors.validation("1 validation error detected: Value at 'value' failed to satisfy constraint: "
                    + "Member must have length between 1 and " + MAX_VALUE);
        }
        StoredParameter existing = parameters.get(name);
        if (existing != null && !Boolean.TRUE.equals(request.overwrite())) {
            throw SsmErrors.exists();
        }
        String type = request.typeAsString() != null ? request.typeAsString() : existing != null ? existing.type() : "String";
        if (!TYPES.contains(type)) {
            throw SsmErrors.validation("1 validation error detected: Value '" + type + "' at 'type' failed to satisfy "
                    + "constraint: Member must satisfy enum value set: [SecureString, StringList, String]");
        }
        long version = existing == null ? 1 : existing.version() + 1;
        parameters.put(name, new StoredParameter(name, type, request.value(), version,
                request.description() != null ? request.description() : existing == null ? null : existing.description(),
                clock.now()));
        return PutParameterResponse.builder().version(version).tier("Standard").build();
    }

    @Override
    public synchronized GetParameterResponse getParameter(GetParameterRequest request) {
        StoredParameter parameter = Optional.ofNullable(parameters.get(request.name()))
                .orElseThrow(() -> SsmErrors.notFound(request.name()));
        return GetParameterResponse.builder().parameter(view(parameter)).build();
    }

    @Override
    public synchronized GetParametersResponse getParameters(GetParametersRequest request) {
        List<Parameter> found = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String name : request.names()) {
            StoredParameter parameter = parameters.get(name);
            if (parameter == null) {
                invalid.add(name);
            } else {
                found.add(view(parameter));
            }
        }
        return GetParametersResponse.builder().parameters(found).invalidParameters(invalid).build();
    }

    @Override
    public synchronized DeleteParameterResponse deleteParameter(DeleteParameterRequest request) {
        if (parameters.remove(request.name()) == null) {
            throw SsmErrors.notFound(request.name());
        }
        return DeleteParameterResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    private static Parameter view(StoredParameter parameter) {
        return Parameter.builder()
                .name(parameter.name())
                .type(parameter.type())
                .value(parameter.value())
                .version(parameter.version())
                .lastModifiedDate(parameter.modified())
                .arn(LocalAccount.arn("ssm", "parameter" + (parameter.name().startsWith("/") ? "" : "/") + parameter.name()))
                .dataType("text")
                .build();
    }
}
