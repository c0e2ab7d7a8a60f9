package dev.greenlight.local.aws.iam.policy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IpAddress and NotIpAddress (RFC 4632 CIDR, IPv4 or IPv6; a bare address is its own /32 or /128). */
final class IpRanges {

    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private IpRanges() {
    }

    static boolean contains(String cidr, String address) {
        String[] parts = cidr.split("/", 2);
        Optional<byte[]> network = bytes(parts[0]);
        Optional<byte[]> candidate = bytes(address);
        if (network.isEmpty() || candidate.isEmpty() || network.get().length != candidate.get().length) {
            return false;
        }
        int bits = network.get().length * 8;
        int prefix;
        try {
            prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
        } catch (NumberFormatException e) {
            return false;
        }
        if (prefix < 0 || prefix > bits) {
            return false;
        }
        BigInteger mask = prefix == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - prefix).shiftLeft(bits - prefix);
        return new BigInteger(1, network.get()).and(mask).equals(new BigInteger(1, candidate.get()).and(mask));
    }

    /** Only literal addresses: a host name must never cause a DNS look-up. */
    private static Optional<byte[]> bytes(String address) {
        if (!LITERAL.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
