package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.function.Function;

/**
 * A resource the twin records without a service behind it (no twin serves its API): the stack
 * gets the physical id and attributes AWS would give, and nothing else happens.
 */
final class RecordOnly implements ResourceProvider {

    private final Function<ResourceRequest, Provisioned> identity;

    RecordOnly(Function<ResourceRequest, Provisioned> identity) {
        this.identity = identity;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        return identity.apply(request);
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
    }
}
