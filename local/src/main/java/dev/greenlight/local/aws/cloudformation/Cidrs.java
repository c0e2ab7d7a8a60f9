package dev.greenlight.local.aws.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Fn::Cidr for IPv4: {@code count} consecutive blocks of {@code 32 - cidrBits} prefix length from the block's start. */
final class Cidrs {

    private Cidrs() {
    }

    static JsonNode of(JsonNode argument) {
        String[] block = argument.path(0).asText().split("/");
        int count = argument.path(1).asInt(0);
        int cidrBits = argument.path(2).asInt(0);
        if (block.length != 2 || count < 1 || count > 256 || cidrBits < 1 || cidrBits > 32 - Integer.parseInt(block[1])) {
            throw CloudFormationErrors.templateError("Fn::Cidr takes an IPv4 block, a count of 1 to 256 and cidrBits "
                    + "that fit in the block; got " + argument);
        }
        long start = address(block[0]);
        long size = 1L << cidrBits;
        if (count * size > (1L << (32 - Integer.parseInt(block[1])))) {
            throw CloudFormationErrors.templateError("Fn::Cidr: " + count + " blocks of /" + (32 - cidrBits)
                    + " do not fit in " + argument.path(0).asText());
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < count; i++) {
            out.add(text(start + i * size) + "/" + (32 - cidrBits));
        }
        return out;
    }

    private static long address(String dotted) {
        long value = 0;
        for (String octet : dotted.split("\\.")) {
            value = value * 256 + Integer.parseInt(octet);
        }
        return value;
    }

    private static String text(long address) {
        return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255);
    }
}
