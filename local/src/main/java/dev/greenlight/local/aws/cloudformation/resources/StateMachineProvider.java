package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.Set;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * AWS::StepFunctions::StateMachine through Step Functions: the definition (DefinitionString or
 * Definition) with its DefinitionSubstitutions applied, as CloudFormation applies them. Ref is the
 * ARN; Fn::GetAtt gives Arn and Name. StateMachineName and StateMachineType replace it.
 */
final class StateMachineProvider implements ResourceProvider {

    private final SfnClient sfn;

    StateMachineProvider(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String name = request.nameOr("StateMachineName", 80, false);
        String arn = sfn.createStateMachine(r -> r.name(name).definition(definition(request))
                .roleArn(request.required("RoleArn"))
                .type(request.text("StateMachineType").orElse("STANDARD"))).stateMachineArn();
        return Provisioned.of(arn, "Arn", arn, "Name", name);
    }

    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        sfn.updateStateMachine(r -> r.stateMachineArn(current.physicalId()).definition(definition(request))
                .roleArn(request.required("RoleArn")));
        return current;
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        sfn.deleteStateMachine(r -> r.stateMachineArn(current.physicalId()));
    }

    @Override
    public Set<String> replacedOn() {
        return Set.of("StateMachineName", "StateMachineType");
    }

    private static String definition(ResourceRequest request) {
        String definition = request.text("DefinitionString").orElseGet(() -> request.property("Definition").toString());
        var substitutions = request.property("DefinitionSubstitutions").fields();
        while (substitutions.hasNext()) {
            var substitution = substitutions.next();
            definition = definition.replace("${" + substitution.getKey() + "}", substitution.getValue().asText());
        }
        return definition;
    }

}
