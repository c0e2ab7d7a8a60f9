package dev.greenlight.statemachine.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.aws.ecr.LocalImage;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.fleet.TrafficGenerator;
import dev.greenlight.local.fleet.TrafficPlan;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.statemachine.twin.ClientDecorator;
import dev.greenlight.statemachine.twin.PipelineOnTwin;
import dev.greenlight.statemachine.twin.PipelineRoles;
import dev.greenlight.statemachine.twin.TwinServiceConfig;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.workers.config.ServiceConfig.Canary;
import dev.greenlight.workers.core.DeploymentInput;
import dev.greenlight.workers.core.Worker;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * One twin in virtual time with the demo service {@code orders} (running {@code orders:1.0}) and the
 * real pipeline deployed onto it: what every scenario starts from, and the moves scenarios make.
 */
final class Scenario implements AutoCloseable {

    static final String SERVICE = "orders";
    /** CodeDeploy's service role for the demo service, with AWS's managed AWSCodeDeployRoleForECS. */
    static final String CODE_DEPLOY_ROLE = "codedeploy";
    private static final String CODE_DEPLOY_POLICY = "arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS";
    /** Long enough for the slowest path: an approval that times out after 30 minutes, a hook left for an hour. */
    private static final Duration LONGEST_RUN = Duration.ofHours(4);
    private static final Duration STEP = Duration.ofSeconds(10);

    final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    final LocalTwin twin = LocalTwin.virtualTime(clock);
    final DemoService orders;
    final ServiceConfig config;
    final PipelineOnTwin pipeline;
    /** The workers' and the state machine's roles as synthesized, enforced on every call they make. */
    final PipelineRoles roles;
    /** Who deploys {@code orders}: a CodeDeploy deployment group, or ECS blue/green itself. */
    final Backend backend;
    /** What the service ran before any deployment: {@code orders:1.0}, pinned by digest. */
    final String originalImage;

    private TrafficGenerator users;
    /** When it holds, running virtual time stops with {@link Stopped}: a run that has shown what it was for. */
    private BooleanSupplier stopWhen = () -> false;

    private Scenario(ApprovalMode approval, Canary canary, ClientDecorator clients, boolean withUsers,
            String originalProfile, boolean alarms, Backend backend) {
        this(approval, canary, clients, withUsers, originalProfile, alarms, backend, Map.of());
    }

    /**
     * @param originalProfile what {@code orders:1.0}, serving before any deployment, does
     * @param alarms          whether the service has its 5xx alarms (in the config and the deployment group)
     * @param rolePolicies    policies that replace the synthesized ones, by role (the mutation test's)
     */
    private Scenario(ApprovalMode approval, Canary canary, ClientDecorator clients, boolean withUsers,
            String originalProfile, boolean alarms, Backend backend, Map<String, JsonNode> rolePolicies) {
        this.backend = backend;
        this.orders = DemoService.provision(twin,
                new DemoService.Settings(SERVICE, 2, "CodeDeployDefault.ECSAllAtOnce", 30, originalProfile),
                backend == Backend.ecs);
        this.originalImage = imagesOf(service().taskDefinition()).iterator().next();
        ServiceConfig withAlarms = TwinServiceConfig.of(twin, orders, approval, canary, 5).withBackend(backend);
        if (!alarms && backend == Backend.codedeploy) {
            twin.codeDeploy().updateDeploymentGroup(r -> r.applicationName(SERVICE)
                    .currentDeploymentGroupName(orders.deploymentGroup()).alarmConfiguration(a -> a.enabled(false)));
        }
        this.config = alarms ? withAlarms : new ServiceConfig(withAlarms.repository(), withAlarms.cluster(),
                withAlarms.service(), withAlarms.container(), withAlarms.containerPort(), withAlarms.codeDeploy(),
                List.of(), withAlarms.canary(), withAlarms.bakeMinutes(), withAlarms.approval(), withAlarms.scan(),
                withAlarms.requiredLabels(), withAlarms.smoke(), withAlarms.notifications(), backend);
        if (rolePolicies.containsKey(CODE_DEPLOY_ROLE)) {
            // The mutation test's: the managed policy's actions but one, as an inline policy in its place.
            twin.iam().detachRolePolicy(r -> r.roleName(CODE_DEPLOY_ROLE).policyArn(CODE_DEPLOY_POLICY));
            twin.iam().putRolePolicy(r -> r.roleName(CODE_DEPLOY_ROLE).policyName("mutated")
                    .policyDocument(rolePolicies.get(CODE_DEPLOY_ROLE).toString()));
        }
        this.roles = PipelineRoles.install(twin, backend, rolePolicies, canary);
        this.pipeline = PipelineOnTwin.deploy(twin, new GreenlightConfig(Map.of(SERVICE, config)), true, clients,
                roles);
        if (withUsers) {
            users();
        }
        // The first tasks pass their health checks before anything is deployed over them.
        clock.advance(Duration.ofMinutes(2));
    }

    /** The document of CodeDeploy's service role's managed policy, as the twin's IAM has it. */
    static JsonNode codeDeployRolePolicy() {
        try (LocalTwin scratch = LocalTwin.virtualTime(new VirtualClock(Instant.EPOCH))) {
            String version = scratch.iam().getPolicy(r -> r.policyArn(CODE_DEPLOY_POLICY)).policy().defaultVersionId();
            String document = scratch.iam().getPolicyVersion(r -> r.policyArn(CODE_DEPLOY_POLICY).versionId(version))
                    .policyVersion().document();
            return json(URLDecoder.decode(document, StandardCharsets.UTF_8));
        }
    }

    /** Steady users (10 requests a second) on the production listener: the evidence a release needs. */
    static Scenario automaticApproval(Backend backend) {
        return new Scenario(ApprovalMode.auto, new Canary(10, 5), ClientDecorator.NONE, true, "healthy", true, backend);
    }

    /**
     * For the least-privilege flows: {@code orders:1.0} doing {@code originalProfile}, the service's alarms in
     * the config and the deployment group or not, and the workers' roles given these policies in place of the
     * synthesized ones, by role.
     */
    static Scenario withRolePolicies(ApprovalMode approval, Backend backend, String originalProfile, boolean alarms,
            Map<String, JsonNode> rolePolicies) {
        return new Scenario(approval, new Canary(10, 5), ClientDecorator.NONE, true, originalProfile, alarms, backend,
                rolePolicies);
    }

    static Scenario manualApproval(Backend backend) {
        return new Scenario(ApprovalMode.manual, new Canary(10, 5), ClientDecorator.NONE, true, "healthy", true,
                backend);
    }

    static Scenario withClients(ClientDecorator clients, Backend backend) {
        return new Scenario(ApprovalMode.auto, new Canary(10, 5), clients, true, "healthy", true, backend);
    }

    static Scenario withClients(ClientDecorator clients, boolean withUsers, Backend backend) {
        return new Scenario(ApprovalMode.auto, new Canary(10, 5), clients, withUsers, "healthy", true, backend);
    }

    /** Steady users, and the canary given. */
    static Scenario withCanary(Canary canary) {
        return withCanary(canary, Backend.codedeploy);
    }

    static Scenario withCanary(Canary canary, Backend backend) {
        return new Scenario(ApprovalMode.auto, canary, ClientDecorator.NONE, true, "healthy", true, backend);
    }

    /**
     * Steady users, no alarm at all (neither in the config nor in CodeDeploy's deployment group), and
     * {@code orders:1.0} doing {@code originalProfile}: the canary analysis is the only judge.
     */
    static Scenario analysisOnly(String originalProfile, Backend backend) {
        return new Scenario(ApprovalMode.auto, new Canary(10, 5), ClientDecorator.NONE, true, originalProfile, false,
                backend);
    }

    /** Extra users on top of the steady ones: {@code requestsPerSecond} for {@code duration}, from now. */
    TrafficGenerator burst(double requestsPerSecond, Duration duration) {
        return twin.fleet().sendTraffic(twin.elb().listenerPort(orders.productionListenerArn()),
                new TrafficPlan(requestsPerSecond, duration, 10_000_000));
    }

    /** No user at all: nothing gives evidence. */
    static Scenario quiet(Backend backend) {
        return new Scenario(ApprovalMode.auto, new Canary(10, 5), ClientDecorator.NONE, false, "healthy", true,
                backend);
    }

    /** Pushes {@code orders:TAG} running the sample app with {@code profile}; the push rule starts the pipeline. */
    String push(String tag, String profile) {
        return push(LocalImage.of(tag, profile));
    }

    /** @return the pushed image's digest */
    String push(LocalImage image) {
        return twin.ecr().push(SERVICE, image);
    }

    /** Users on the production listener (started once), so the load balancer's metrics feed the analysis and alarms. */
    TrafficGenerator users() {
        if (users == null) {
            users = twin.fleet().sendTraffic(twin.elb().listenerPort(orders.productionListenerArn()),
                    new TrafficPlan(10, Duration.ofHours(4), 10_000_000));
        }
        return users;
    }

    /** StartExecution by hand, as the CLI will: {@code orders} at {@code tag}, asked for by alice. */
    String startByHand(String name, String tag) {
        DeploymentInput input = new DeploymentInput(SERVICE, new DeploymentInput.ImageRef(SERVICE, tag, null),
                new DeploymentInput.Trigger("manual", "alice", "deploy " + tag + " by hand"), config, null);
        try {
            return start(name, Worker.JSON.writeValueAsString(input));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** StartExecution with {@code input} as it is. */
    String start(String name, String input) {
        return twin.stepFunctions().startExecution(r -> r.stateMachineArn(pipeline.stateMachineArn()).name(name)
                .input(input)).executionArn();
    }

    List<ExecutionListItem> executions() {
        return twin.stepFunctions().listExecutions(r -> r.stateMachineArn(pipeline.stateMachineArn())).executions();
    }

    /** Ends every later run of virtual time with {@link Stopped} once {@code condition} holds. */
    void stopWhen(BooleanSupplier condition) {
        this.stopWhen = condition;
    }

    /** Thrown by a run of virtual time once the {@link #stopWhen} condition holds. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped: the run has shown what it was for", null, false, false);
        }
    }

    /** Runs virtual time until every execution has ended; the one execution there must be. */
    DescribeExecutionResponse runToEnd() {
        runUntil(() -> !executions().isEmpty() && allEnded(), LONGEST_RUN);
        List<ExecutionListItem> all = executions();
        if (all.size() != 1) {
            throw new AssertionError("expected one execution, found " + all.stream().map(ExecutionListItem::name).toList());
        }
        return describe(all.get(0).executionArn());
    }

    /** Runs virtual time until every execution has ended. */
    void runAllToEnd() {
        runUntil(this::allEnded, LONGEST_RUN);
    }

    /**
     * Advances virtual time in small steps until {@code condition} holds.
     *
     * @throws AssertionError when it still does not after {@code limit}
     */
    void runUntil(BooleanSupplier condition, Duration limit) {
        Instant deadline = clock.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (stopWhen.getAsBoolean()) {
                throw new Stopped();
            }
            if (!clock.now().isBefore(deadline)) {
                throw new AssertionError("still waiting after " + limit + " of virtual time; executions: "
                        + executions().stream().map(e -> e.name() + " " + e.status()).toList());
            }
            clock.advance(STEP);
        }
    }

    private boolean allEnded() {
        return executions().stream().noneMatch(e -> e.status() == ExecutionStatus.RUNNING);
    }

    DescribeExecutionResponse describe(String executionArn) {
        return twin.stepFunctions().describeExecution(r -> r.executionArn(executionArn));
    }

    /** Every event of the execution's history, page after page. */
    List<HistoryEvent> history(String executionArn) {
        List<HistoryEvent> events = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetExecutionHistoryResponse page = twin.stepFunctions().getExecutionHistory(r -> r
                    .executionArn(executionArn).maxResults(1000).includeExecutionData(true).nextToken(next));
            events.addAll(page.events());
            token = page.nextToken();
        } while (token != null);
        return events;
    }

    /** Whether the execution has left the state {@code name} at least {@code times} times. */
    boolean exited(String executionArn, String name, int times) {
        return history(executionArn).stream().filter(e -> e.stateExitedEventDetails() != null
                && name.equals(e.stateExitedEventDetails().name())).count() >= times;
    }

    /** The smoke reports the watch's looks carried into the history, in order (TaskSucceeded outputs). */
    List<JsonNode> smokeReports(String executionArn) {
        return history(executionArn).stream()
                .filter(e -> e.taskSucceededEventDetails() != null)
                .map(e -> json(e.taskSucceededEventDetails().output()).path("Payload").path("smokeTest"))
                .filter(JsonNode::isObject)
                .toList();
    }

    /** The task token RequestApproval was given, once the execution is waiting for people. */
    Optional<String> approvalToken(String executionArn) {
        return history(executionArn).stream()
                .filter(e -> e.taskScheduledEventDetails() != null)
                .map(e -> json(e.taskScheduledEventDetails().parameters()).path("Payload").path("taskToken"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .findFirst();
    }

    /** The errors a Task state's attempts failed with, in order. */
    List<String> taskErrors(String executionArn) {
        return history(executionArn).stream()
                .filter(e -> e.taskFailedEventDetails() != null)
                .map(e -> e.taskFailedEventDetails().error())
                .toList();
    }

    /**
     * The production listener's share of traffic by target group ARN, in percent: a target group's weight
     * over the sum (ELB's default weight is 1, so one target group alone gets everything).
     */
    Map<String, Double> productionShares() {
        Action forward = twin.elb().describeListeners(r -> r.listenerArns(orders.productionListenerArn())).listeners()
                .get(0).defaultActions().get(0);
        if (forward.forwardConfig() == null) {
            return Map.of(forward.targetGroupArn(), 100.0);
        }
        Map<String, Integer> weights = forward.forwardConfig().targetGroups().stream().collect(Collectors.toMap(
                TargetGroupTuple::targetGroupArn, group -> group.weight() == null ? 1 : group.weight()));
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        return weights.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> total == 0 ? 0 : 100.0 * e.getValue() / total));
    }

    /**
     * The images of the service's task sets (not draining) registered with {@code targetGroupArn}. ECS
     * shows an ECS-controlled service's deployments without their target groups: there, the images of the
     * running tasks whose addresses (host and port) are the target group's healthy targets.
     */
    Set<String> imagesServing(String targetGroupArn) {
        if (backend == Backend.ecs) {
            Set<String> targets = twin.elb().describeTargetHealth(r -> r.targetGroupArn(targetGroupArn))
                    .targetHealthDescriptions().stream()
                    .filter(t -> "healthy".equals(t.targetHealth().stateAsString()))
                    .map(t -> t.target().id() + ":" + t.target().port()).collect(Collectors.toSet());
            List<String> tasks = twin.ecs().listTasks(r -> r.cluster(orders.cluster()).serviceName(SERVICE)).taskArns();
            return tasks.isEmpty() ? Set.of() : twin.ecs().describeTasks(r -> r.cluster(orders.cluster()).tasks(tasks))
                    .tasks().stream()
                    .filter(task -> task.containers().stream().flatMap(c -> c.networkBindings().stream())
                            .anyMatch(b -> targets.contains(b.bindIP() + ":" + b.hostPort())))
                    .flatMap(task -> imagesOf(task.taskDefinitionArn()).stream())
                    .collect(Collectors.toSet());
        }
        return service().taskSets().stream()
                .filter(set -> !"DRAINING".equals(set.status()))
                .filter(set -> set.loadBalancers().stream().anyMatch(lb -> targetGroupArn.equals(lb.targetGroupArn())))
                .flatMap(set -> imagesOf(set.taskDefinition()).stream())
                .collect(Collectors.toSet());
    }

    /** The tags of the images production traffic reaches, such as {@code [1.0]}. */
    Set<String> productionTags() {
        return productionShares().entrySet().stream().filter(e -> e.getValue() > 0)
                .flatMap(e -> imagesServing(e.getKey()).stream())
                .map(this::tagOf)
                .collect(Collectors.toSet());
    }

    /**
     * Every deployment of {@code orders} the backend knows, whatever its status: CodeDeploy's deployments
     * of the deployment group, or ECS's service deployments of the service.
     */
    List<String> deployments() {
        if (backend == Backend.ecs) {
            return twin.ecs().listServiceDeployments(r -> r.cluster(orders.cluster()).service(SERVICE))
                    .serviceDeployments().stream().map(d -> d.serviceDeploymentArn()).toList();
        }
        return twin.codeDeploy().listDeployments(r -> r.applicationName(SERVICE)
                .deploymentGroupName(orders.deploymentGroup())).deployments();
    }

    private Service service() {
        return twin.ecs().describeServices(r -> r.cluster(orders.cluster()).services(SERVICE)).services().get(0);
    }

    private List<String> imagesOf(String taskDefinitionArn) {
        return twin.ecs().describeTaskDefinition(r -> r.taskDefinition(taskDefinitionArn)).taskDefinition()
                .containerDefinitions().stream().map(ContainerDefinition::image).toList();
    }

    private String tagOf(String image) {
        String digest = image.substring(image.indexOf('@') + 1);
        return twin.ecr().describeImages(r -> r.repositoryName(SERVICE).imageIds(id -> id.imageDigest(digest)))
                .imageDetails().get(0).imageTags().get(0);
    }

    static JsonNode json(String text) {
        try {
            return Worker.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        twin.close();
    }
}
