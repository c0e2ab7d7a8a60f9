package dev.greenlight.workers.taskdef;

import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.Clients;
import dev.greenlight.workers.core.CurrentTaskDefinition;
import dev.greenlight.workers.core.Worker;
import java.util.Objects;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * The service's current task definition registered again with the verified image (by digest) in
 * {@code config.container}; the previous ARN is kept for a rollback that has to redeploy it.
 */
public final class RegisterTaskDefinition
        extends Worker<RegisterTaskDefinition.Input, RegisterTaskDefinition.Output> {

    /** @param imageUri VerifyImage's {@code imageUri}, {@code …amazonaws.com/REPO@sha256:…} */
    public record Input(String imageUri, ServiceConfig config) {
    }

    public record Output(String taskDefinitionArn, String previousTaskDefinitionArn) {
    }

    private final EcsClient ecs;

    public RegisterTaskDefinition() {
        this(Clients.ecs());
    }

    public RegisterTaskDefinition(EcsClient ecs) {
        super(Input.class);
        this.ecs = Objects.requireNonNull(ecs, "ecs");
    }

    @Override
    public Output apply(Input input) {
        check(input);
        ServiceConfig config = input.config();
        DescribeTaskDefinitionResponse current = CurrentTaskDefinition.of(ecs, config.cluster(), config.service());
        RegisterTaskDefinitionRequest next = TaskDefinitionRevision.withImage(current.taskDefinition(),
                current.tags(), config.container(), input.imageUri());
        String registered = ecs.registerTaskDefinition(next).taskDefinition().taskDefinitionArn();
        return new Output(registered, current.taskDefinition().taskDefinitionArn());
    }

    private static void check(Input input) {
        if (input == null || input.config() == null) {
            throw new IllegalArgumentException("RegisterTaskDefinition needs {\"imageUri\": …, \"config\": {…}}: "
                    + "\"config\" is missing; pass the execution input's config");
        }
        if (input.imageUri() == null || input.imageUri().isBlank() || input.imageUri().chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("RegisterTaskDefinition needs imageUri, VerifyImage's output "
                    + "(ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPO@sha256:…), got " + input.imageUri());
        }
    }
}
