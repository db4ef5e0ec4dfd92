package dev.mcpweb.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The address ranges the URL guard blocks by default, each with the words a refusal uses for it.
 * IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) are judged by the
 * address they carry; IPv6 outside global unicast (2000::/3) is blocked as reserved.
 */
final class AddressRanges {
    private record Range(Cidr cidr, String description) {}

    private static final List<Range> IPV4 = List.of(
            range("255.255.255.255/32", "the broadcast address"),
            range("0.0.0.0/8", "an unspecified (\"this network\") address"),
            range("127.0.0.0/8", "a loopback address"),
            range("10.0.0.0/8", "a private (RFC 1918) address"),
            range("172.16.0.0/12", "a private (RFC 1918) address"),
            range("192.168.0.0/16", "a private (RFC 1918) address"),
            range("169.254.0.0/16", "a link-local address (where cloud metadata services answer)"),
            range("100.64.0.0/10", "a carrier-grade NAT (RFC 6598) address"),
            range("192.0.0.0/24", "an IETF protocol-assignment address"),
            range("192.0.2.0/24", "a documentation (TEST-NET-1) address"),
            range("198.51.100.0/24", "a documentation (TEST-NET-2) address"),
            range("203.0.113.0/24", "a documentation (TEST-NET-3) address"),
            range("198.18.0.0/15", "a benchmarking (RFC 2544) address"),
            range("192.88.99.0/24", "a 6to4 relay anycast address"),
            range("224.0.0.0/4", "a multicast address"),
            range("240.0.0.0/4", "a reserved (240.0.0.0/4) address"));

    private static final List<Range> IPV6 = List.of(
            range("::/128", "the unspecified address"),
            range("::1/128", "a loopback address"),
            range("64:ff9b:1::/48", "a local-use NAT64 (RFC 8215) address"),
            range("2001:db8::/32", "a documentation address"),
            range("100::/64", "a discard-only address"),
            range("fe80::/10", "a link-local address"),
            range("fec0::/10", "a site-local address"),
            range("fc00::/7", "a unique-local address"),
            range("ff00::/8", "a multicast address"));

    // Built from bytes: the JDK turns a parsed ::ffff:a.b.c.d into an Inet4Address.
    private static final Cidr MAPPED =
            new Cidr(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}, 96);
    private static final Cidr COMPATIBLE = Cidr.parse("::/96").orElseThrow();
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96").orElseThrow();
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16").orElseThrow();
    private static final Cidr TEREDO = Cidr.parse("2001::/32").orElseThrow();
    private static final Cidr GLOBAL_UNICAST = Cidr.parse("2000::/3").orElseThrow();

    private AddressRanges() {}

    /** Why {@code address} is blocked ({@code "a loopback address"}), or empty when it is a public address. */
    static Optional<String> blocked(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return find(IPV4, b);
        }
        Optional<String> direct = find(IPV6, b);
        if (direct.isPresent()) {
            return direct;
        }
        if (MAPPED.contains(b)) {
            return embedded("an IPv4-mapped IPv6 address", Arrays.copyOfRange(b, 12, 16), false);
        }
        if (COMPATIBLE.contains(b)) {
            return embedded("an IPv4-compatible IPv6 address", Arrays.copyOfRange(b, 12, 16), true);
        }
        if (NAT64.contains(b)) {
            return embedded("a NAT64 address", Arrays.copyOfRange(b, 12, 16), false);
        }
        if (SIX_TO_FOUR.contains(b)) {
            return embedded("a 6to4 address", Arrays.copyOfRange(b, 2, 6), false);
        }
        if (TEREDO.contains(b)) {
            byte[] client = Arrays.copyOfRange(b, 12, 16);
            for (int i = 0; i < client.length; i++) {
                client[i] = (byte) ~client[i];
            }
            return embedded("a Teredo address", client, false);
        }
        if (!GLOBAL_UNICAST.contains(b)) {
            return Optional.of("a reserved IPv6 address (outside 2000::/3)");
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(String kind, byte[] ipv4, boolean alwaysBlocked) {
        Optional<String> why = find(IPV4, ipv4);
        if (why.isPresent()) {
            String inner = (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "." + (ipv4[2] & 0xff) + "." + (ipv4[3] & 0xff);
            return Optional.of(kind + " embedding " + inner + ", " + why.get());
        }
        return alwaysBlocked ? Optional.of(kind + " (deprecated, not routable)") : Optional.empty();
    }

    private static Optional<String> find(List<Range> ranges, byte[] address) {
        for (Range r : ranges) {
            if (r.cidr().contains(address)) {
                return Optional.of(r.description());
            }
        }
        return Optional.empty();
    }

    private static Range range(String cidr, String description) {
        return new Range(Cidr.parse(cidr).orElseThrow(), description);
    }
}
