package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.Set;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Repository;

/**
 * AWS::ECR::Repository through ECR: CreateRepository with tag mutability and scan on push;
 * EmptyOnDelete deletes it with its images. RepositoryPolicyText and LifecyclePolicy are recorded
 * with the stack only (the ECR twin does not model them). Ref is the name.
 */
final class EcrRepositoryProvider implements ResourceProvider {

    private final EcrClient ecr;

    EcrRepositoryProvider(EcrClient ecr) {
        this.ecr = ecr;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String name = request.nameOr("RepositoryName", 256, true);
        Repository repository = ecr.createRepository(r -> r.repositoryName(name)
                .imageTagMutability(request.text("ImageTagMutability").orElse(null))
                .imageScanningConfiguration(s -> s.scanOnPush(request.property("ImageScanningConfiguration")
                        .path("ScanOnPush").asBoolean(false)))).repository();
        return Provisioned.of(name, "Arn", repository.repositoryArn(), "RepositoryUri", repository.repositoryUri());
    }

    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        request.text("ImageTagMutability").ifPresent(mutability -> ecr.putImageTagMutability(r -> r
                .repositoryName(current.physicalId()).imageTagMutability(mutability)));
        return current;
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        ecr.deleteRepository(r -> r.repositoryName(current.physicalId())
                .force(request.property("EmptyOnDelete").asBoolean(false)));
    }

    @Override
    public Set<String> replacedOn() {
        return Set.of("RepositoryName", "EncryptionConfiguration");
    }
}
