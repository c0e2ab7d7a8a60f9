package dev.greenlight.local.aws.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.clock.VirtualClock;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

class CloudFormationTwinTest {

    private final VirtualClock clock = new VirtualClock();
    private final RecordingProvider things = new RecordingProvider();
    private final Map<String, String> ssm = new HashMap<>(Map.of("/cdk-bootstrap/hnb659fds/version", "21"));
    private final Map<String, byte[]> s3 = new HashMap<>();
    private final CloudFormationClient twin = StacksSettle.after(clock, new CloudFormationTwin(clock,
            new ResourceProviders().register("Test::Thing", things).register("AWS::IAM::Role", things),
            name -> Optional.ofNullable(ssm.get(name)), (bucket, key) -> Optional.ofNullable(s3.get(bucket + "/" + key)),
            List.of("us-east-1a", "us-east-1b"), new SplittableRandom(3)));

    private static final String CHAIN = """
            Resources:
              First:
                Type: Test::Thing
                Properties: {Size: 1}
              Second:
                Type: Test::Thing
                Properties: {Parent: !Ref First}
              Third:
                Type: Test::Thing
                DependsOn: Second
                Properties: {ParentArn: !GetAtt First.Arn}
            Outputs:
              FirstArn:
                Value: !GetAtt First.Arn
                Export: {Name: first-arn}
            """;

    @Test
    void createsInDependencyOrderAndDeletesInReverse() {
        String id = create("app", CHAIN);

        assertThat(status("app")).isEqualTo("CREATE_COMPLETE");
        assertThat(things.log).containsExactly("create First", "create Second", "create Third");
        assertThat(twin.describeStacks(r -> r.stackName("app")).stacks().get(0).outputs())
                .extracting(Output::outputKey, Output::exportName).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "FirstArn", "first-arn"));
        assertThat(twin.listExports(r -> { }).exports()).singleElement()
                .satisfies(e -> assertThat(e.value()).startsWith("arn:test:app-First-"));
        assertThat(twin.listStackResources(r -> r.stackName("app")).stackResourceSummaries())
                .allSatisfy(r -> assertThat(r.resourceStatusAsString()).isEqualTo("CREATE_COMPLETE"));

        twin.deleteStack(r -> r.stackName("app"));

        assertThat(things.log).endsWith("delete Third", "delete Second", "delete First");
        assertThat(things.existing).isEmpty();
        assertThatThrownBy(() -> twin.describeStacks(r -> r.stackName("app")))
                .hasMessageContaining("Stack with id app does not exist");
        assertThat(twin.describeStacks(r -> r.stackName(id)).stacks().get(0).stackStatusAsString())
                .isEqualTo("DELETE_COMPLETE");
        assertThat(twin.listStacks(r -> { }).stackSummaries()).hasSize(1);
    }

    @Test
    void aFailingResourceRollsTheStackBackWithTheServiceReason() {
        create("app", CHAIN.replace("Properties: {Parent: !Ref First}", "Properties: {Parent: !Ref First, Fail: create}"));

        assertThat(status("app")).isEqualTo("ROLLBACK_COMPLETE");
        assertThat(things.existing).isEmpty();
        List<StackEvent> events = StackViews.newestFirst(twin.describeStackEvents(r -> r.stackName("app")).stackEvents());
        assertThat(events).extracting(e -> e.logicalResourceId() + " " + e.resourceStatusAsString()).containsSubsequence(
                "app CREATE_IN_PROGRESS", "First CREATE_COMPLETE", "Second CREATE_FAILED", "app ROLLBACK_IN_PROGRESS",
                "First DELETE_COMPLETE", "app ROLLBACK_COMPLETE");
        assertThat(events).filteredOn(e -> e.resourceStatusAsString().equals("CREATE_FAILED")).singleElement()
                .satisfies(e -> assertThat(e.resourceStatusReason()).isEqualTo(
                        "Resource handler returned message: \"Invalid parameter: Second refused\" (Status Code: 400, "
                                + "HandlerErrorCode: InvalidParameter)"));
        assertThat(events).filteredOn(e -> e.resourceStatusAsString().equals("ROLLBACK_IN_PROGRESS")).singleElement()
                .satisfies(e -> assertThat(e.resourceStatusReason()).isEqualTo(
                        "The following resource(s) failed to create: [Second]. Rollback requested by user."));
        assertThatThrownBy(() -> twin.updateStack(r -> r.stackName("app").templateBody(CHAIN)))
                .hasMessageContaining("is in ROLLBACK_COMPLETE state and can not be updated.");
    }

    @Test
    void anUpdateChangesInPlaceOrReplacesWhereTheTypeReplaces() {
        create("app", CHAIN);
        String first = physicalId("app", "First");
        String second = physicalId("app", "Second");

        twin.updateStack(r -> r.stackName("app").templateBody(CHAIN.replace("{Size: 1}", "{Size: 2, Name: renamed}")));

        assertThat(status("app")).isEqualTo("UPDATE_COMPLETE");
        assertThat(physicalId("app", "First")).startsWith("renamed#").isNotEqualTo(first);
        assertThat(physicalId("app", "Second")).isEqualTo(second);
        assertThat(things.existing).doesNotContainKey(first).containsKey(physicalId("app", "First"));
        assertThat(things.existing.get(second)).contains(physicalId("app", "First"));
        assertThat(things.log).containsSubsequence("create First", "update Second", "update Third", "delete First");

        twin.updateStack(r -> r.stackName("app").templateBody(CHAIN.replace("{Size: 1}", "{Size: 3, Name: renamed}")));

        assertThat(physicalId("app", "First")).isEqualTo(things.existing.keySet().stream()
                .filter(k -> k.startsWith("renamed#")).findFirst().orElseThrow());
        assertThat(things.log).endsWith("update First");
        assertThatThrownBy(() -> twin.updateStack(r -> r.stackName("app")
                .templateBody(CHAIN.replace("{Size: 1}", "{Size: 3, Name: renamed}"))))
                .hasMessage("No updates are to be performed. (Service: null, Status Code: 400, Request ID: local)");
    }

    @Test
    void aFailedUpdateRollsBackToThePreviousResources() {
        create("app", CHAIN);
        String first = physicalId("app", "First");
        String failing = CHAIN.replace("{Size: 1}", "{Size: 1, Name: other}")
                .replace("Properties: {Parent: !Ref First}", "Properties: {Parent: !Ref First, Fail: update}");

        twin.updateStack(r -> r.stackName("app").templateBody(failing));

        assertThat(status("app")).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
        assertThat(physicalId("app", "First")).isEqualTo(first);
        assertThat(things.existing).hasSize(3).containsKey(first);
        assertThat(twin.getTemplate(r -> r.stackName("app")).templateBody()).isEqualTo(CHAIN);
        assertThat(twin.describeStacks(r -> r.stackName("app")).stacks().get(0).stackStatusReason()).isNull();
        assertThat(twin.describeStackEvents(r -> r.stackName("app")).stackEvents())
                .anySatisfy(e -> assertThat(e.resourceStatusReason())
                        .isEqualTo("The following resource(s) failed to update: [Second]. "));
    }

    @Test
    void aChangeSetIsReviewedThenExecuted() {
        String arn = twin.createChangeSet(r -> r.stackName("app").changeSetName("cdk-deploy-change-set")
                .changeSetType(ChangeSetType.CREATE).templateBody(CHAIN)).id();

        assertThat(status("app")).isEqualTo("REVIEW_IN_PROGRESS");
        var described = twin.describeChangeSet(r -> r.changeSetName(arn));
        assertThat(described.statusAsString()).isEqualTo("CREATE_COMPLETE");
        assertThat(described.executionStatusAsString()).isEqualTo("AVAILABLE");
        assertThat(described.changes()).extracting(c -> c.resourceChange().actionAsString() + " "
                + c.resourceChange().logicalResourceId()).containsExactly("Add First", "Add Second", "Add Third");
        assertThat(things.existing).isEmpty();
        assertThat(twin.listChangeSets(r -> r.stackName("app")).summaries()).hasSize(1);

        twin.executeChangeSet(r -> r.changeSetName("cdk-deploy-change-set").stackName("app"));

        assertThat(status("app")).isEqualTo("CREATE_COMPLETE");
        assertThat(twin.listChangeSets(r -> r.stackName("app")).summaries()).isEmpty();
        assertThatThrownBy(() -> twin.describeChangeSet(r -> r.changeSetName(arn)))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ChangeSetNotFound"));

        String modify = twin.createChangeSet(r -> r.stackName("app").changeSetName("rename")
                .templateBody(CHAIN.replace("{Size: 1}", "{Size: 1, Name: x}").replace("  Third:\n", "  Gone:\n"))).id();
        assertThat(twin.describeChangeSet(r -> r.changeSetName(modify)).changes()).extracting(c ->
                c.resourceChange().actionAsString() + " " + c.resourceChange().logicalResourceId() + " "
                        + c.resourceChange().replacementAsString()).containsExactly(
                "Modify First True", "Add Gone null", "Remove Third null");
        twin.deleteChangeSet(r -> r.changeSetName(modify));

        String empty = twin.createChangeSet(r -> r.stackName("app").changeSetName("same").templateBody(CHAIN)).id();
        var unchanged = twin.describeChangeSet(r -> r.changeSetName(empty));
        assertThat(unchanged.statusAsString()).isEqualTo("FAILED");
        assertThat(unchanged.statusReason()).startsWith("The submitted information didn't contain changes.");
        assertThatThrownBy(() -> twin.executeChangeSet(r -> r.changeSetName(empty)))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidChangeSetStatus"));
    }

    @Test
    void conditionsDecideWhichResourcesExist() {
        String template = """
                Parameters:
                  Env: {Type: String, AllowedValues: [prod, dev], Default: dev}
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                  IsDev: !Not [!Condition IsProd]
                Resources:
                  Always:
                    Type: Test::Thing
                    Properties:
                      Size: !If [IsProd, 3, !Ref AWS::NoValue]
                  OnlyProd:
                    Type: Test::Thing
                    Condition: IsProd
                Outputs:
                  Prod:
                    Condition: IsProd
                    Value: !Ref OnlyProd
                """;
        create("app", template);
        assertThat(twin.listStackResources(r -> r.stackName("app")).stackResourceSummaries()).hasSize(1);
        assertThat(things.existing.values()).containsExactly("{}");

        twin.updateStack(r -> r.stackName("app").templateBody(template)
                .parameters(Parameter.builder().parameterKey("Env").parameterValue("prod").build()));

        assertThat(twin.listStackResources(r -> r.stackName("app")).stackResourceSummaries()).hasSize(2);
        assertThat(things.existing.values()).contains("{\"Size\":\"3\"}");
        assertThat(twin.describeStacks(r -> r.stackName("app")).stacks().get(0).outputs()).hasSize(1);
    }

    @Test
    void ssmParametersAndRulesAreCheckedAsTheCdkBootstrapCheckUsesThem() {
        String template = """
                Parameters:
                  BootstrapVersion:
                    Type: AWS::SSM::Parameter::Value<String>
                    Default: /cdk-bootstrap/hnb659fds/version
                Resources:
                  Thing: {Type: Test::Thing}
                Rules:
                  CheckBootstrapVersion:
                    Assertions:
                      - Assert: !Not [!Contains [['1', '2', '3', '4', '5'], !Ref BootstrapVersion]]
                        AssertDescription: CDK bootstrap stack version 6 required. Please run 'cdk bootstrap'.
                """;
        create("app", template);
        Parameter described = twin.describeStacks(r -> r.stackName("app")).stacks().get(0).parameters().get(0);
        assertThat(described.parameterValue()).isEqualTo("/cdk-bootstrap/hnb659fds/version");
        assertThat(described.resolvedValue()).isEqualTo("21");

        ssm.put("/cdk-bootstrap/hnb659fds/version", "5");
        assertThatThrownBy(() -> create("old", template))
                .hasMessageStartingWith("CDK bootstrap stack version 6 required. Please run 'cdk bootstrap'.");
        ssm.clear();
        assertThatThrownBy(() -> create("none", template)).hasMessageStartingWith(
                "Unable to fetch parameters [/cdk-bootstrap/hnb659fds/version] from parameter store for this account.");
    }

    @Test
    void anImportedExportKeepsItsStackAndATemplateComesFromS3() {
        create("base", CHAIN);
        s3.put("assets/app.json", """
                {"Resources": {"User": {"Type": "Test::Thing", "Properties": {"Uses": {"Fn::ImportValue": "first-arn"}}}}}
                """.getBytes(StandardCharsets.UTF_8));
        twin.createStack(r -> r.stackName("user")
                .templateURL("https://assets.s3.us-east-1.amazonaws.com/app.json"));

        assertThat(things.existing.values()).anySatisfy(p -> assertThat(p).contains("arn:test:base-First-"));
        assertThatThrownBy(() -> twin.deleteStack(r -> r.stackName("base")))
                .hasMessageStartingWith("Export first-arn cannot be deleted as it is in use by user");
        create("again", CHAIN);
        assertThat(status("again")).isEqualTo("ROLLBACK_COMPLETE");
        assertThat(twin.describeStackEvents(r -> r.stackName("again")).stackEvents()).anySatisfy(e ->
                assertThat(e.resourceStatusReason()).isEqualTo("Export with name first-arn is already exported by stack "
                        + "base. Rollback requested by user."));
        twin.deleteStack(r -> r.stackName("user"));
        twin.deleteStack(r -> r.stackName("base"));
        assertThat(twin.listStacks(r -> r.stackStatusFiltersWithStrings("DELETE_COMPLETE")).stackSummaries())
                .extracting(s -> s.stackName()).containsExactly("base", "user");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown type     | Resources: {A: {Type: 'AWS::Foo::Bar'}}                             | ValidationError | Template format error: Unrecognized resource types: [AWS::Foo::Bar]
            no resources     | Resources: {}                                                       | ValidationError | Template format error: At least one Resources member must be defined.
            unknown section  | {Resources: {A: {Type: 'Test::Thing'}}, Extra: 1}                   | ValidationError | Template format error: Invalid template property or properties [Extra]
            transform        | {Transform: 'AWS::Serverless-2016-10-31', Resources: {A: {Type: 'Test::Thing'}}} | ValidationError | Template format error: Transform "AWS::Serverless-2016-10-31" is not supported by the local twin; deploy the expanded template instead.
            dangling ref     | Resources: {A: {Type: 'Test::Thing', Properties: {X: !Ref B}}}       | ValidationError | Template format error: Unresolved resource dependencies [B] in the Resources block of the template
            dangling depends | Resources: {A: {Type: 'Test::Thing', DependsOn: B}}                 | ValidationError | Template format error: Unresolved resource dependencies [B] in the Resources block of the template
            cycle            | Resources: {A: {Type: 'Test::Thing', DependsOn: B}, B: {Type: 'Test::Thing', Properties: {X: !GetAtt A.Arn}}} | ValidationError | Template format error: Circular dependency between resources: [A, B]
            missing param    | {Parameters: {P: {Type: String}}, Resources: {A: {Type: 'Test::Thing'}}} | ValidationError | Parameters: [P] must have values
            not allowed      | {Parameters: {P: {Type: String, Default: x, AllowedValues: [a]}}, Resources: {A: {Type: 'Test::Thing'}}} | ValidationError | Parameter 'P' must be one of AllowedValues
            not a number     | {Parameters: {P: {Type: Number, Default: x}}, Resources: {A: {Type: 'Test::Thing'}}} | ValidationError | Parameter 'P' must be a number.
            iam unnamed      | Resources: {R: {Type: 'AWS::IAM::Role'}}                            | InsufficientCapabilitiesException | Requires capabilities : [CAPABILITY_IAM]
            iam named        | Resources: {R: {Type: 'AWS::IAM::Role', Properties: {RoleName: r}}} | InsufficientCapabilitiesException | Requires capabilities : [CAPABILITY_NAMED_IAM]
            not a template   | '[1, 2]'                                                            | ValidationError | Template format error: unsupported structure.
            """)
    void refusesTemplates(String why, String template, String code, String message) {
        assertThatThrownBy(() -> twin.createStack(r -> r.stackName("app").templateBody(template)))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                });
        assertThat(twin.listStacks(r -> { }).stackSummaries()).isEmpty();
    }

    @Test
    void stackNamesAndLifecycleErrors() {
        create("app", CHAIN);
        assertThatThrownBy(() -> create("app", CHAIN)).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AlreadyExistsException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Stack [app] already exists");
        });
        assertThatThrownBy(() -> create("1bad", CHAIN)).hasMessageContaining("failed to satisfy constraint");
        assertThatThrownBy(() -> twin.updateStack(r -> r.stackName("nope").templateBody(CHAIN)))
                .hasMessageStartingWith("Stack with id nope does not exist");
        assertThatThrownBy(() -> twin.createChangeSet(r -> r.stackName("nope").changeSetName("c").templateBody(CHAIN)))
                .hasMessageStartingWith("Stack [nope] does not exist");
        assertThatThrownBy(() -> twin.describeChangeSet(r -> r.stackName("app").changeSetName("c")))
                .hasMessageStartingWith("ChangeSet [c] does not exist");
        twin.deleteStack(r -> r.stackName("nope"));
        assertThat(twin.validateTemplate(r -> r.templateBody("Resources: {R: {Type: 'AWS::IAM::Role'}}"))
                .capabilitiesAsStrings()).containsExactly("CAPABILITY_IAM");
        assertThat(twin.getTemplateSummary(r -> r.stackName("app")).resourceTypes()).containsExactly("Test::Thing");
    }

    private String create(String name, String template) {
        return twin.createStack(r -> r.stackName(name).templateBody(template)
                .capabilities(Capability.CAPABILITY_NAMED_IAM)).stackId();
    }

    private String status(String name) {
        return twin.describeStacks(r -> r.stackName(name)).stacks().get(0).stackStatusAsString();
    }

    private String physicalId(String stack, String logicalId) {
        return twin.describeStackResource(r -> r.stackName(stack).logicalResourceId(logicalId))
                .stackResourceDetail().physicalResourceId();
    }
}
