package dev.greenlight.local.aws.ec2;

/**
 * A VPC's DNS attributes. A new VPC resolves names but gives instances no DNS hostnames; a
 * default VPC does both (Amazon VPC User Guide, "DNS attributes for your VPC").
 */
record VpcDns(boolean support, boolean hostnames) {

    static VpcDns of(boolean isDefault) {
        return new VpcDns(true, isDefault);
    }
}
