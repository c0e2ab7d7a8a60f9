package dev.greenlight.local.aws.sts;

import dev.greenlight.local.aws.AwsErrors;
import dev.greenlight.local.aws.CallerCredentials;
import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.aws.iam.IamTwin;
import dev.greenlight.local.clock.Clock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * STS: who a caller is, and temporary credentials for a role of the IAM twin whose trust policy
 * names the caller. A call signed with credentials this twin issued acts as that role session
 * until the credentials expire (ExpiredToken after that, from every service); any other access key,
 * and every in-process call, acts as the account root.
 *
 * <p>The twin keeps a session only until it expires (AssumeRole's DurationSeconds is 15 minutes to 12 hours),
 * so that a twin left running for days holds only the sessions still valid. Its access keys end in a check
 * value that marks them as this twin's (a checksum, not a secret: the twin authenticates nothing), so a
 * key whose session is forgotten still answers ExpiredToken, as AWS answers for expired credentials, rather
 * than passing for the account's default credentials.
 *
 * <p>One deviation, kept on purpose: AWS refuses AssumeRole to the account root ("Roles may not
 * be assumed by root accounts"), but the twin has no IAM users, so its default credentials
 * stand for the account and may assume a role whose trust policy names the account.
 */
public final class StsTwin implements StsClient {

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role(?:/.*)?/([\\w+=,.@-]+)");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final int DEFAULT_DURATION = 3600;
    private static final int CHAINED_LIMIT = 3600;
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    /** An access key is ASIA and 16 characters: 10 random, then 6 that check them (one foreign key in 10^9 passes). */
    private static final int KEY_RANDOM = 10;
    private static final byte[] KEY_MARK = "greenlight sts key".getBytes(StandardCharsets.US_ASCII);

    private final Clock clock;
    private final IamTwin iam;
    private final RandomGenerator random;
    private final Map<String, AssumedRoleSession> sessions = new ConcurrentHashMap<>();
    /** The kept sessions, the first to expire first: issuing one forgets those that have expired. */
    private final Queue<AssumedRoleSession> byExpiration =
            new PriorityQueue<>(Comparator.comparing(AssumedRoleSession::expiration));

    public StsTwin(Clock clock, IamTwin iam, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.iam = Objects.requireNonNull(iam, "iam");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The role session behind {@code accessKeyId}, if STS issued it and still keeps it: a kept session may
     * have expired; {@link #expired} tells whether a call signed with the key is refused.
     */
    public Optional<AssumedRoleSession> issued(String accessKeyId) {
        return Optional.ofNullable(sessions.get(accessKeyId));
    }

    /**
     * Whether STS issued {@code accessKeyId} and has forgotten its session, which it does only once the
     * session has expired: a call signed with it is refused with ExpiredToken.
     */
    boolean forgotten(String accessKeyId) {
        return !sessions.containsKey(accessKeyId) && madeHere(accessKeyId);
    }

    /**
     * Whether a call signed with {@code accessKeyId} is refused with ExpiredToken, by STS and every other
     * service: STS issued the key and its session has expired on the twin's clock, or has been forgotten.
     */
    public boolean expired(String accessKeyId) {
        AssumedRoleSession session = sessions.get(accessKeyId);
        return session == null ? madeHere(accessKeyId) : !clock.now().isBefore(session.expiration());
    }

    /** How many sessions are kept: those not yet found expired. */
    int kept() {
        return sessions.size();
    }

    @Override
    public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest request) {
        Optional<AssumedRoleSession> session = caller();
        return GetCallerIdentityResponse.builder()
                .account(LocalAccount.ID)
                .userId(session.map(AssumedRoleSession::userId).orElse(LocalAccount.ID))
                .arn(session.map(AssumedRoleSession::arn).orElse(rootArn()))
                .build();
    }

    @Override
    public AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
        Optional<AssumedRoleSession> caller = caller();
        String sessionName = request.roleSessionName();
        if (sessionName == null || !SESSION_NAME.matcher(sessionName).matches()) {
            throw validation("roleSessionName", sessionName,
                    "Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64");
        }
        int duration = request.durationSeconds() == null ? DEFAULT_DURATION : request.durationSeconds();
        if (duration < 900 || duration > 43200) {
            throw validation("durationSeconds", duration, "Member must have value between 900 and 43200");
        }
        String roleArn = request.roleArn();
        if (roleArn == null || roleArn.length() < 20 || roleArn.length() > 2048) {
            throw validation("roleArn", roleArn, "Member must have length between 20 and 2048");
        }
        String callerArn = caller.map(AssumedRoleSession::arn).orElse(rootArn());
        Role role = role(roleArn).orElseThrow(() -> notAuthorized(callerArn, roleArn));
        Set<String> callerArns = new HashSet<>(Set.of(callerArn));
        caller.ifPresent(session -> callerArns.add(session.roleArn()));
        if (!TrustPolicy.parse(iam.trustPolicy(role.roleName()).orElseThrow()).allows(callerArns, request.externalId())) {
            throw notAuthorized(callerArn, roleArn);
        }
        if (duration > role.maxSessionDuration()) {
            throw error("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", 400);
        }
        if (caller.isPresent() && duration > CHAINED_LIMIT) {
            throw error("ValidationError",
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.", 400);
        }
        AssumedRoleSession session = issue(role, sessionName, Duration.ofSeconds(duration));
        return AssumeRoleResponse.builder()
                .credentials(credentials(session))
                .assumedRoleUser(AssumedRoleUser.builder().arn(session.arn()).assumedRoleId(session.userId()).build())
                .packedPolicySize(request.policy() == null ? null : 0)
                .sourceIdentity(request.sourceIdentity())
                .build();
    }

    /**
     * Credentials for a role a service acts as on the caller's behalf (a Lambda function's execution
     * role), as the service obtains them from STS; empty when the role does not exist. The trust
     * policy is not checked here: the service checks it where AWS does.
     */
    public Optional<Credentials> serviceSession(String roleArn, String sessionName, Duration duration) {
        return role(roleArn).map(role -> credentials(issue(role, sessionName, duration)));
    }

    private synchronized AssumedRoleSession issue(Role role, String sessionName, Duration duration) {
        forgetExpired();
        AssumedRoleSession session = new AssumedRoleSession(accessKeyId(), role.arn(), role.roleName(),
                role.roleId(), sessionName, clock.now().plus(duration));
        sessions.put(session.accessKeyId(), session);
        byExpiration.add(session);
        return session;
    }

    private void forgetExpired() {
        while (!byExpiration.isEmpty() && !clock.now().isBefore(byExpiration.peek().expiration())) {
            sessions.remove(byExpiration.poll().accessKeyId());
        }
    }

    /** ASIA and 16 characters of AWS's alphabet, the last 6 checking the rest (all 16 drawn, as before). */
    private String accessKeyId() {
        String drawn = token("ASIA", 16, KEY_ALPHABET);
        return drawn.substring(0, 4 + KEY_RANDOM) + keyCheck(drawn);
    }

    private static boolean madeHere(String accessKeyId) {
        return accessKeyId != null && accessKeyId.length() == 20 && accessKeyId.startsWith("ASIA")
                && accessKeyId.endsWith(keyCheck(accessKeyId));
    }

    /** The check characters: SHA-256 over the mark and the key's first 14 characters. */
    private static String keyCheck(String accessKeyId) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(KEY_MARK);
            byte[] hash = digest.digest(accessKeyId.substring(0, 4 + KEY_RANDOM).getBytes(StandardCharsets.US_ASCII));
            StringBuilder check = new StringBuilder();
            for (int i = 0; i < 20 - 4 - KEY_RANDOM; i++) {
                check.append(KEY_ALPHABET.charAt((hash[i] & 0xff) % KEY_ALPHABET.length()));
            }
            return check.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private Credentials credentials(AssumedRoleSession session) {
        return Credentials.builder().accessKeyId(session.accessKeyId())
                .secretAccessKey(token("", 40, SECRET_ALPHABET))
                .sessionToken(token("IQoJb3JpZ2luX2Vj", 300, SECRET_ALPHABET))
                .expiration(session.expiration()).build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    /** The session the current call is signed with; credentials STS issued that have expired are refused. */
    private Optional<AssumedRoleSession> caller() {
        Optional<String> accessKeyId = CallerCredentials.accessKeyId();
        if (accessKeyId.filter(this::expired).isPresent()) {
            throw error("ExpiredToken", "The security token included in the request is expired", 400);
        }
        return accessKeyId.flatMap(this::issued);
    }

    private Optional<Role> role(String roleArn) {
        Matcher matcher = ROLE_ARN.matcher(roleArn);
        if (!matcher.matches() || !matcher.group(1).equals(LocalAccount.ID)) {
            return Optional.empty();
        }
        return iam.role(matcher.group(2)).filter(role -> role.arn().equals(roleArn));
    }

    private String token(String prefix, int length, String alphabet) {
        StringBuilder token = new StringBuilder(prefix);
        synchronized (random) {
            for (int i = 0; i < length; i++) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return token.toString();
    }

    private static String rootArn() {
        return "arn:aws:iam::" + LocalAccount.ID + ":root";
    }

    private static StsException notAuthorized(String callerArn, String roleArn) {
        return error("AccessDenied", "User: " + callerArn + " is not authorized to perform: sts:AssumeRole on resource: "
                + roleArn, 403);
    }

    private static StsException validation(String member, Object value, String constraint) {
        return error("ValidationError", "1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + constraint, 400);
    }

    private static StsException error(String code, String message, int status) {
        return AwsErrors.of(StsException.builder(), code, message, status);
    }
}
