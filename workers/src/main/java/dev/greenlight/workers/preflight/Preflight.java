package dev.greenlight.workers.preflight;

import dev.greenlight.workers.analysis.AlarmTargets;
import dev.greenlight.workers.analysis.Roles;
import dev.greenlight.workers.analysis.TimeToFire;
import dev.greenlight.workers.backend.Backends;
import dev.greenlight.workers.backend.CodeDeployBackend;
import dev.greenlight.workers.backend.DeploymentBackend.Production;
import dev.greenlight.workers.config.ConfigException;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.workers.core.Clients;
import dev.greenlight.workers.core.DeploymentInput;
import dev.greenlight.workers.core.DeploymentInput.Decision;
import dev.greenlight.workers.core.DeploymentInput.ImageRef;
import dev.greenlight.workers.core.DeploymentInput.Trigger;
import dev.greenlight.workers.core.Worker;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.TagStatus;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;

/**
 * The second gate, just before anything changes: no other deployment of the service is running
 * ({@link DeploymentInProgress}, retried), no newer image was pushed meanwhile (SUPERSEDED), the
 * canary is long enough for the analysis and for each alarm to fire (WINDOW_TOO_SHORT), and none of
 * the alarms about what users are served now fires (ALARM_FIRING) unless the input records an override.
 */
public final class Preflight extends Worker<Preflight.Input, Preflight.Output> {

    /** DescribeAlarms takes at most 100 names a call. */
    private static final int ALARM_NAMES_PER_CALL = 100;

    /** {@code trigger} is optional: a manual start ({@code source: manual}) may deploy an older image on purpose. */
    public record Input(String service, ImageRef image, Trigger trigger, ServiceConfig config,
            DeploymentInput.Override override) {
    }

    public record Output(PreflightVerdict verdict, List<String> reasons, List<FiringAlarm> alarmsFiring) {
    }

    private final Backends backends;
    private final CloudWatchClient cloudWatch;
    private final EcrClient ecr;
    private final ElasticLoadBalancingV2Client elb;

    public Preflight() {
        this(Backends.fromEnvironment(), Clients.cloudWatch(), Clients.ecr(), Clients.elb());
    }

    public Preflight(CodeDeployClient codeDeploy, CloudWatchClient cloudWatch, EcrClient ecr,
            ElasticLoadBalancingV2Client elb) {
        this(Backends.codeDeployOnly(new CodeDeployBackend(codeDeploy)), cloudWatch, ecr, elb);
    }

    public Preflight(Backends backends, CloudWatchClient cloudWatch, EcrClient ecr,
            ElasticLoadBalancingV2Client elb) {
        super(Input.class);
        this.backends = Objects.requireNonNull(backends, "backends");
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        this.ecr = Objects.requireNonNull(ecr, "ecr");
        this.elb = Objects.requireNonNull(elb, "elb");
    }

    @Override
    public Output apply(Input input) {
        Decision override = check(input);
        ServiceConfig config = input.config();
        refuseWhileDeploying(config);
        List<PushedImage> images = taggedImages(repository(input));
        PushedImage image = find(input, images);
        boolean manual = input.trigger() != null && "manual".equals(input.trigger().source());
        Optional<PushedImage> newer = manual ? Optional.empty() : PreflightVerdicts.newerPush(image, images);
        List<TimeToFire.AlarmTime> times = new ArrayList<>();
        List<FiringAlarm> firing = alarms(config, times);
        List<String> tooShort = TimeToFire.tooShort(config.canary().minutes(), times);
        Production production = backends.forService(config).production(config);
        Set<String> served = servedNow(production);
        waitForStaleAlarms(production, stopper(config, production), firing, served);
        return PreflightVerdicts.decide(image, newer, tooShort, firing, served, override);
    }

    /**
     * An alarm on the idle target group left in ALARM by the version rolled back before does not block
     * the release, but the backend stops any deployment while one of its own alarms is in ALARM
     * (CodeDeploy: the deployment group's; ECS: those the release sets): wait (the state machine
     * retries {@link StaleAlarmStillFiring}) until CloudWatch clears it.
     */
    private static void waitForStaleAlarms(Production production, String stopper, List<FiringAlarm> firing,
            Set<String> served) {
        if (served == null || production.stoppingAlarms().isEmpty()) {
            return;
        }
        Set<String> stoppers = new LinkedHashSet<>(production.stoppingAlarms());
        List<String> stale = firing.stream()
                .filter(alarm -> PreflightVerdicts.idle(alarm, served) && stoppers.contains(alarm.name()))
                .map(alarm -> alarm.name() + " (target group " + alarm.targetGroup() + ", in ALARM since "
                        + alarm.since() + ")").toList();
        if (!stale.isEmpty()) {
            throw new StaleAlarmStillFiring(stale, stopper);
        }
    }

    /** Who would stop a deployment on one of its alarms, in the backend's words. */
    static String stopper(ServiceConfig config, Production production) {
        return (config.backend() == Backend.ecs ? "ECS's deployment of service " : "CodeDeploy's deployment group ")
                + production.name();
    }

    /**
     * The target groups users are served from now: those the production listener forwards to with
     * a weight above zero. Null when the backend names no production listener.
     */
    private Set<String> servedNow(Production production) {
        List<String> listeners = production.listenerArns();
        List<String> rules = production.listenerRuleArns();
        if (listeners.isEmpty() && rules.isEmpty()) {
            return null;
        }
        Set<String> served = new LinkedHashSet<>();
        if (!listeners.isEmpty()) {
            elb.describeListeners(r -> r.listenerArns(listeners)).listeners()
                    .forEach(listener -> listener.defaultActions().forEach(action -> forwardsTo(action, served)));
        }
        if (!rules.isEmpty()) {
            elb.describeRules(r -> r.ruleArns(rules)).rules()
                    .forEach(rule -> rule.actions().forEach(action -> forwardsTo(action, served)));
        }
        return served;
    }

    /** The target groups an action forwards to with a weight above zero. */
    private static void forwardsTo(Action action, Set<String> served) {
        if (action.forwardConfig() != null && !action.forwardConfig().targetGroups().isEmpty()) {
            action.forwardConfig().targetGroups().stream()
                    .filter(tuple -> tuple.weight() == null || tuple.weight() > 0)
                    .forEach(tuple -> served.add(targetGroupName(tuple.targetGroupArn())));
        } else if (action.targetGroupArn() != null) {
            served.add(targetGroupName(action.targetGroupArn()));
        }
    }

    /** {@code arn:aws:elasticloadbalancing:…:targetgroup/NAME/ID} → NAME. */
    private static String targetGroupName(String arn) {
        return Roles.targetGroupOfDimension(arn.substring(arn.indexOf("targetgroup/")));
    }

    private static Decision check(Input input) {
        if (input == null || input.config() == null || input.image() == null) {
            throw new IllegalArgumentException("Preflight needs {\"service\", \"image\", \"config\", \"override\"?}: "
                    + "pass the execution input");
        }
        if (input.image().digest() == null && input.image().tag() == null) {
            throw new IllegalArgumentException("Preflight needs image.digest (VerifyImage's output) or image.tag");
        }
        Decision override = input.override() == null ? null : input.override().alarmsFiring();
        if (override != null && (blank(override.by()) || blank(override.reason()))) {
            throw new IllegalArgumentException("override.alarmsFiring needs both \"by\" (who decided) and \"reason\" "
                    + "(why deploying while alarms fire is right), e.g. {\"by\": \"alice\", \"reason\": \"the fix "
                    + "for the firing alarm\"}");
        }
        return override;
    }

    private void refuseWhileDeploying(ServiceConfig config) {
        backends.forService(config).busy(config).ifPresent(running -> {
            throw new DeploymentInProgress(running + ", so Preflight is retried until it ends");
        });
    }

    private static String repository(Input input) {
        return input.image().repository() != null ? input.image().repository() : input.config().repository();
    }

    private List<PushedImage> taggedImages(String repository) {
        List<PushedImage> images = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeImagesResponse page = ecr.describeImages(r -> r.repositoryName(repository)
                    .filter(f -> f.tagStatus(TagStatus.TAGGED)).nextToken(next));
            for (ImageDetail detail : page.imageDetails()) {
                images.add(new PushedImage(detail.imageDigest(), detail.imageTags(), detail.imagePushedAt()));
            }
            token = page.nextToken();
        } while (token != null);
        return images;
    }

    /** The image being deployed, by digest (or tag); it must still be there. */
    private static PushedImage find(Input input, List<PushedImage> images) {
        ImageRef ref = input.image();
        return images.stream()
                .filter(image -> ref.digest() != null ? image.digest().equals(ref.digest())
                        : image.tags().contains(ref.tag()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("image " + (ref.digest() != null ? ref.digest()
                        : ref.tag()) + " is no longer a tagged image of repository '" + repository(input)
                        + "': it was deleted or untagged after VerifyImage"));
    }

    /** The service's alarms in ALARM, and each metric alarm's time to fire into {@code times}. */
    private List<FiringAlarm> alarms(ServiceConfig config, List<TimeToFire.AlarmTime> times) {
        List<String> names = List.copyOf(new LinkedHashSet<>(config.alarms()));
        List<FiringAlarm> firing = new ArrayList<>();
        Set<String> found = new LinkedHashSet<>();
        for (int from = 0; from < names.size(); from += ALARM_NAMES_PER_CALL) {
            List<String> chunk = names.subList(from, Math.min(names.size(), from + ALARM_NAMES_PER_CALL));
            String token = null;
            do {
                String next = token;
                DescribeAlarmsResponse page = cloudWatch.describeAlarms(r -> r.alarmNames(chunk)
                        .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).nextToken(next));
                for (MetricAlarm alarm : page.metricAlarms()) {
                    found.add(alarm.alarmName());
                    times.add(TimeToFire.of(alarm));
                    if ("ALARM".equals(alarm.stateValueAsString())) {
                        firing.add(new FiringAlarm(alarm.alarmName(), String.valueOf(alarm.stateUpdatedTimestamp()),
                                alarm.stateReason(), AlarmTargets.targetGroupOf(alarm)));
                    }
                }
                for (CompositeAlarm alarm : page.compositeAlarms()) {
                    found.add(alarm.alarmName());
                    if ("ALARM".equals(alarm.stateValueAsString())) {
                        firing.add(new FiringAlarm(alarm.alarmName(), String.valueOf(alarm.stateUpdatedTimestamp()),
                                alarm.stateReason(), null));
                    }
                }
                token = page.nextToken();
            } while (token != null);
        }
        List<String> missing = names.stream().filter(name -> !found.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new ConfigException(missing.stream().map(name -> "config.alarms: alarm '" + name
                    + "' does not exist in CloudWatch; create it or remove it from the service's alarms").toList());
        }
        return firing;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
