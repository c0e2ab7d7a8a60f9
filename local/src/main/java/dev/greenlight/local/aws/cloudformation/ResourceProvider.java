package dev.greenlight.local.aws.cloudformation;

import java.util.Set;

/**
 * Makes, changes and removes one resource type through its service's own API, so that the
 * service's validation and errors are what a stack sees. A provider that only records the
 * resource says so in its class comment.
 */
public interface ResourceProvider {

    /** Every property: any change replaces the resource. */
    Set<String> ANY = Set.of("*");

    Provisioned create(ResourceRequest request);

    /**
     * Changes the resource in place, for changes to properties outside {@link #replacedOn()}. The
     * default keeps the resource as it is, for types whose changes the twin only records.
     */
    default Provisioned update(ResourceRequest request, Provisioned current) {
        return current;
    }

    void delete(Provisioned current, ResourceRequest request);

    /**
     * After {@link #create} or {@link #update}: whether the resource is ready in the sense
     * CloudFormation waits for before it reports the resource complete. Most types are ready
     * when their call returns.
     */
    default Stabilization stabilized(Provisioned current, ResourceRequest request) {
        return Stabilization.DONE;
    }

    /** After {@link #delete}: whether the resource is gone in the sense CloudFormation waits for. */
    default Stabilization removed(Provisioned current, ResourceRequest request) {
        return Stabilization.DONE;
    }

    /**
     * The properties whose change makes CloudFormation create a new resource and delete the old
     * one ("Update requires: Replacement" in each type's documentation).
     */
    default Set<String> replacedOn() {
        return Set.of();
    }

    default boolean replaces(Set<String> changedProperties) {
        return replacedOn().equals(ANY) ? !changedProperties.isEmpty()
                : changedProperties.stream().anyMatch(replacedOn()::contains);
    }
}
