package dev.greenlight.local.aws.logs;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.clock.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;

/**
 * CloudWatch Logs: log groups and their retention, log streams and their events. Events older than
 * their group's retention are no longer returned, on the twin's clock.
 */
public final class LogsTwin implements CloudWatchLogsClient {

    private static final Pattern NAME = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");
    /** The retention periods PutRetentionPolicy accepts, in days (CloudWatch Logs API reference). */
    private static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private final Clock clock;
    private static final Pattern STREAM_NAME = Pattern.compile("[^:*]{1,512}");
    /** PutLogEvents takes events from 14 days back to 2 hours ahead (CloudWatch Logs API reference). */
    private static final Duration OLDEST = Duration.ofDays(14);
    private static final Duration NEWEST = Duration.ofHours(2);
    private static final int MAX_BATCH = 10_000;

    private final Map<String, LogGroup> groups = new LinkedHashMap<>();
    private final Map<String, NavigableMap<String, StoredStream>> streams = new HashMap<>();
    private long eventIds;

    public LogsTwin(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized CreateLogGroupResponse createLogGroup(CreateLogGroupRequest request) {
        String name = request.logGroupName();
        if (name == null || !NAME.matcher(name).matches()) {
            throw LogsErrors.invalid("1 validation error detected: Value '" + name + "' at 'logGroupName' failed to "
                    + "satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
        }
        if (groups.containsKey(name)) {
            throw LogsErrors.exists();
        }
        groups.put(name, LogGroup.builder()
                .logGroupName(name)
                .arn(LocalAccount.arn("logs", "log-group:" + name + ":*"))
                .logGroupArn(LocalAccount.arn("logs", "log-group:" + name))
                .creationTime(clock.now().toEpochMilli())
                .storedBytes(0L)
                .kmsKeyId(request.kmsKeyId())
                .logGroupClass(request.logGroupClassAsString() == null ? "STANDARD" : request.logGroupClassAsString())
                .build());
        return CreateLogGroupResponse.builder().build();
    }

    @Override
    public synchronized DeleteLogGroupResponse deleteLogGroup(DeleteLogGroupRequest request) {
        if (groups.remove(request.logGroupName()) == null) {
            throw LogsErrors.notFound();
        }
        streams.remove(request.logGroupName());
        return DeleteLogGroupResponse.builder().build();
    }

    @Override
    public synchronized PutRetentionPolicyResponse putRetentionPolicy(PutRetentionPolicyRequest request) {
        LogGroup group = group(request.logGroupName());
        if (request.retentionInDays() == null || !RETENTION_DAYS.contains(request.retentionInDays())) {
            throw LogsErrors.invalid("1 validation error detected: Value '" + request.retentionInDays()
                    + "' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: "
                    + RETENTION_DAYS.stream().sorted().toList());
        }
        groups.put(group.logGroupName(), group.toBuilder().retentionInDays(request.retentionInDays()).build());
        return PutRetentionPolicyResponse.builder().build();
    }

    @Override
    public synchronized DeleteRetentionPolicyResponse deleteRetentionPolicy(DeleteRetentionPolicyRequest request) {
        LogGroup group = group(request.logGroupName());
        groups.put(group.logGroupName(), group.toBuilder().retentionInDays(null).build());
        return DeleteRetentionPolicyResponse.builder().build();
    }

    @Override
    public synchronized DescribeLogGroupsResponse describeLogGroups(DescribeLogGroupsRequest request) {
        String prefix = request.logGroupNamePrefix() == null ? "" : request.logGroupNamePrefix();
        return DescribeLogGroupsResponse.builder().logGroups(groups.values().stream()
                .filter(g -> g.logGroupName().startsWith(prefix)).toList()).build();
    }

    @Override
    public synchronized CreateLogStreamResponse createLogStream(CreateLogStreamRequest request) {
        String name = request.logStreamName();
        if (name == null || !STREAM_NAME.matcher(name).matches()) {
            throw LogsErrors.validation(name, "logStreamName", "Member must satisfy regular expression pattern: [^:*]*");
        }
        group(request.logGroupName());
        NavigableMap<String, StoredStream> inGroup = streamsOf(request.logGroupName());
        if (inGroup.containsKey(name)) {
            throw LogsErrors.streamExists();
        }
        inGroup.put(name, new StoredStream(name, clock.now().toEpochMilli()));
        return CreateLogStreamResponse.builder().build();
    }

    /**
     * Stores the batch; events from before the group's retention or the last 14 days, or more than
     * 2 hours ahead, are rejected and reported, as AWS reports them. The sequence token is ignored and
     * still returned, as AWS has done since January 2023.
     */
    @Override
    public synchronized PutLogEventsResponse putLogEvents(PutLogEventsRequest request) {
        List<InputLogEvent> events = request.logEvents();
        if (events.isEmpty() || events.size() > MAX_BATCH) {
            throw LogsErrors.validation(events, "logEvents", events.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to " + MAX_BATCH);
        }
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).timestamp() < events.get(i - 1).timestamp()) {
                // AWS's wording is not published; this is the API reference's rule.
                throw LogsErrors.invalid("Log events in a single PutLogEvents request must be in chronological order.");
            }
        }
        StoredStream stream = stream(request.logGroupName(), request.logStreamName());
        long now = clock.now().toEpochMilli();
        long oldest = Math.max(now - OLDEST.toMillis(), retainedFrom(group(request.logGroupName())));
        Integer tooOld = null;
        Integer tooNew = null;
        for (int i = 0; i < events.size(); i++) {
            InputLogEvent event = events.get(i);
            if (event.timestamp() < oldest) {
                tooOld = i;
            } else if (event.timestamp() > now + NEWEST.toMillis()) {
                tooNew = tooNew == null ? i : tooNew;
            } else {
                stream.events.add(new StoredStream.Event(event.timestamp(), event.message(), now,
                        String.format("%056d", ++eventIds)));
                stream.lastIngestionTime = now;
            }
        }
        PutLogEventsResponse.Builder response = PutLogEventsResponse.builder()
                .nextSequenceToken(String.format("%056d", eventIds));
        if (tooOld != null || tooNew != null) {
            response.rejectedLogEventsInfo(RejectedLogEventsInfo.builder().tooOldLogEventEndIndex(tooOld)
                    .tooNewLogEventStartIndex(tooNew).build());
        }
        return response.build();
    }

    @Override
    public synchronized DescribeLogStreamsResponse describeLogStreams(DescribeLogStreamsRequest request) {
        String groupName = groupName(request.logGroupName(), request.logGroupIdentifier());
        LogGroup group = group(groupName);
        boolean byTime = request.orderBy() == OrderBy.LAST_EVENT_TIME;
        if (byTime && request.logStreamNamePrefix() != null) {
            throw LogsErrors.invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        int limit = limit(request.limit(), 50);
        String prefix = request.logStreamNamePrefix() == null ? "" : request.logStreamNamePrefix();
        Comparator<LogStream> order = byTime ? Comparator.comparing((LogStream s) -> s.lastEventTimestamp() == null
                ? 0L : s.lastEventTimestamp()) : Comparator.comparing(LogStream::logStreamName);
        List<LogStream> described = streamsOf(groupName).values().stream()
                .filter(s -> s.name.startsWith(prefix))
                .map(s -> describe(group, s))
                .sorted(Boolean.TRUE.equals(request.descending()) ? order.reversed() : order)
                .toList();
        int from = from(request.nextToken());
        int to = Math.min(described.size(), from + limit);
        return DescribeLogStreamsResponse.builder().logStreams(described.subList(Math.min(from, to), to))
                .nextToken(to < described.size() ? Integer.toString(to) : null).build();
    }

    /**
     * One stream's events from startTime (inclusive) to endTime (exclusive), oldest first; without
     * startFromHead the page is the newest {@code limit} events. Tokens are {@code f/} or {@code b/}
     * and a position, opaque to callers as AWS's are.
     */
    @Override
    public synchronized GetLogEventsResponse getLogEvents(GetLogEventsRequest request) {
        String groupName = groupName(request.logGroupName(), request.logGroupIdentifier());
        LogGroup group = group(groupName);
        StoredStream stream = stream(groupName, request.logStreamName());
        int limit = limit(request.limit(), MAX_BATCH);
        long start = Math.max(request.startTime() == null ? Long.MIN_VALUE : request.startTime(), retainedFrom(group));
        long end = request.endTime() == null ? Long.MAX_VALUE : request.endTime();
        List<StoredStream.Event> window = stream.events.stream()
                .filter(e -> e.timestamp() >= start && e.timestamp() < end).toList();
        String token = request.nextToken();
        int from;
        int to;
        if (token != null && token.startsWith("f/")) {
            from = Math.min(window.size(), from(token.substring(2)));
            to = Math.min(window.size(), from + limit);
        } else if (token != null && token.startsWith("b/")) {
            to = Math.min(window.size(), from(token.substring(2)));
            from = Math.max(0, to - limit);
        } else if (Boolean.TRUE.equals(request.startFromHead())) {
            from = 0;
            to = Math.min(window.size(), limit);
        } else {
            to = window.size();
            from = Math.max(0, to - limit);
        }
        if (token != null && !token.startsWith("f/") && !token.startsWith("b/")) {
            throw LogsErrors.invalid("The specified nextToken is invalid.");
        }
        return GetLogEventsResponse.builder()
                .events(window.subList(from, to).stream().map(e -> OutputLogEvent.builder().timestamp(e.timestamp())
                        .message(e.message()).ingestionTime(e.ingestionTime()).build()).toList())
                .nextForwardToken("f/" + to).nextBackwardToken("b/" + from).build();
    }

    /**
     * Events of the group's streams (all, the named ones, or those with the prefix) matching the
     * {@link FilterPattern}, oldest first, startTime and endTime inclusive.
     */
    @Override
    public synchronized FilterLogEventsResponse filterLogEvents(FilterLogEventsRequest request) {
        String groupName = groupName(request.logGroupName(), request.logGroupIdentifier());
        LogGroup group = group(groupName);
        if (request.hasLogStreamNames() && request.logStreamNamePrefix() != null) {
            // AWS's wording is not published; the API reference says the two cannot be given together.
            throw LogsErrors.invalid("logStreamNames and logStreamNamePrefix cannot both be specified.");
        }
        FilterPattern pattern = FilterPattern.parse(request.filterPattern());
        int limit = limit(request.limit(), MAX_BATCH);
        long start = Math.max(request.startTime() == null ? Long.MIN_VALUE : request.startTime(), retainedFrom(group));
        long end = request.endTime() == null ? Long.MAX_VALUE : request.endTime();
        String prefix = request.logStreamNamePrefix() == null ? "" : request.logStreamNamePrefix();
        List<FilteredLogEvent> matched = new ArrayList<>();
        for (StoredStream stream : streamsOf(groupName).values()) {
            if ((request.hasLogStreamNames() && !request.logStreamNames().contains(stream.name))
                    || !stream.name.startsWith(prefix)) {
                continue;
            }
            stream.events.stream().filter(e -> e.timestamp() >= start && e.timestamp() <= end
                    && pattern.matches(e.message())).forEach(e -> matched.add(FilteredLogEvent.builder()
                    .logStreamName(stream.name).timestamp(e.timestamp()).message(e.message())
                    .ingestionTime(e.ingestionTime()).eventId(e.eventId()).build()));
        }
        matched.sort(Comparator.comparing(FilteredLogEvent::timestamp).thenComparing(FilteredLogEvent::eventId));
        int from = from(request.nextToken());
        int to = Math.min(matched.size(), from + limit);
        return FilterLogEventsResponse.builder().events(matched.subList(Math.min(from, to), to))
                .nextToken(to < matched.size() ? Integer.toString(to) : null).build();
    }

    /** Whether the group exists; for Lambda's runtime, which creates a function's group when it is missing. */
    public synchronized boolean hasLogGroup(String name) {
        return groups.containsKey(name);
    }

    /** Whether the stream exists in the group. */
    public synchronized boolean hasLogStream(String groupName, String streamName) {
        return streamsOf(groupName).containsKey(streamName);
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    private static LogStream describe(LogGroup group, StoredStream stream) {
        LogStream.Builder described = LogStream.builder().logStreamName(stream.name).creationTime(stream.creationTime)
                .arn(LocalAccount.arn("logs", "log-group:" + group.logGroupName() + ":log-stream:" + stream.name))
                .storedBytes(0L);
        if (!stream.events.isEmpty()) {
            LongSummaryStatistics times = stream.events.stream().mapToLong(StoredStream.Event::timestamp)
                    .summaryStatistics();
            described.firstEventTimestamp(times.getMin()).lastEventTimestamp(times.getMax())
                    .lastIngestionTime(stream.lastIngestionTime);
        }
        return described.build();
    }

    /** The first timestamp the group's retention still keeps. */
    private long retainedFrom(LogGroup group) {
        return group.retentionInDays() == null ? Long.MIN_VALUE
                : clock.now().minus(Duration.ofDays(group.retentionInDays())).toEpochMilli();
    }

    /** logGroupIdentifier takes the group's name or ARN; exactly one of the two is given. */
    private static String groupName(String name, String identifier) {
        if ((name == null) == (identifier == null)) {
            throw LogsErrors.invalid("Either logGroupName or logGroupIdentifier must be specified, but not both.");
        }
        if (name != null) {
            return name;
        }
        String prefix = LocalAccount.arn("logs", "log-group:");
        return identifier.startsWith(prefix) ? identifier.substring(prefix.length()).replaceFirst(":\\*$", "")
                : identifier;
    }

    private static int limit(Integer limit, int max) {
        if (limit == null) {
            return max;
        }
        if (limit < 1 || limit > max) {
            throw LogsErrors.validation(limit, "limit", limit < 1 ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to " + max);
        }
        return limit;
    }

    private static int from(String token) {
        if (token == null) {
            return 0;
        }
        int from;
        try {
            from = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            from = -1;
        }
        if (from < 0) {
            throw LogsErrors.invalid("The specified nextToken is invalid.");
        }
        return from;
    }

    private NavigableMap<String, StoredStream> streamsOf(String groupName) {
        return streams.computeIfAbsent(groupName, g -> new TreeMap<>());
    }

    private StoredStream stream(String groupName, String streamName) {
        group(groupName);
        StoredStream stream = streamsOf(groupName).get(streamName);
        if (stream == null) {
            throw LogsErrors.streamNotFound();
        }
        return stream;
    }

    private LogGroup group(String name) {
        LogGroup group = groups.get(name);
        if (group == null) {
            throw LogsErrors.notFound();
        }
        return group;
    }
}
