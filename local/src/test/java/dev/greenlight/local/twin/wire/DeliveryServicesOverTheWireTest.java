package dev.greenlight.local.twin.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.twin.DemoService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * The services a deployment goes through (ECR, ECS, ELBv2, CodeDeploy), reached only with real SDK
 * clients over the wire gateway of the assembled twin: what {@code DemoService} provisioned reads
 * back, writes take effect, and refusals arrive as the SDK's typed exceptions with AWS's codes and
 * change nothing.
 */
class DeliveryServicesOverTheWireTest {

    private static ServedTwin served;
    private static EcrClient ecr;
    private static EcsClient ecs;
    private static ElasticLoadBalancingV2Client elb;
    private static CodeDeployClient codeDeploy;

    @BeforeAll
    static void serve() {
        served = new ServedTwin();
        ecr = served.client(EcrClient.builder());
        ecs = served.client(EcsClient.builder());
        elb = served.client(ElasticLoadBalancingV2Client.builder());
        codeDeploy = served.client(CodeDeployClient.builder());
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @Test
    void ecr_describesTheProvisionedRepositoryAndItsFirstImage() {
        Repository orders = ecr.describeRepositories(r -> r.repositoryNames("orders")).repositories().get(0);

        assertThat(orders.repositoryArn()).isEqualTo("arn:aws:ecr:us-east-1:123456789012:repository/orders");
        assertThat(orders.imageTagMutability()).isEqualTo(ImageTagMutability.IMMUTABLE);
        assertThat(orders.imageScanningConfiguration().scanOnPush()).isTrue();
        assertThat(ecr.describeImages(r -> r.repositoryName("orders")).imageDetails())
                .flatExtracting(detail -> detail.imageTags()).containsExactly("1.0");
    }

    @Test
    void ecr_createsARepositoryThatListsWithTheOthers() {
        ecr.createRepository(r -> r.repositoryName("payments"));

        assertThat(ecr.describeRepositories(r -> { }).repositories()).extracting(Repository::repositoryName)
                .contains("orders", "payments");
    }

    @Test
    void ecr_refusesAnExistingRepositoryAndKeepsItsSettings() {
        assertThatThrownBy(() -> ecr.createRepository(r -> r.repositoryName("orders")
                .imageTagMutability(ImageTagMutability.MUTABLE)))
                .isInstanceOf(RepositoryAlreadyExistsException.class)
                .satisfies(error -> assertErrorCode(error, "RepositoryAlreadyExistsException", 400));

        assertThat(ecr.describeRepositories(r -> r.repositoryNames("orders")).repositories().get(0)
                .imageTagMutability()).isEqualTo(ImageTagMutability.IMMUTABLE);
        assertThatThrownBy(() -> ecr.describeRepositories(r -> r.repositoryNames("no-such-repo")))
                .isInstanceOf(RepositoryNotFoundException.class);
    }

    @Test
    void ecs_describesTheBlueGreenServiceOnFargate() {
        Service service = ordersService();

        assertThat(service.serviceArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/greenlight/orders");
        assertThat(service.deploymentController().type()).isEqualTo(DeploymentControllerType.CODE_DEPLOY);
        assertThat(service.desiredCount()).isEqualTo(2);
        assertThat(service.loadBalancers().get(0).containerName()).isEqualTo(DemoService.CONTAINER);
    }

    @Test
    void ecs_describingAServiceThatDoesNotExistReportsItMissingRatherThanFailing() {
        var answer = ecs.describeServices(r -> r.cluster("greenlight").services("orders", "no-such-service"));

        assertThat(answer.services()).extracting(Service::serviceName).containsExactly("orders");
        assertThat(answer.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.arn())
                    .isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/greenlight/no-such-service");
            assertThat(failure.reason()).isEqualTo("MISSING");
        });
    }

    @Test
    void ecs_registersTheNextRevisionOfTheTaskDefinition() {
        String image = served.orders().name() + ":whatever";

        String arn = ecs.registerTaskDefinition(r -> r.family("orders").networkMode("awsvpc")
                .requiresCompatibilitiesWithStrings("FARGATE").cpu("256").memory("512")
                .containerDefinitions(c -> c.name(DemoService.CONTAINER).image(image).essential(true)))
                .taskDefinition().taskDefinitionArn();

        assertThat(arn).matches("arn:aws:ecs:us-east-1:123456789012:task-definition/orders:[2-9]");
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(arn)).taskDefinition().containerDefinitions()
                .get(0).image()).isEqualTo(image);
    }

    @Test
    void ecs_refusesATaskDefinitionChangeOnACodeDeployServiceAndKeepsTheService() {
        String before = ordersService().taskDefinition();

        assertThatThrownBy(() -> ecs.updateService(r -> r.cluster("greenlight").service("orders")
                .taskDefinition("orders:1").desiredCount(5)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Unable to update task definition on services with a CODE_DEPLOY")
                .satisfies(error -> assertErrorCode(error, "InvalidParameterException", 400));

        assertThat(ordersService().taskDefinition()).isEqualTo(before);
        assertThat(ordersService().desiredCount()).isEqualTo(2);
    }

    @Test
    void ecs_updatingAServiceThatDoesNotExistIsServiceNotFound() {
        assertThatThrownBy(() -> ecs.updateService(r -> r.cluster("greenlight").service("no-such-service")
                .desiredCount(1)))
                .isInstanceOf(ServiceNotFoundException.class)
                .satisfies(error -> assertErrorCode(error, "ServiceNotFoundException", 400));
    }

    @Test
    void elb_describesBothTargetGroupsOfTheService() {
        assertThat(elb.describeTargetGroups(r -> r.names("orders-blue", "orders-green")).targetGroups())
                .allSatisfy(group -> {
                    assertThat(group.port()).isEqualTo(DemoService.CONTAINER_PORT);
                    assertThat(group.targetType()).isEqualTo(TargetTypeEnum.IP);
                    assertThat(group.healthCheckPath()).isEqualTo("/health");
                    assertThat(group.loadBalancerArns()).hasSize(1);
                })
                .extracting(TargetGroup::targetGroupName).containsExactly("orders-blue", "orders-green");
    }

    @Test
    void elb_createsATargetGroupThatDescribesByName() {
        String arn = elb.createTargetGroup(r -> r.name("orders-spare").protocol(ProtocolEnum.HTTP).port(8080)
                .vpcId("vpc-0a1b2c3d").targetType(TargetTypeEnum.IP)).targetGroups().get(0).targetGroupArn();

        assertThat(elb.describeTargetGroups(r -> r.names("orders-spare")).targetGroups())
                .extracting(TargetGroup::targetGroupArn).containsExactly(arn);
    }

    @Test
    void elb_refusesToForwardToAnUnknownTargetGroupAndKeepsTheListener() {
        String testListener = served.orders().testListenerArn();
        Action before = testListenerAction();
        String missing = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/gone/0123456789abcdef";

        assertThatThrownBy(() -> elb.modifyListener(r -> r.listenerArn(testListener)
                .defaultActions(Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(missing).build())))
                .isInstanceOf(TargetGroupNotFoundException.class)
                .satisfies(error -> assertErrorCode(error, "TargetGroupNotFound", 400));

        assertThat(testListenerAction()).isEqualTo(before);
        assertThat(before.targetGroupArn()).contains(":targetgroup/orders-");
    }

    @Test
    void codeDeploy_getsTheDeploymentGroupWithItsServiceAlarmsAndListeners() {
        DeploymentGroupInfo group = codeDeploy.getDeploymentGroup(r -> r.applicationName("orders")
                .deploymentGroupName("orders-dg")).deploymentGroupInfo();

        assertThat(group.computePlatformAsString()).isEqualTo("ECS");
        assertThat(group.deploymentConfigName()).isEqualTo("CodeDeployDefault.ECSCanary10Percent5Minutes");
        assertThat(group.ecsServices().get(0).serviceName()).isEqualTo("orders");
        assertThat(group.alarmConfiguration().alarms()).extracting(alarm -> alarm.name())
                .containsExactly("orders-blue-5xx", "orders-green-5xx");
        assertThat(group.loadBalancerInfo().targetGroupPairInfoList().get(0).prodTrafficRoute().listenerArns())
                .containsExactly(served.orders().productionListenerArn());
    }

    @Test
    void codeDeploy_deploysOneAtATimePerGroupAndTheRefusedOneLeavesNoTrace() {
        String taskDefinition = ordersService().taskDefinition();
        String first = createDeployment("orders-dg", taskDefinition);

        assertThat(codeDeploy.getDeployment(r -> r.deploymentId(first)).deploymentInfo().status())
                .isIn(DeploymentStatus.CREATED, DeploymentStatus.QUEUED, DeploymentStatus.IN_PROGRESS);
        assertThatThrownBy(() -> createDeployment("orders-dg", taskDefinition))
                .isInstanceOf(DeploymentLimitExceededException.class)
                .hasMessageContaining(first)
                .satisfies(error -> assertErrorCode(error, "DeploymentLimitExceededException", 400));
        assertThat(codeDeploy.listDeployments(r -> r.applicationName("orders").deploymentGroupName("orders-dg"))
                .deployments()).containsExactly(first);
        codeDeploy.stopDeployment(r -> r.deploymentId(first).autoRollbackEnabled(true));
        // The rollback moves the listeners back; the other tests must see them settled.
        Polling.until(() -> activeDeployments("orders-dg"), List::isEmpty, Duration.ofSeconds(30),
                "the rollback of " + first + " to finish");
    }

    @Test
    void codeDeploy_aGroupThatDoesNotExistIsDeploymentGroupDoesNotExist() {
        assertThatThrownBy(() -> codeDeploy.getDeploymentGroup(r -> r.applicationName("orders")
                .deploymentGroupName("no-such-group")))
                .isInstanceOf(DeploymentGroupDoesNotExistException.class)
                .satisfies(error -> assertErrorCode(error, "DeploymentGroupDoesNotExistException", 400));
        assertThatThrownBy(() -> createDeployment("no-such-group", ordersService().taskDefinition()))
                .isInstanceOf(DeploymentGroupDoesNotExistException.class);
    }

    private static Service ordersService() {
        return ecs.describeServices(r -> r.cluster("greenlight").services("orders")).services().get(0);
    }

    private static List<String> activeDeployments(String group) {
        return codeDeploy.listDeployments(r -> r.applicationName("orders").deploymentGroupName(group)
                .includeOnlyStatuses(DeploymentStatus.CREATED, DeploymentStatus.QUEUED, DeploymentStatus.IN_PROGRESS,
                        DeploymentStatus.READY)).deployments();
    }

    private static Action testListenerAction() {
        return elb.describeListeners(r -> r.listenerArns(served.orders().testListenerArn())).listeners().get(0)
                .defaultActions().get(0);
    }

    private static String createDeployment(String group, String taskDefinitionArn) {
        String appSpec = """
                {"version": 0.0, "Resources": [{"TargetService": {"Type": "AWS::ECS::Service", "Properties": {
                  "TaskDefinition": "%s", "LoadBalancerInfo": {"ContainerName": "%s", "ContainerPort": %d}}}}]}"""
                .formatted(taskDefinitionArn, DemoService.CONTAINER, DemoService.CONTAINER_PORT);
        return codeDeploy.createDeployment(r -> r.applicationName("orders").deploymentGroupName(group)
                .revision(rev -> rev.revisionType(RevisionLocationType.APP_SPEC_CONTENT)
                        .appSpecContent(c -> c.content(appSpec)))).deploymentId();
    }

    static void assertErrorCode(Throwable error, String code, int status) {
        AwsServiceException aws = (AwsServiceException) error;
        assertThat(aws.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(aws.statusCode()).isEqualTo(status);
    }
}
