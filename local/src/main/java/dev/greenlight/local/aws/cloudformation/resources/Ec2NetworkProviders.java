package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The VPC plumbing types, each through EC2's own call: InternetGateway, VPCGatewayAttachment,
 * RouteTable, Route and SubnetRouteTableAssociation. Any change replaces them (their properties
 * are create-only). A Route is removed with its route table (the EC2 twin has no DeleteRoute).
 */
final class Ec2NetworkProviders {

    private Ec2NetworkProviders() {
    }

    static ResourceProvider internetGateway(Ec2Client ec2) {
        return new Replaced() {
            @Override
            public Provisioned create(ResourceRequest request) {
                String id = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
                return Provisioned.of(id, "InternetGatewayId", id);
            }

            @Override
            public void delete(Provisioned current, ResourceRequest request) {
                ec2.deleteInternetGateway(r -> r.internetGatewayId(current.physicalId()));
            }
        };
    }

    static ResourceProvider gatewayAttachment(Ec2Client ec2) {
        return new Replaced() {
            @Override
            public Provisioned create(ResourceRequest request) {
                ec2.attachInternetGateway(r -> r.vpcId(request.required("VpcId"))
                        .internetGatewayId(request.required("InternetGatewayId")));
                return Provisioned.of("IGW|" + request.required("VpcId"));
            }

            @Override
            public void delete(Provisioned current, ResourceRequest request) {
                ec2.detachInternetGateway(r -> r.vpcId(request.required("VpcId"))
                        .internetGatewayId(request.required("InternetGatewayId")));
            }
        };
    }

    static ResourceProvider routeTable(Ec2Client ec2) {
        return new Replaced() {
            @Override
            public Provisioned create(ResourceRequest request) {
                String id = ec2.createRouteTable(r -> r.vpcId(request.required("VpcId"))).routeTable().routeTableId();
                return Provisioned.of(id, "RouteTableId", id);
            }

            @Override
            public void delete(Provisioned current, ResourceRequest request) {
                ec2.deleteRouteTable(r -> r.routeTableId(current.physicalId()));
            }
        };
    }

    static ResourceProvider route(Ec2Client ec2) {
        return new Replaced() {
            @Override
            public Provisioned create(ResourceRequest request) {
                ec2.createRoute(r -> r.routeTableId(request.required("RouteTableId"))
                        .destinationCidrBlock(request.required("DestinationCidrBlock"))
                        .gatewayId(request.text("GatewayId").orElse(null)));
                return Provisioned.of(request.required("RouteTableId") + "|" + request.required("DestinationCidrBlock"));
            }

            @Override
            public void delete(Provisioned current, ResourceRequest request) {
            }
        };
    }

    static ResourceProvider routeTableAssociation(Ec2Client ec2) {
        return new Replaced() {
            @Override
            public Provisioned create(ResourceRequest request) {
                String id = ec2.associateRouteTable(r -> r.routeTableId(request.required("RouteTableId"))
                        .subnetId(request.required("SubnetId"))).associationId();
                return Provisioned.of(id, "Id", id);
            }

            @Override
            public void delete(Provisioned current, ResourceRequest request) {
                ec2.disassociateRouteTable(r -> r.associationId(current.physicalId()));
            }
        };
    }

    /** Types whose properties are all create-only. */
    private abstract static class Replaced implements ResourceProvider {
        @Override
        public java.util.Set<String> replacedOn() {
            return ANY;
        }
    }
}
