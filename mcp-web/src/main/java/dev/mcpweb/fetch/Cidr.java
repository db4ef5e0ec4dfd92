package dev.mcpweb.fetch;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/** An address range such as {@code 10.0.0.0/8} or {@code fe80::/10}; a bare address is a /32 or /128. */
public record Cidr(byte[] network, int prefix) {
    public Cidr {
        network = network.clone();
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("prefix /" + prefix + " is out of range");
        }
        network = masked(network, prefix);
    }

    /** The range's first address; a copy, so that the range stays as it was made. */
    @Override
    public byte[] network() {
        return network.clone();
    }

    static Cidr of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return new Cidr(bytes, bytes.length * 8);
    }

    /** Parses {@code address[/prefix]} where the address is a literal (never a DNS lookup). */
    public static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        String addressPart = slash < 0 ? text : text.substring(0, slash);
        Optional<InetAddress> address = HostSpelling.literal(addressPart);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = address.get().getAddress();
        try {
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            return prefix < 0 || prefix > bytes.length * 8 ? Optional.empty() : Optional.of(new Cidr(bytes, prefix));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /** Whether {@code text} is an address literal in this range; a name is never looked up, and is outside. */
    public boolean containsLiteral(String text) {
        return HostSpelling.literal(text).filter(this::contains).isPresent();
    }

    /** Whether the raw address bytes fall in this range; compares in place, allocating nothing. */
    boolean contains(byte[] bytes) {
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        return rest == 0 || ((bytes[full] & (0xff << (8 - rest))) & 0xff) == (network[full] & 0xff);
    }

    private static byte[] masked(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - bits)));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
