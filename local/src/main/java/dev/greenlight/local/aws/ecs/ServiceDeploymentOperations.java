package dev.greenlight.local.aws.ecs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentRequest;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentResponse;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentStopType;

/**
 * ListServiceDeployments, DescribeServiceDeployments, DescribeServiceRevisions and
 * StopServiceDeployment (API reference): the twin keeps the service deployments its blue/green
 * services started; an unknown ARN is a MISSING failure, as DescribeServices reports one.
 */
final class ServiceDeploymentOperations {

    private final EcsState state;

    ServiceDeploymentOperations(EcsState state) {
        this.state = state;
    }

    /** Newest first; filtered by status and creation time; 20 a page at most (the documented maximum is 100). */
    ListServiceDeploymentsResponse list(ListServiceDeploymentsRequest request) {
        ClusterState cluster = state.cluster(request.cluster());
        ServiceState service = state.service(cluster, request.service());
        List<ServiceDeploymentBrief> briefs = state.deployments.values().stream()
                .filter(run -> run.serviceArn().equals(service.arn()))
                .filter(run -> !request.hasStatus() || request.status().contains(run.status()))
                .filter(run -> request.createdAt() == null || request.createdAt().after() == null
                        || !run.createdAt().isBefore(request.createdAt().after()))
                .filter(run -> request.createdAt() == null || request.createdAt().before() == null
                        || !run.createdAt().isAfter(request.createdAt().before()))
                .sorted(Comparator.comparing(BlueGreenRun::createdAt).reversed())
                .map(BlueGreenRun::brief).toList();
        if (request.maxResults() != null && (request.maxResults() < 1 || request.maxResults() > 100)) {
            throw EcsErrors.invalidParameter("maxResults must be between 1 and 100.");
        }
        ListPage<ServiceDeploymentBrief> page = ListPage.of(briefs, request.nextToken(), request.maxResults(), 20);
        return ListServiceDeploymentsResponse.builder().serviceDeployments(page.items()).nextToken(page.nextToken())
                .build();
    }

    DescribeServiceDeploymentsResponse describe(DescribeServiceDeploymentsRequest request) {
        if (!request.hasServiceDeploymentArns() || request.serviceDeploymentArns().isEmpty()
                || request.serviceDeploymentArns().size() > 20) {
            throw EcsErrors.invalidParameter("serviceDeploymentArns must contain between 1 and 20 items.");
        }
        DescribeServiceDeploymentsResponse.Builder response = DescribeServiceDeploymentsResponse.builder();
        List<software.amazon.awssdk.services.ecs.model.ServiceDeployment> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String arn : request.serviceDeploymentArns()) {
            BlueGreenRun run = state.deployments.get(arn);
            if (run == null) {
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else {
                found.add(run.view());
            }
        }
        return response.serviceDeployments(found).failures(failures).build();
    }

    DescribeServiceRevisionsResponse describeRevisions(DescribeServiceRevisionsRequest request) {
        if (!request.hasServiceRevisionArns() || request.serviceRevisionArns().isEmpty()
                || request.serviceRevisionArns().size() > 20) {
            throw EcsErrors.invalidParameter("serviceRevisionArns must contain between 1 and 20 items.");
        }
        List<ServiceRevision> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String arn : request.serviceRevisionArns()) {
            ServiceRevision revision = state.revisions.get(arn);
            if (revision == null) {
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else {
                found.add(revision);
            }
        }
        return DescribeServiceRevisionsResponse.builder().serviceRevisions(found).failures(failures).build();
    }

    /**
     * API reference: stopType's model lists ABORT and ROLLBACK, but "the valid values are ROLLBACK" and
     * only ROLLBACK is described, so the twin refuses ABORT (AWS's wording for that refusal is not published).
     */
    StopServiceDeploymentResponse stop(StopServiceDeploymentRequest request) {
        BlueGreenRun run = request.serviceDeploymentArn() == null ? null
                : state.deployments.get(request.serviceDeploymentArn());
        if (run == null) {
            throw EcsErrors.serviceDeploymentNotFound(request.serviceDeploymentArn());
        }
        if (request.stopType() != null && request.stopType() != StopServiceDeploymentStopType.ROLLBACK) {
            throw EcsErrors.invalidParameter("The valid stopType is ROLLBACK.");
        }
        run.stopWithRollback();
        return StopServiceDeploymentResponse.builder().serviceDeploymentArn(run.arn).build();
    }
}
