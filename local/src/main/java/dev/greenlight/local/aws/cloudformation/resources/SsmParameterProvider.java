package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.Set;
import software.amazon.awssdk.services.ssm.SsmClient;

/** AWS::SSM::Parameter through Parameter Store. Ref is the name; Fn::GetAtt gives Type and Value. Name replaces it. */
final class SsmParameterProvider implements ResourceProvider {

    private final SsmClient ssm;

    SsmParameterProvider(SsmClient ssm) {
        this.ssm = ssm;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String name = request.text("Name").orElseGet(() -> "CFN-" + request.generatedName(128, false));
        return put(request, name, false);
    }

    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        return put(request, current.physicalId(), true);
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        ssm.deleteParameter(r -> r.name(current.physicalId()));
    }

    @Override
    public Set<String> replacedOn() {
        return Set.of("Name");
    }

    private Provisioned put(ResourceRequest request, String name, boolean overwrite) {
        String type = request.required("Type");
        String value = request.required("Value");
        ssm.putParameter(r -> r.name(name).type(type).value(value).overwrite(overwrite)
                .description(request.text("Description").orElse(null)));
        return Provisioned.of(name, "Type", type, "Value", value);
    }
}
