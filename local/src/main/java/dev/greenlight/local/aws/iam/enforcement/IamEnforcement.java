package dev.greenlight.local.aws.iam.enforcement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.aws.iam.IamTwin;
import dev.greenlight.local.aws.iam.authorization.OperationAuthorizations;
import dev.greenlight.local.aws.iam.authorization.PassedRoles;
import dev.greenlight.local.aws.iam.authorization.PassedRoles.PassedRole;
import dev.greenlight.local.aws.iam.authorization.RequestFacts;
import dev.greenlight.local.aws.iam.authorization.ServiceAuthorizationReference;
import dev.greenlight.local.aws.iam.policy.AuthorizationRequest;
import dev.greenlight.local.aws.iam.policy.Decision;
import dev.greenlight.local.aws.iam.policy.PolicyDocument;
import dev.greenlight.local.aws.iam.policy.PolicyEvaluator;
import dev.greenlight.local.aws.iam.policy.Principal;
import dev.greenlight.local.aws.iam.policy.RequestContext;
import dev.greenlight.local.clock.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Checks each call against its caller's policies before the twin does the work, as AWS does:
 * the action and resources of the operation (Service Authorization Reference), the caller's
 * identity-based policies (a role's inline and attached policies in the IAM twin), the resource's
 * policy, and the request context (aws:CurrentTime, aws:EpochTime, aws:RequestedRegion); then the
 * implied {@code iam:PassRole} for each role the call passes to a service ({@link PassedRoles}), and
 * whether that service may assume the role ({@link #trusts}). A denied call is refused with the
 * service's own error. The account root is allowed everything, as in AWS;
 * role sessions and service principals are checked while enforcement is on (the default).
 */
public final class IamEnforcement {

    private static final int PARSED_KEPT = 512;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASS_ROLE = "iam:PassRole";
    private static final String ASSUME_ROLE = "sts:AssumeRole";
    private static final String STATES = "states.amazonaws.com";

    private final IamTwin iam;
    private final ResourcePolicies resourcePolicies;
    private final Clock clock;
    private final OperationAuthorizations authorizations;
    private final List<Consumer<AuthorizationCheck>> listeners = new CopyOnWriteArrayList<>();
    /**
     * Stored policies by their text (a trust policy by its role's ARN and its text), parsed once: every call
     * reads its caller's and resource's policies, and every role handed to a service its trust policy.
     */
    private final Map<String, PolicyDocument> parsed = new ConcurrentHashMap<>();
    private volatile boolean enforced = true;

    public IamEnforcement(IamTwin iam, ResourcePolicies resourcePolicies, RequestFacts facts, Clock clock) {
        this.iam = Objects.requireNonNull(iam, "iam");
        this.resourcePolicies = Objects.requireNonNull(resourcePolicies, "resourcePolicies");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.authorizations = new OperationAuthorizations(ServiceAuthorizationReference.load(), facts);
    }

    /** Turns enforcement on (the default) or off; off, every call is served as the account root's would be. */
    public void enforce(boolean on) {
        this.enforced = on;
    }

    public boolean enforced() {
        return enforced;
    }

    /** Tells {@code listener} of every check evaluated, allowed or not (for least-privilege reports). */
    public void onCheck(Consumer<AuthorizationCheck> listener) {
        listeners.add(listener);
    }

    /**
     * Refuses the call with the service's AccessDenied error unless {@code caller} may make it.
     *
     * @param signingName the service as SigV4 names it ({@code lambda}, {@code monitoring})
     * @param operation   the API operation ({@code Invoke})
     */
    public void authorize(Principal caller, String signingName, String operation, SdkPojo request) {
        authorize(caller, signingName, operation, request, Map.of());
    }

    /**
     * As {@link #authorize(Principal, String, String, SdkPojo)}, with keys the calling service adds to the
     * request context: a service principal's {@code aws:SourceArn} and {@code aws:SourceAccount}.
     */
    public void authorize(Principal caller, String signingName, String operation, SdkPojo request,
            Map<String, String> serviceContext) {
        if (!enforced) {
            return;
        }
        List<PassedRole> passedRoles = PassedRoles.of(signingName, operation, request);
        if (!caller.isRoot() && !OperationAuthorizations.needsNoPermission(signingName, operation)) {
            authorizations.of(signingName, operation, request).ifPresent(authorization -> {
                List<PolicyDocument> identity = identityPolicies(caller);
                RequestContext context = context(serviceContext);
                for (String resource : authorization.resources()) {
                    check(signingName, caller, identity, authorization.action(), resource, context);
                }
                for (PassedRole passed : passedRoles) {
                    check(signingName, caller, identity, PASS_ROLE, passed.roleArn(),
                            context.with("iam:PassedToService", passed.service()));
                }
            });
        }
        // The service then checks that it may assume the role it is handed, whoever the caller (the root too),
        // for this account (aws:SourceAccount); a role given by name where an ARN is required is the service's own
        // validation error, not this one.
        for (PassedRole passed : passedRoles) {
            if (UntrustedRole.checkedBy(signingName) && !passed.byName()
                    && !trusts(passed.roleArn(), passed.service(), Map.of("aws:SourceAccount", LocalAccount.ID))) {
                throw UntrustedRole.of(signingName, passed.roleArn());
            }
        }
    }

    /**
     * Whether the service principal {@code service} may assume role {@code roleArn}: the role exists and
     * its trust policy, evaluated as the resource-based policy it is, allows {@code sts:AssumeRole} to
     * the service, with the keys the service sets ({@code aws:SourceArn}, {@code aws:SourceAccount})
     * for its conditions. Step Functions' regional principal ({@code states.REGION.amazonaws.com}) is
     * accepted where the global one is asked for, as Step Functions accepts either. The one place the
     * twin decides whether a role trusts a service; it says yes to everything while enforcement is off.
     */
    public boolean trusts(String roleArn, String service, Map<String, String> serviceContext) {
        if (!enforced) {
            return true;
        }
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        Optional<String> trustPolicy = iam.role(roleName).filter(role -> role.arn().equals(roleArn))
                .flatMap(role -> iam.trustPolicy(roleName));
        if (trustPolicy.isEmpty()) {
            return false;
        }
        PolicyDocument trust = parsed(roleArn + " " + trustPolicy.get(),
                key -> PolicyDocument.parse(onRole(trustPolicy.get(), roleArn)));
        RequestContext context = context(serviceContext);
        List<String> principals = service.equals(STATES)
                ? List.of(service, "states." + LocalAccount.REGION + ".amazonaws.com") : List.of(service);
        return principals.stream().anyMatch(principal -> PolicyEvaluator.evaluate(List.of(), Optional.of(trust),
                new AuthorizationRequest(Principal.service(principal), ASSUME_ROLE, roleArn, context)).allowed());
    }

    /** Refuses, in the called service's shape, unless the policies allow {@code action} on {@code resource}. */
    private void check(String signingName, Principal caller, List<PolicyDocument> identity, String action,
            String resource, RequestContext context) {
        Decision decision = PolicyEvaluator.evaluate(identity, resourcePolicies.of(resource).map(this::parsed),
                new AuthorizationRequest(caller, action, resource, context));
        AuthorizationCheck check = new AuthorizationCheck(caller, action, resource, decision);
        listeners.forEach(listener -> listener.accept(check));
        if (!decision.allowed()) {
            throw AccessDenied.of(signingName, caller, action, resource, decision);
        }
    }

    private List<PolicyDocument> identityPolicies(Principal caller) {
        if (caller.roleArn() == null) {
            return List.of();
        }
        String roleName = caller.roleArn().substring(caller.roleArn().lastIndexOf('/') + 1);
        return iam.permissionPolicies(roleName).orElse(List.of()).stream().map(this::parsed).toList();
    }

    /** A trust policy names no Resource: the role it is attached to is the resource its statements cover. */
    private static String onRole(String trustPolicy, String roleArn) {
        try {
            JsonNode document = JSON.readTree(trustPolicy);
            JsonNode statements = document.path("Statement");
            for (JsonNode statement : statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
                if (statement instanceof ObjectNode object && !object.has("Resource") && !object.has("NotResource")) {
                    object.put("Resource", roleArn);
                }
            }
            return document.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored trust policy is not JSON", e);
        }
    }

    private PolicyDocument parsed(String policy) {
        return parsed(policy, PolicyDocument::parse);
    }

    private PolicyDocument parsed(String key, Function<String, PolicyDocument> parse) {
        if (parsed.size() > PARSED_KEPT) {
            parsed.clear(); // policies edited over a long session leave old texts behind
        }
        return parsed.computeIfAbsent(key, parse);
    }

    /** Global keys AWS sets on every request; every resource on the twin is the local account's (aws:ResourceAccount). */
    private RequestContext context(Map<String, String> serviceContext) {
        Instant now = clock.now();
        Map<String, String> keys = new HashMap<>(serviceContext);
        keys.putAll(Map.of("aws:CurrentTime", now.toString(), "aws:EpochTime",
                Long.toString(now.getEpochSecond()), "aws:RequestedRegion", LocalAccount.REGION,
                "aws:ResourceAccount", LocalAccount.ID));
        return RequestContext.of(keys);
    }
}
