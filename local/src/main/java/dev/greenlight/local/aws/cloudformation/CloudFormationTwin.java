package dev.greenlight.local.aws.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.aws.CallerCredentials;
import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.aws.iam.policy.Principal;
import dev.greenlight.local.clock.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CancelUpdateStackRequest;
import software.amazon.awssdk.services.cloudformation.model.CancelUpdateStackResponse;
import software.amazon.awssdk.services.cloudformation.model.Change;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetRequest;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.CreateStackRequest;
import software.amazon.awssdk.services.cloudformation.model.CreateStackResponse;
import software.amazon.awssdk.services.cloudformation.model.DeleteChangeSetRequest;
import software.amazon.awssdk.services.cloudformation.model.DeleteChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.DeleteStackRequest;
import software.amazon.awssdk.services.cloudformation.model.DeleteStackResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackResourceRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackResourceResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackResourcesRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackResourcesResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksResponse;
import software.amazon.awssdk.services.cloudformation.model.ExecuteChangeSetRequest;
import software.amazon.awssdk.services.cloudformation.model.ExecuteChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.Export;
import software.amazon.awssdk.services.cloudformation.model.GetTemplateRequest;
import software.amazon.awssdk.services.cloudformation.model.GetTemplateResponse;
import software.amazon.awssdk.services.cloudformation.model.GetTemplateSummaryRequest;
import software.amazon.awssdk.services.cloudformation.model.GetTemplateSummaryResponse;
import software.amazon.awssdk.services.cloudformation.model.ListChangeSetsRequest;
import software.amazon.awssdk.services.cloudformation.model.ListChangeSetsResponse;
import software.amazon.awssdk.services.cloudformation.model.ListExportsRequest;
import software.amazon.awssdk.services.cloudformation.model.ListExportsResponse;
import software.amazon.awssdk.services.cloudformation.model.ListStackResourcesRequest;
import software.amazon.awssdk.services.cloudformation.model.ListStackResourcesResponse;
import software.amazon.awssdk.services.cloudformation.model.ListStacksRequest;
import software.amazon.awssdk.services.cloudformation.model.ListStacksResponse;
import software.amazon.awssdk.services.cloudformation.model.OnFailure;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.ParameterDeclaration;
import software.amazon.awssdk.services.cloudformation.model.TemplateParameter;
import software.amazon.awssdk.services.cloudformation.model.UpdateStackRequest;
import software.amazon.awssdk.services.cloudformation.model.UpdateStackResponse;
import software.amazon.awssdk.services.cloudformation.model.ValidateTemplateRequest;
import software.amazon.awssdk.services.cloudformation.model.ValidateTemplateResponse;

/**
 * CloudFormation stacks and change sets, deployed through {@link ResourceProviders} that call the
 * other twins. As in AWS, a stack operation returns with the stack IN_PROGRESS and runs on the
 * twin's clock, waiting for resources to stabilize (see {@link StackRun}); another operation on the
 * stack meanwhile is refused as AWS refuses it.
 */
public final class CloudFormationTwin implements CloudFormationClient {

    private static final String SERVICE_ROLE_SESSION = "AWSCloudFormation";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][-a-zA-Z0-9]{0,127}");
    private static final Set<String> UPDATABLE = Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE",
            "IMPORT_COMPLETE", "IMPORT_ROLLBACK_COMPLETE");

    private final Clock clock;
    private final ResourceProviders providers;
    private final ParameterStore parameterStore;
    private final TemplateSource.Objects s3;
    private final List<String> zones;
    private final RandomGenerator random;
    private final List<Stack> stacks = new ArrayList<>();
    private volatile StackCredentials credentials = StackCredentials.ROOT;

    public CloudFormationTwin(Clock clock, ResourceProviders providers, ParameterStore parameterStore,
            TemplateSource.Objects s3, List<String> zones, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.parameterStore = Objects.requireNonNull(parameterStore, "parameterStore");
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.zones = List.copyOf(zones);
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Whom stack operations call the other services as; the account root, unchecked, until set. */
    public void credentials(StackCredentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public synchronized CreateStackResponse createStack(CreateStackRequest request) {
        requireName(request.stackName());
        if (live(request.stackName()).isPresent()) {
            throw CloudFormationErrors.stackExists(request.stackName());
        }
        Template template = template(request.templateBody(), request.templateURL());
        RequiredCapabilities.check(template, request.capabilitiesAsStrings());
        Stack stack = new Stack(stackId(request.stackName()), request.stackName(), clock.now());
        ParameterValues parameters = ParameterValues.resolve(template, request.parameters(), Map.of(), parameterStore);
        TemplateRules.check(template, run(stack).scope(template, parameters));
        stack.template = template;
        stack.parameters = parameters;
        stack.capabilities = request.capabilitiesAsStrings();
        stack.tags = request.tags();
        stack.notificationArns = request.notificationARNs();
        stack.disableRollback = Boolean.TRUE.equals(request.disableRollback())
                || request.onFailure() == OnFailure.DO_NOTHING;
        stacks.add(stack);
        actAs(stack, request.roleARN());
        run(stack).create().thenRun(() -> {
            if (request.onFailure() == OnFailure.DELETE && stack.status.equals("ROLLBACK_COMPLETE")) {
                run(stack).delete();
            }
        });
        return CreateStackResponse.builder().stackId(stack.stackId).build();
    }

    @Override
    public synchronized UpdateStackResponse updateStack(UpdateStackRequest request) {
        Stack stack = updatable(request.stackName());
        Template template = Boolean.TRUE.equals(request.usePreviousTemplate()) ? stack.template
                : template(request.templateBody(), request.templateURL());
        RequiredCapabilities.check(template, request.capabilitiesAsStrings());
        ParameterValues parameters = ParameterValues.resolve(template, request.parameters(), stack.parameters.given(),
                parameterStore);
        TemplateRules.check(template, run(stack).scope(template, parameters));
        if (template.body().equals(stack.template.body()) && parameters.given().equals(stack.parameters.given())) {
            throw CloudFormationErrors.validation("No updates are to be performed.");
        }
        stack.capabilities = request.capabilitiesAsStrings();
        if (request.hasTags()) {
            stack.tags = request.tags();
        }
        actAs(stack, request.roleARN());
        run(stack).update(template, parameters);
        return UpdateStackResponse.builder().stackId(stack.stackId).build();
    }

    /**
     * Deleting a stack that does not exist, or is already deleted or being deleted, succeeds and does
     * nothing, as in AWS. During creation it cancels the creation and deletes what was made; during
     * another operation AWS refuses (its wording, not published, as AWS answers it).
     */
    @Override
    public synchronized DeleteStackResponse deleteStack(DeleteStackRequest request) {
        Optional<Stack> found = find(request.stackName()).filter(s -> !s.isDeleted());
        if (found.isEmpty() || found.get().status.equals("DELETE_IN_PROGRESS")) {
            return DeleteStackResponse.builder().build();
        }
        Stack stack = found.get();
        if (stack.status.equals("CREATE_IN_PROGRESS")) {
            cancel(stack);
            return DeleteStackResponse.builder().build();
        }
        if (stack.inProgress()) {
            throw CloudFormationErrors.validation("Stack [" + stack.name + "] cannot be deleted while in status "
                    + stack.status);
        }
        if (stack.status.equals("REVIEW_IN_PROGRESS")) {
            stack.changeSets.clear();
            stack.deleted = clock.now();
            stack.status = "DELETE_COMPLETE";
            return DeleteStackResponse.builder().build();
        }
        exportsInUse(stack);
        actAs(stack, request.roleARN());
        run(stack).delete();
        return DeleteStackResponse.builder().build();
    }

    /** Only an update in progress can be cancelled; the stack then rolls back to how it was. */
    @Override
    public synchronized CancelUpdateStackResponse cancelUpdateStack(CancelUpdateStackRequest request) {
        Stack stack = require(request.stackName());
        if (!stack.status.equals("UPDATE_IN_PROGRESS")) {
            // AWS's wording, as it answers; not published.
            throw CloudFormationErrors.validation("CancelUpdateStack cannot be called from current stack status");
        }
        cancel(stack);
        return CancelUpdateStackResponse.builder().build();
    }

    @Override
    public synchronized DescribeStacksResponse describeStacks(DescribeStacksRequest request) {
        List<software.amazon.awssdk.services.cloudformation.model.Stack> described = request.stackName() == null
                ? stacks.stream().filter(s -> !s.isDeleted()).map(StackViews::stack).toList()
                : List.of(StackViews.stack(require(request.stackName())));
        return DescribeStacksResponse.builder().stacks(described).build();
    }

    @Override
    public synchronized ListStacksResponse listStacks(ListStacksRequest request) {
        Set<String> filter = new LinkedHashSet<>(request.stackStatusFiltersAsStrings());
        return ListStacksResponse.builder().stackSummaries(stacks.stream()
                .filter(s -> filter.isEmpty() || filter.contains(s.status))
                .map(StackViews::summary).toList()).build();
    }

    @Override
    public synchronized DescribeStackEventsResponse describeStackEvents(DescribeStackEventsRequest request) {
        return DescribeStackEventsResponse.builder()
                .stackEvents(StackViews.newestFirst(require(request.stackName()).events)).build();
    }

    @Override
    public synchronized DescribeStackResourceResponse describeStackResource(DescribeStackResourceRequest request) {
        Stack stack = require(request.stackName());
        StackResource resource = Optional.ofNullable(stack.resources.get(request.logicalResourceId())).orElseThrow(() ->
                CloudFormationErrors.validation("Resource " + request.logicalResourceId() + " does not exist for stack "
                        + stack.name));
        return DescribeStackResourceResponse.builder().stackResourceDetail(StackViews.detail(stack, resource)).build();
    }

    @Override
    public synchronized DescribeStackResourcesResponse describeStackResources(DescribeStackResourcesRequest request) {
        List<software.amazon.awssdk.services.cloudformation.model.StackResource> out = new ArrayList<>();
        List<Stack> searched;
        if (request.stackName() != null) {
            searched = List.of(require(request.stackName()));
        } else if (request.physicalResourceId() != null) {
            searched = stacks.stream().filter(s -> !s.isDeleted()).toList();
        } else {
            throw CloudFormationErrors.validation("Either StackName or PhysicalResourceId must be specified.");
        }
        for (Stack stack : searched) {
            stack.resources.values().stream()
                    .filter(r -> request.logicalResourceId() == null || r.logicalId().equals(request.logicalResourceId()))
                    .filter(r -> request.physicalResourceId() == null || request.physicalResourceId().equals(r.physicalId()))
                    .forEach(r -> out.add(StackViews.resource(stack, r)));
        }
        return DescribeStackResourcesResponse.builder().stackResources(out).build();
    }

    @Override
    public synchronized ListStackResourcesResponse listStackResources(ListStackResourcesRequest request) {
        return ListStackResourcesResponse.builder().stackResourceSummaries(require(request.stackName()).resources.values()
                .stream().map(StackViews::resourceSummary).toList()).build();
    }

    @Override
    public synchronized GetTemplateResponse getTemplate(GetTemplateRequest request) {
        if (request.changeSetName() != null) {
            return GetTemplateResponse.builder().templateBody(changeSet(request.changeSetName(), request.stackName())
                    .template().body()).stagesAvailableWithStrings("Original", "Processed").build();
        }
        Stack stack = require(request.stackName());
        return GetTemplateResponse.builder().templateBody(stack.template == null ? "{}" : stack.template.body())
                .stagesAvailableWithStrings("Original", "Processed").build();
    }

    @Override
    public synchronized GetTemplateSummaryResponse getTemplateSummary(GetTemplateSummaryRequest request) {
        Template template = request.stackName() != null ? require(request.stackName()).template
                : template(request.templateBody(), request.templateURL());
        List<ParameterDeclaration> parameters = new ArrayList<>();
        template.parameters().fields().forEachRemaining(e -> parameters.add(ParameterDeclaration.builder()
                .parameterKey(e.getKey())
                .defaultValue(e.getValue().has("Default") ? e.getValue().get("Default").asText() : null)
                .parameterType(e.getValue().path("Type").asText("String"))
                .noEcho(e.getValue().path("NoEcho").asText("false").equals("true"))
                .description(e.getValue().path("Description").isTextual() ? e.getValue().get("Description").asText() : null)
                .build()));
        return GetTemplateSummaryResponse.builder()
                .parameters(parameters)
                .description(template.description())
                .capabilitiesWithStrings(RequiredCapabilities.of(template).stream().toList())
                .resourceTypes(template.resourceTypes())
                .version("2010-09-09")
                .declaredTransforms(List.of())
                .build();
    }

    @Override
    public synchronized ValidateTemplateResponse validateTemplate(ValidateTemplateRequest request) {
        Template template = template(request.templateBody(), request.templateURL());
        List<TemplateParameter> parameters = new ArrayList<>();
        template.parameters().fields().forEachRemaining(e -> parameters.add(TemplateParameter.builder()
                .parameterKey(e.getKey())
                .defaultValue(e.getValue().has("Default") ? e.getValue().get("Default").asText() : null)
                .noEcho(e.getValue().path("NoEcho").asText("false").equals("true"))
                .description(e.getValue().path("Description").isTextual() ? e.getValue().get("Description").asText() : null)
                .build()));
        Optional<String> capability = RequiredCapabilities.of(template);
        return ValidateTemplateResponse.builder()
                .parameters(parameters)
                .description(template.description())
                .capabilitiesWithStrings(capability.stream().toList())
                .capabilitiesReason(capability.map(c -> "The following resource(s) require capabilities: "
                        + template.resources().values().stream().map(ResourceDeclaration::type)
                                .filter(t -> t.startsWith("AWS::IAM::")).distinct().toList()).orElse(null))
                .declaredTransforms(List.of())
                .build();
    }

    @Override
    public synchronized CreateChangeSetResponse createChangeSet(CreateChangeSetRequest request) {
        requireName(request.stackName());
        if (request.changeSetName() == null || !NAME.matcher(request.changeSetName()).matches()) {
            throw CloudFormationErrors.validation("1 validation error detected: Value '" + request.changeSetName()
                    + "' at 'changeSetName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "[a-zA-Z][-a-zA-Z0-9]*");
        }
        ChangeSetType type = request.changeSetType() == null ? ChangeSetType.UPDATE : request.changeSetType();
        if (type != ChangeSetType.CREATE && type != ChangeSetType.UPDATE) {
            throw CloudFormationErrors.validation("ChangeSetType " + request.changeSetTypeAsString()
                    + " is not supported by the local twin; use CREATE or UPDATE.");
        }
        Optional<Stack> existing = live(request.stackName());
        if (type == ChangeSetType.CREATE && existing.isPresent() && !existing.get().status.equals("REVIEW_IN_PROGRESS")) {
            throw CloudFormationErrors.validation("Stack [" + request.stackName() + "] already exists and cannot be "
                    + "created again with the changeSet [" + request.changeSetName() + "].");
        }
        if (type == ChangeSetType.UPDATE && (existing.isEmpty() || existing.get().status.equals("REVIEW_IN_PROGRESS"))) {
            throw CloudFormationErrors.validation("Stack [" + request.stackName() + "] does not exist");
        }
        if (type == ChangeSetType.UPDATE && existing.get().inProgress()) {
            throw CloudFormationErrors.notUpdatable(existing.get().stackId, existing.get().status);
        }
        Stack stack = existing.orElseGet(() -> new Stack(stackId(request.stackName()), request.stackName(), clock.now()));
        if (stack.changeSets.containsKey(request.changeSetName())) {
            throw CloudFormationErrors.changeSetExists(request.changeSetName());
        }
        Template template = Boolean.TRUE.equals(request.usePreviousTemplate()) && stack.template != null ? stack.template
                : template(request.templateBody(), request.templateURL());
        RequiredCapabilities.check(template, request.capabilitiesAsStrings());
        ParameterValues parameters = ParameterValues.resolve(template, request.parameters(),
                stack.parameters == null ? Map.of() : stack.parameters.given(), parameterStore);
        Scope scope = run(stack).scope(template, parameters);
        TemplateRules.check(template, scope);
        List<Change> changes = ChangePlanner.plan(stack, template, scope, providers);
        boolean unchanged = type == ChangeSetType.UPDATE && changes.isEmpty()
                && template.outputs().equals(stack.template.outputs()) && parameters.given().equals(stack.parameters.given());
        if (existing.isEmpty()) {
            stack.status = "REVIEW_IN_PROGRESS";
            stack.reason = "User Initiated";
            stacks.add(stack);
        }
        String arn = LocalAccount.arn("cloudformation", "changeSet/" + request.changeSetName() + "/" + uuid());
        stack.changeSets.put(request.changeSetName(), new ChangeSet(arn, request.changeSetName(), stack.stackId,
                type.toString(), request.description(), template, parameters, request.capabilitiesAsStrings(),
                request.tags(), changes, unchanged ? "FAILED" : "CREATE_COMPLETE",
                unchanged ? "The submitted information didn't contain changes. Submit different information to create a "
                        + "change set." : null,
                unchanged ? "UNAVAILABLE" : "AVAILABLE", clock.now(), request.roleARN()));
        if (request.hasNotificationARNs()) {
            stack.notificationArns = request.notificationARNs();
        }
        return CreateChangeSetResponse.builder().id(arn).stackId(stack.stackId).build();
    }

    @Override
    public synchronized DescribeChangeSetResponse describeChangeSet(DescribeChangeSetRequest request) {
        ChangeSet changeSet = changeSet(request.changeSetName(), request.stackName());
        return StackViews.changeSet(stackOf(changeSet), changeSet);
    }

    @Override
    public synchronized ExecuteChangeSetResponse executeChangeSet(ExecuteChangeSetRequest request) {
        ChangeSet changeSet = changeSet(request.changeSetName(), request.stackName());
        Stack stack = stackOf(changeSet);
        if (!changeSet.executionStatus().equals("AVAILABLE")) {
            throw CloudFormationErrors.changeSetNotAvailable(changeSet.arn(), changeSet.executionStatus());
        }
        if (stack.inProgress()) {
            throw CloudFormationErrors.notUpdatable(stack.stackId, stack.status);
        }
        // After a change set runs, AWS removes every change set of the stack.
        stack.changeSets.clear();
        stack.capabilities = changeSet.capabilities();
        if (!changeSet.tags().isEmpty()) {
            stack.tags = changeSet.tags();
        }
        stack.disableRollback = Boolean.TRUE.equals(request.disableRollback());
        actAs(stack, changeSet.roleArn());
        if (changeSet.type().equals("CREATE")) {
            stack.template = changeSet.template();
            stack.parameters = changeSet.parameters();
            run(stack).create();
        } else {
            run(stack).update(changeSet.template(), changeSet.parameters());
        }
        return ExecuteChangeSetResponse.builder().build();
    }

    @Override
    public synchronized DeleteChangeSetResponse deleteChangeSet(DeleteChangeSetRequest request) {
        ChangeSet changeSet = changeSet(request.changeSetName(), request.stackName());
        stackOf(changeSet).changeSets.remove(changeSet.name());
        return DeleteChangeSetResponse.builder().build();
    }

    @Override
    public synchronized ListChangeSetsResponse listChangeSets(ListChangeSetsRequest request) {
        Stack stack = require(request.stackName());
        return ListChangeSetsResponse.builder().summaries(stack.changeSets.values().stream()
                .map(c -> StackViews.changeSetSummary(stack, c)).toList()).build();
    }

    @Override
    public synchronized ListExportsResponse listExports(ListExportsRequest request) {
        List<Export> exports = new ArrayList<>();
        for (Stack stack : stacks) {
            if (stack.isDeleted()) {
                continue;
            }
            stack.outputs.stream().filter(o -> o.exportName() != null).forEach(o -> exports.add(Export.builder()
                    .exportingStackId(stack.stackId).name(o.exportName()).value(o.outputValue()).build()));
        }
        return ListExportsResponse.builder().exports(exports).build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    /** The resource types this twin deploys. */
    public List<String> resourceTypes() {
        return providers.types();
    }

    private Template template(String body, String url) {
        Template template = Template.parse(TemplateSource.body(body, url, s3));
        providers.requireKnown(template);
        return template;
    }

    /**
     * The identity of the operation about to run on {@code stack}: a session of {@code roleArn} when the
     * call gives one, which the stack then keeps for later operations, else of the role the stack
     * keeps, else the caller's own. The session's name is unpublished; CloudTrail records
     * CloudFormation's as {@code AWSCloudFormation}, and so does the twin.
     */
    private void actAs(Stack stack, String roleArn) {
        if (roleArn != null && !roleArn.isEmpty()) {
            stack.roleArn = roleArn;
        }
        Principal principal = stack.roleArn == null ? credentials.caller()
                : Principal.roleSession(stack.roleArn, SERVICE_ROLE_SESSION);
        stack.actingAs = principal;
    }

    /**
     * A run of one operation on the stack. Its steps run later on the clock, under this twin's lock,
     * each with the providers' calls acting as the operation's identity ({@link #actAs}).
     */
    private StackRun run(Stack stack) {
        Principal acting = stack.actingAs;
        return new StackRun(stack, providers, clock, exports(), zones, random, (delay, action) ->
                clock.schedule(delay, () -> {
                    synchronized (this) {
                        try (CallerCredentials.Scope bound = credentials.actAs(acting)) {
                            action.run();
                        }
                    }
                }));
    }

    private static void cancel(Stack stack) {
        stack.cancelRequested = true;
        if (stack.wakeUp != null) {
            stack.wakeUp.run();
        }
    }

    private Scope.Exports exports() {
        return new Scope.Exports() {
            @Override
            public Optional<String> value(String name) {
                return exported(name).map(Output::outputValue);
            }

            @Override
            public Optional<String> exporter(String name) {
                return stacks.stream().filter(s -> !s.isDeleted())
                        .filter(s -> s.outputs.stream().anyMatch(o -> name.equals(o.exportName())))
                        .map(s -> s.stackId).findFirst();
            }

            private Optional<Output> exported(String name) {
                return stacks.stream().filter(s -> !s.isDeleted()).flatMap(s -> s.outputs.stream())
                        .filter(o -> name.equals(o.exportName())).findFirst();
            }
        };
    }

    /** AWS refuses to delete a stack while another stack imports one of its exports. */
    private void exportsInUse(Stack stack) {
        for (Output output : stack.outputs) {
            if (output.exportName() == null) {
                continue;
            }
            Optional<Stack> importer = stacks.stream()
                    .filter(other -> other != stack && !other.isDeleted() && other.template != null)
                    .filter(other -> imports(other, output.exportName())).findFirst();
            if (importer.isPresent()) {
                throw CloudFormationErrors.validation("Export " + output.exportName()
                        + " cannot be deleted as it is in use by " + importer.get().name);
            }
        }
    }

    private boolean imports(Stack stack, String exportName) {
        List<JsonNode> imports = new ArrayList<>();
        collectImports(stack.template.outputs(), imports);
        stack.template.resources().values().forEach(r -> collectImports(r.properties(), imports));
        if (imports.isEmpty()) {
            return false;
        }
        Intrinsics intrinsics = new Intrinsics(run(stack).scope(stack.template, stack.parameters));
        return imports.stream().anyMatch(argument -> {
            try {
                return intrinsics.resolve(argument).asText().equals(exportName);
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    private static void collectImports(JsonNode node, List<JsonNode> imports) {
        if (node.isObject() && node.size() == 1 && node.has("Fn::ImportValue")) {
            imports.add(node.get("Fn::ImportValue"));
            return;
        }
        node.forEach(child -> collectImports(child, imports));
    }

    private ChangeSet changeSet(String nameOrArn, String stackName) {
        if (nameOrArn == null) {
            throw CloudFormationErrors.validation("ChangeSetName must be specified.");
        }
        if (nameOrArn.startsWith("arn:")) {
            return stacks.stream().flatMap(s -> s.changeSets.values().stream()).filter(c -> c.arn().equals(nameOrArn))
                    .findFirst().orElseThrow(() -> CloudFormationErrors.changeSetNotFound(nameOrArn));
        }
        if (stackName == null) {
            throw CloudFormationErrors.validation("StackName must be specified if ChangeSetName is not specified as an ARN.");
        }
        Stack stack = find(stackName).orElseThrow(() -> CloudFormationErrors.changeSetNotFound(nameOrArn));
        return Optional.ofNullable(stack.changeSets.get(nameOrArn))
                .orElseThrow(() -> CloudFormationErrors.changeSetNotFound(nameOrArn));
    }

    private Stack stackOf(ChangeSet changeSet) {
        return stacks.stream().filter(s -> s.stackId.equals(changeSet.stackId())).findFirst().orElseThrow();
    }

    private Stack updatable(String nameOrId) {
        Stack stack = require(nameOrId);
        if (stack.isDeleted()) {
            throw CloudFormationErrors.stackNotFound(nameOrId);
        }
        if (!UPDATABLE.contains(stack.status)) {
            throw CloudFormationErrors.notUpdatable(stack.stackId, stack.status);
        }
        return stack;
    }

    private Stack require(String nameOrId) {
        if (nameOrId == null) {
            throw CloudFormationErrors.validation("StackName must be specified.");
        }
        return find(nameOrId).orElseThrow(() -> CloudFormationErrors.stackNotFound(nameOrId));
    }

    /** By name: the live stack of that name; by stack id: that stack, deleted or not. */
    private Optional<Stack> find(String nameOrId) {
        if (nameOrId != null && nameOrId.startsWith("arn:")) {
            return stacks.stream().filter(s -> s.stackId.equals(nameOrId)).findFirst();
        }
        return live(nameOrId);
    }

    private Optional<Stack> live(String name) {
        return stacks.stream().filter(s -> s.name.equals(name) && !s.isDeleted()).findFirst();
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw CloudFormationErrors.validation("1 validation error detected: Value '" + name + "' at 'stackName' "
                    + "failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "[a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*");
        }
    }

    private String stackId(String name) {
        return LocalAccount.arn("cloudformation", "stack/" + name + "/" + uuid());
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
