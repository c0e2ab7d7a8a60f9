package dev.greenlight.local.aws.elbv2;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.clock.Clock;
import dev.greenlight.local.fleet.Endpoint;
import dev.greenlight.local.fleet.Fleet;
import dev.greenlight.local.fleet.TargetHealth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.IpAddressType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerState;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyRuleResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * Elastic Load Balancing v2, for Application Load Balancers with HTTP listeners forwarding by
 * weight to ip target groups. It keeps the control-plane records (descriptions as AWS returns
 * them) and drives the {@link Fleet}'s load balancer, which holds targets, health and traffic.
 * Every call validates fully before it changes anything.
 */
public final class ElbV2Twin implements ElasticLoadBalancingV2Client {

    /** The target group attribute {@code deregistration_delay.timeout_seconds} at its default. */
    static final Duration DEREGISTRATION_DELAY = Duration.ofSeconds(300);
    private static final String SERVICE = "elasticloadbalancing";

    private final Clock clock;
    private final dev.greenlight.local.fleet.LoadBalancer dataPlane;
    private final Map<String, LoadBalancer> loadBalancers = new LinkedHashMap<>();
    private final SubnetPlacements subnets;
    /** The Route 53 hosted zone of application load balancers in us-east-1 (ELB endpoints and quotas). */
    private static final String ALB_HOSTED_ZONE = "Z35SXDOTRQ7X7K";
    private final Map<String, TargetGroup> targetGroups = new LinkedHashMap<>();
    private final Map<String, ListenerEntry> listeners = new LinkedHashMap<>();
    private long sequence;

    /** A listener as described, its default rule's ARN and the loopback port it really listens on. */
    private record ListenerEntry(Listener description, String ruleArn, ForwardWeights forward, int localPort) {
    }

    public ElbV2Twin(Clock clock, Fleet fleet) {
        this(clock, fleet, SubnetPlacements.none());
    }

    public ElbV2Twin(Clock clock, Fleet fleet, SubnetPlacements subnets) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dataPlane = Objects.requireNonNull(fleet, "fleet").loadBalancer();
        this.subnets = Objects.requireNonNull(subnets, "subnets");
    }

    @Override
    public String serviceName() {
        return SERVICE;
    }

    @Override
    public void close() {
        // The fleet owns the sockets; its owner closes it.
    }

    /** Not an AWS call: the loopback URL a listener answers on, if there is such a listener. */
    public synchronized Optional<String> listenerUrl(String listenerArn) {
        ListenerEntry entry = listenerArn == null ? null : listeners.get(listenerArn);
        return entry == null ? Optional.empty() : Optional.of("http://127.0.0.1:" + entry.localPort + "/");
    }

    /** Not an AWS call: the loopback port a listener really answers on (its declared port is AWS's). */
    public synchronized int listenerPort(String listenerArn) {
        return listener(listenerArn).localPort;
    }

    @Override
    public synchronized CreateLoadBalancerResponse createLoadBalancer(CreateLoadBalancerRequest request) {
        ElbNames.checkLoadBalancerName(request.name());
        if (request.type() != null && request.type() != LoadBalancerTypeEnum.APPLICATION) {
            throw new UnsupportedOperationException("the local ELBv2 twin models only application load balancers");
        }
        LoadBalancerSchemeEnum scheme = request.scheme() == null ? LoadBalancerSchemeEnum.INTERNET_FACING
                : request.scheme();
        Optional<LoadBalancer> existing = loadBalancers.values().stream()
                .filter(lb -> lb.loadBalancerName().equals(request.name())).findFirst();
        if (existing.isPresent()) {
            if (existing.get().scheme() != scheme) {
                throw ElbErrors.duplicateLoadBalancerName(request.name());
            }
            return CreateLoadBalancerResponse.builder().loadBalancers(existing.get()).build();
        }
        String id = nextId();
        LoadBalancer created = LoadBalancer.builder()
                .loadBalancerArn(LocalAccount.arn(SERVICE, "loadbalancer/app/" + request.name() + "/" + id))
                .dnsName(request.name() + "-" + id + "." + LocalAccount.REGION + ".elb.localhost")
                .createdTime(clock.now()).loadBalancerName(request.name()).scheme(scheme)
                .state(LoadBalancerState.builder().code(LoadBalancerStateEnum.ACTIVE).build())
                .type(LoadBalancerTypeEnum.APPLICATION)
                .ipAddressType(request.ipAddressType() == null ? IpAddressType.IPV4 : request.ipAddressType())
                .canonicalHostedZoneId(ALB_HOSTED_ZONE)
                .build();
        created = LoadBalancerPlacement.place(created, request.subnets(), request.securityGroups(), subnets);
        loadBalancers.put(created.loadBalancerArn(), created);
        return CreateLoadBalancerResponse.builder().loadBalancers(created).build();
    }

    @Override
    public synchronized DescribeLoadBalancersResponse describeLoadBalancers(DescribeLoadBalancersRequest request) {
        if (request.hasLoadBalancerArns() && request.hasNames()) {
            throw ElbErrors.validation("Load balancer names and load balancer ARNs cannot be specified at the same time");
        }
        List<LoadBalancer> found;
        if (request.hasLoadBalancerArns()) {
            found = request.loadBalancerArns().stream().map(this::loadBalancer).toList();
        } else if (request.hasNames()) {
            found = request.names().stream().map(name -> byName(loadBalancers.values(),
                    LoadBalancer::loadBalancerName, name).orElseThrow(() -> ElbErrors.loadBalancerNotFound(name)))
                    .toList();
        } else {
            found = List.copyOf(loadBalancers.values());
        }
        return DescribeLoadBalancersResponse.builder().loadBalancers(found).build();
    }

    @Override
    public synchronized CreateTargetGroupResponse createTargetGroup(CreateTargetGroupRequest request) {
        TargetGroup wanted = TargetGroupSettings.validate(request, null);
        Optional<TargetGroup> existing = byName(targetGroups.values(), TargetGroup::targetGroupName, request.name());
        if (existing.isPresent()) {
            if (!existing.get().toBuilder().targetGroupArn(null).build().equals(wanted)) {
                throw ElbErrors.duplicateTargetGroupName(request.name());
            }
            return CreateTargetGroupResponse.builder().targetGroups(withLoadBalancers(existing.get())).build();
        }
        String arn = LocalAccount.arn(SERVICE, "targetgroup/" + request.name() + "/" + nextId());
        TargetGroup created = wanted.toBuilder().targetGroupArn(arn).build();
        dataPlane.addTargetGroup(arn, metricName(arn), TargetGroupSettings.healthCheck(created));
        targetGroups.put(arn, created);
        return CreateTargetGroupResponse.builder().targetGroups(withLoadBalancers(created)).build();
    }

    @Override
    public synchronized DescribeTargetGroupsResponse describeTargetGroups(DescribeTargetGroupsRequest request) {
        long selectors = Stream.of(request.hasTargetGroupArns(), request.hasNames(), request.loadBalancerArn() != null)
                .filter(Boolean::booleanValue).count();
        if (selectors > 1) {
            throw ElbErrors.validation("Only one of target group ARNs, names or a load balancer ARN can be specified");
        }
        Stream<TargetGroup> found;
        if (request.hasTargetGroupArns()) {
            found = request.targetGroupArns().stream().map(this::targetGroup);
        } else if (request.hasNames()) {
            found = request.names().stream().map(name -> byName(targetGroups.values(), TargetGroup::targetGroupName,
                    name).orElseThrow(() -> ElbErrors.targetGroupNotFound(name)));
        } else if (request.loadBalancerArn() != null) {
            loadBalancer(request.loadBalancerArn());
            found = targetGroups.values().stream()
                    .filter(group -> loadBalancerArns(group.targetGroupArn()).contains(request.loadBalancerArn()));
        } else {
            found = targetGroups.values().stream();
        }
        return DescribeTargetGroupsResponse.builder()
                .targetGroups(found.map(this::withLoadBalancers).toList()).build();
    }

    @Override
    public synchronized RegisterTargetsResponse registerTargets(RegisterTargetsRequest request) {
        TargetGroup group = targetGroup(request.targetGroupArn());
        List<Endpoint> targets = endpoints(request.hasTargets() ? request.targets() : List.of(), group);
        targets.forEach(target -> dataPlane.register(group.targetGroupArn(), target));
        return RegisterTargetsResponse.builder().build();
    }

    @Override
    public synchronized DeregisterTargetsResponse deregisterTargets(DeregisterTargetsRequest request) {
        TargetGroup group = targetGroup(request.targetGroupArn());
        List<Endpoint> targets = endpoints(request.hasTargets() ? request.targets() : List.of(), group);
        Map<Endpoint, TargetHealth> registered = dataPlane.targets(group.targetGroupArn());
        targets.stream().filter(target -> !registered.containsKey(target)).findFirst().ifPresent(target -> {
            throw ElbErrors.invalidTarget("The following targets are not registered: '" + target.host()
                    + "' on port " + target.port());
        });
        targets.forEach(target -> dataPlane.deregister(group.targetGroupArn(), target, DEREGISTRATION_DELAY));
        return DeregisterTargetsResponse.builder().build();
    }

    @Override
    public synchronized DescribeTargetHealthResponse describeTargetHealth(DescribeTargetHealthRequest request) {
        TargetGroup group = targetGroup(request.targetGroupArn());
        Map<Endpoint, TargetHealth> registered = dataPlane.targets(group.targetGroupArn());
        List<Endpoint> asked = request.hasTargets() ? endpoints(request.targets(), group)
                : List.copyOf(registered.keySet());
        List<TargetHealthDescription> descriptions = asked.stream()
                .map(target -> describe(target, registered.getOrDefault(target, TargetHealth.notRegistered())))
                .toList();
        return DescribeTargetHealthResponse.builder().targetHealthDescriptions(descriptions).build();
    }

    @Override
    public synchronized CreateListenerResponse createListener(CreateListenerRequest request) {
        LoadBalancer lb = loadBalancer(request.loadBalancerArn());
        ProtocolEnum protocol = listenerProtocol(request.protocol(), request.protocolAsString());
        int port = listenerPortInRange(request.port());
        ForwardWeights forward = ForwardWeights.of(request.defaultActions(), targetGroups::containsKey);
        checkAssociation(forward, lb.loadBalancerArn());
        Optional<ListenerEntry> onPort = listeners.values().stream()
                .filter(entry -> entry.description.loadBalancerArn().equals(lb.loadBalancerArn()))
                .filter(entry -> entry.description.port() == port).findFirst();
        if (onPort.isPresent()) {
            if (!onPort.get().forward.equals(forward)) {
                throw ElbErrors.duplicateListener(port);
            }
            return CreateListenerResponse.builder().listeners(onPort.get().description).build();
        }
        String lbPath = lb.loadBalancerArn().substring(lb.loadBalancerArn().indexOf("loadbalancer/") + 13);
        String listenerId = nextId();
        String arn = LocalAccount.arn(SERVICE, "listener/" + lbPath + "/" + listenerId);
        String ruleArn = LocalAccount.arn(SERVICE, "listener-rule/" + lbPath + "/" + listenerId + "/" + nextId());
        Listener description = Listener.builder().listenerArn(arn).loadBalancerArn(lb.loadBalancerArn())
                .port(port).protocol(protocol).defaultActions(forward.describe()).build();
        int localPort = dataPlane.openListener(arn, lbPath);
        dataPlane.forward(arn, forward.weights());
        listeners.put(arn, new ListenerEntry(description, ruleArn, forward, localPort));
        return CreateListenerResponse.builder().listeners(description).build();
    }

    @Override
    public synchronized DescribeListenersResponse describeListeners(DescribeListenersRequest request) {
        boolean byArns = request.hasListenerArns();
        if (byArns == (request.loadBalancerArn() != null)) {
            throw ElbErrors.validation("You must specify either listener ARNs or a load balancer ARN");
        }
        List<Listener> found;
        if (byArns) {
            found = request.listenerArns().stream().map(arn -> listener(arn).description).toList();
        } else {
            loadBalancer(request.loadBalancerArn());
            found = listeners.values().stream().map(ListenerEntry::description)
                    .filter(listener -> listener.loadBalancerArn().equals(request.loadBalancerArn())).toList();
        }
        return DescribeListenersResponse.builder().listeners(found).build();
    }

    /** Changes a listener's default actions (what CodeDeploy does to shift traffic); port and protocol stay. */
    @Override
    public synchronized ModifyListenerResponse modifyListener(ModifyListenerRequest request) {
        Integer port = request.port() == null ? null : listenerPortInRange(request.port());
        ProtocolEnum protocol = request.protocolAsString() == null ? null
                : listenerProtocol(request.protocol(), request.protocolAsString());
        ListenerEntry entry = listener(request.listenerArn());
        Listener current = entry.description;
        boolean movesPort = port != null && !port.equals(current.port());
        boolean changesProtocol = protocol != null && protocol != current.protocol();
        if (movesPort || changesProtocol) {
            throw new UnsupportedOperationException("the local ELBv2 twin does not move a listener's port or protocol");
        }
        if (!request.hasDefaultActions()) {
            return ModifyListenerResponse.builder().listeners(current).build();
        }
        ListenerEntry changed = changeActions(entry, request.defaultActions());
        return ModifyListenerResponse.builder().listeners(changed.description).build();
    }

    /** The twin has only listeners' default rules (CreateRule is not modelled). */
    @Override
    public synchronized DescribeRulesResponse describeRules(DescribeRulesRequest request) {
        boolean byRules = request.hasRuleArns();
        if (byRules == (request.listenerArn() != null)) {
            throw ElbErrors.validation("You must specify either listener rule ARNs or a listener ARN");
        }
        List<Rule> rules = byRules ? request.ruleArns().stream().map(this::ruleOwner).map(this::defaultRule).toList()
                : List.of(defaultRule(listener(request.listenerArn())));
        return DescribeRulesResponse.builder().rules(rules).build();
    }

    @Override
    public synchronized ModifyRuleResponse modifyRule(ModifyRuleRequest request) {
        ListenerEntry entry = ruleOwner(request.ruleArn());
        if (request.hasConditions() && !request.conditions().isEmpty()) {
            throw ElbErrors.validation("Conditions cannot be specified for the default rule of a listener");
        }
        ListenerEntry changed = request.hasActions() ? changeActions(entry, request.actions()) : entry;
        return ModifyRuleResponse.builder().rules(defaultRule(changed)).build();
    }

    private ListenerEntry changeActions(ListenerEntry entry, List<Action> actions) {
        ForwardWeights forward = ForwardWeights.of(actions, targetGroups::containsKey);
        checkAssociation(forward, entry.description.loadBalancerArn());
        Listener described = entry.description.toBuilder().defaultActions(forward.describe()).build();
        ListenerEntry changed = new ListenerEntry(described, entry.ruleArn, forward, entry.localPort);
        dataPlane.forward(described.listenerArn(), forward.weights());
        listeners.put(described.listenerArn(), changed);
        return changed;
    }

    /** An Application Load Balancer's target group serves one load balancer only. */
    private void checkAssociation(ForwardWeights forward, String loadBalancerArn) {
        forward.weights().keySet().stream()
                .filter(group -> loadBalancerArns(group).stream().anyMatch(arn -> !arn.equals(loadBalancerArn)))
                .findFirst().ifPresent(group -> {
                    throw ElbErrors.associationLimit(group);
                });
    }

    /** An Application Load Balancer's listeners speak HTTP or HTTPS; a value ELB does not know fails validation. */
    private static ProtocolEnum listenerProtocol(ProtocolEnum protocol, String given) {
        if (given == null || protocol == ProtocolEnum.HTTP) {
            return ProtocolEnum.HTTP;
        }
        if (protocol == ProtocolEnum.UNKNOWN_TO_SDK_VERSION) {
            throw ElbErrors.validation("1 validation error detected: Value '" + given + "' at 'protocol' failed to"
                    + " satisfy constraint: Member must satisfy enum value set: " + ProtocolEnum.knownValues());
        }
        if (protocol == ProtocolEnum.HTTPS) {
            throw new UnsupportedOperationException("the local ELBv2 twin has no certificates: HTTP listeners only");
        }
        throw ElbErrors.validation("Listener protocol '" + given + "' must be one of 'HTTPS, HTTP'");
    }

    private static int listenerPortInRange(Integer port) {
        if (port == null || port < 1 || port > 65_535) {
            throw ElbErrors.validation("1 validation error detected: Value '" + port + "' at 'port' failed to"
                    + " satisfy constraint: Member must have value between 1 and 65535");
        }
        return port;
    }

    private List<Endpoint> endpoints(List<TargetDescription> targets, TargetGroup group) {
        if (targets.isEmpty()) {
            throw ElbErrors.validation("At least one target must be specified");
        }
        return targets.stream().map(target -> IpTarget.endpoint(target, group.port())).toList();
    }

    private static TargetHealthDescription describe(Endpoint target, TargetHealth health) {
        return TargetHealthDescription.builder()
                .target(IpTarget.describe(target))
                .healthCheckPort(String.valueOf(target.port()))
                .targetHealth(software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth.builder()
                        .state(TargetHealthStateEnum.fromValue(health.state().wireName()))
                        .reason(health.reason()).description(health.description()).build())
                .build();
    }

    private Rule defaultRule(ListenerEntry entry) {
        return Rule.builder().ruleArn(entry.ruleArn).priority("default").conditions(List.of())
                .actions(entry.description.defaultActions()).isDefault(true).build();
    }

    private TargetGroup withLoadBalancers(TargetGroup group) {
        return group.toBuilder().loadBalancerArns(loadBalancerArns(group.targetGroupArn())).build();
    }

    private List<String> loadBalancerArns(String targetGroupArn) {
        List<String> arns = new ArrayList<>();
        listeners.values().stream().filter(entry -> entry.forward.weights().containsKey(targetGroupArn))
                .map(entry -> entry.description.loadBalancerArn()).distinct().forEach(arns::add);
        return arns;
    }

    private LoadBalancer loadBalancer(String arn) {
        LoadBalancer lb = arn == null ? null : loadBalancers.get(arn);
        if (lb == null) {
            throw ElbErrors.loadBalancerNotFound(arn);
        }
        return lb;
    }

    private TargetGroup targetGroup(String arn) {
        TargetGroup group = arn == null ? null : targetGroups.get(arn);
        if (group == null) {
            throw ElbErrors.targetGroupNotFound(arn);
        }
        return group;
    }

    private ListenerEntry listener(String arn) {
        ListenerEntry entry = arn == null ? null : listeners.get(arn);
        if (entry == null) {
            throw ElbErrors.listenerNotFound(arn);
        }
        return entry;
    }

    private ListenerEntry ruleOwner(String ruleArn) {
        return listeners.values().stream().filter(entry -> entry.ruleArn.equals(ruleArn)).findFirst()
                .orElseThrow(() -> ElbErrors.ruleNotFound(ruleArn));
    }

    private static <T> Optional<T> byName(Iterable<T> all, Function<T, String> name, String wanted) {
        for (T item : all) {
            if (name.apply(item).equals(wanted)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /** ALB's metric dimension value for a target group: {@code targetgroup/NAME/ID}. */
    private static String metricName(String targetGroupArn) {
        return targetGroupArn.substring(targetGroupArn.lastIndexOf(':') + 1);
    }

    private String nextId() {
        return String.format("%016x", ++sequence);
    }
}
