package dev.greenlight.local.aws.ec2;

import dev.greenlight.local.aws.LocalAccount;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.AvailabilityZoneOptInStatus;
import software.amazon.awssdk.services.ec2.model.AvailabilityZoneState;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * The six zones of us-east-1. AWS maps zone names to zone ids per account; the twin's account
 * maps them in order ({@code us-east-1a} is {@code use1-az1}).
 */
final class AvailabilityZones {

    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "f").stream()
            .map(letter -> LocalAccount.REGION + letter).toList();
    private static final Set<String> FILTERS = Set.of("zone-name", "zone-id", "state", "region-name", "zone-type",
            "group-name", "opt-in-status");

    private AvailabilityZones() {
    }

    static List<String> names() {
        return NAMES;
    }

    static String zoneId(String name) {
        return "use1-az" + (NAMES.indexOf(name) + 1);
    }

    static List<AvailabilityZone> describe(List<String> zoneNames, List<String> zoneIds, List<Filter> filters) {
        for (String name : zoneNames) {
            if (!NAMES.contains(name)) {
                throw Ec2Errors.invalidValue("zoneNames", name, "The zone '" + name + "' does not exist.");
            }
        }
        return NAMES.stream()
                .filter(name -> zoneNames.isEmpty() || zoneNames.contains(name))
                .filter(name -> zoneIds.isEmpty() || zoneIds.contains(zoneId(name)))
                .filter(name -> Filters.match(filters, Map.of("zone-name", List.of(name), "zone-id", List.of(zoneId(name)),
                        "state", List.of("available"), "region-name", List.of(LocalAccount.REGION),
                        "zone-type", List.of("availability-zone"), "group-name", List.of(LocalAccount.REGION),
                        "opt-in-status", List.of("opt-in-not-required")), List.of(), FILTERS))
                .map(name -> AvailabilityZone.builder().zoneName(name).zoneId(zoneId(name))
                        .state(AvailabilityZoneState.AVAILABLE).regionName(LocalAccount.REGION)
                        .zoneType("availability-zone").groupName(LocalAccount.REGION)
                        .networkBorderGroup(LocalAccount.REGION).optInStatus(AvailabilityZoneOptInStatus.OPT_IN_NOT_REQUIRED)
                        .messages(List.of()).build())
                .toList();
    }

    /** The zone a new subnet goes to: the one named, or one AWS picks when none is. */
    static String resolve(String name, String zoneId, RandomGenerator random) {
        if (name != null) {
            if (!NAMES.contains(name)) {
                throw Ec2Errors.invalidValue("availabilityZone", name,
                        "Subnets can currently only be created in the following availability zones: "
                                + String.join(", ", NAMES) + ".");
            }
            return name;
        }
        if (zoneId != null) {
            return NAMES.stream().filter(n -> zoneId(n).equals(zoneId)).findFirst().orElseThrow(() ->
                    Ec2Errors.invalidValue("availabilityZoneId", zoneId, "The zone id does not exist."));
        }
        return NAMES.get(random.nextInt(NAMES.size()));
    }
}
