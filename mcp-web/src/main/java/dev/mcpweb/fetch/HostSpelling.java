package dev.mcpweb.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a URL host the way browsers and resolvers do, so that the guard checks the address that would
 * really be used: IPv4 in decimal, octal, hex and shortened forms ({@code 2130706433}, {@code 0177.0.0.1},
 * {@code 0x7f.1}, {@code 127.1}, as the WHATWG URL standard parses them), bracketed IPv6 and trailing
 * dots. Never performs a DNS lookup.
 */
final class HostSpelling {
    private HostSpelling() {}

    /** What a host string denotes. */
    sealed interface Host {
        /** The host as it should be sent on: a canonical literal or a name without trailing dots. */
        String canonical();
    }

    record Address(InetAddress address) implements Host {
        @Override
        public String canonical() {
            return address.getHostAddress();
        }
    }

    record Name(String canonical) implements Host {}

    record Invalid(String canonical, String reason) implements Host {}

    /** Parses an ASCII host (already IDN-mapped and percent-decoded by the URL parser). */
    static Host parse(String rawHost) {
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.indexOf(':') >= 0) {
            return ipv6(host)
                    .<Host>map(Address::new)
                    .orElseGet(() -> new Invalid(rawHost, "'" + rawHost + "' is not a valid IPv6 address"));
        }
        while (host.endsWith(".") && host.length() > 1) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || host.equals(".")) {
            return new Invalid(rawHost, "the host is empty");
        }
        List<String> parts = List.of(host.split("\\.", -1));
        boolean endsInNumber = endsInNumber(parts.getLast());
        long[] numbers = new long[parts.size()];
        boolean numeric = parts.size() <= 4;
        for (int i = 0; numeric && i < parts.size(); i++) {
            numbers[i] = number(parts.get(i));
            numeric = numbers[i] >= 0;
        }
        if (!numeric) {
            return endsInNumber
                    ? new Invalid(host, "'" + rawHost + "' ends in a number but is not a valid IPv4 address")
                    : new Name(host);
        }
        long value = 0;
        for (int i = 0; i < numbers.length - 1; i++) {
            if (numbers[i] > 255) {
                return new Invalid(host, "'" + rawHost + "' is not a valid IPv4 address (a part is over 255)");
            }
            value |= numbers[i] << (8 * (3 - i));
        }
        long last = numbers[numbers.length - 1];
        if (last >= 1L << (8 * (5 - numbers.length))) {
            return new Invalid(host, "'" + rawHost + "' is not a valid IPv4 address (out of range)");
        }
        value |= last;
        return new Address(ipv4((int) value));
    }

    /** A literal address in any spelling {@link #parse} accepts, or empty for a name or nonsense. */
    static Optional<InetAddress> literal(String host) {
        return parse(host) instanceof Address a ? Optional.of(a.address()) : Optional.empty();
    }

    static InetAddress ipv4(int value) {
        byte[] b = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static Optional<InetAddress> ipv6(String host) {
        if (host.indexOf('%') >= 0
                || !host.chars().allMatch(c -> c == ':' || c == '.' || (c <= 'f' && Character.digit(c, 16) >= 0))) {
            return Optional.empty();
        }
        try {
            // A string with a colon is parsed as a literal by the JDK, never looked up.
            InetAddress address = InetAddress.getByName(host);
            return address instanceof Inet6Address || host.contains(":") ? Optional.of(address) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean endsInNumber(String last) {
        if (!last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        return number(last) >= 0;
    }

    /** One IPv4 part as WHATWG reads it (0x hex, leading-zero octal, else decimal); -1 when it is not one. */
    private static long number(String part) {
        if (part.isEmpty()) {
            return -1;
        }
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && part.charAt(0) == '0' && (part.charAt(1) == 'x' || part.charAt(1) == 'X')) {
            radix = 16;
            digits = part.substring(2);
            if (digits.isEmpty()) {
                return 0;
            }
        } else if (part.length() >= 2 && part.charAt(0) == '0') {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.length() > 40) {
            return Long.MAX_VALUE; // a number, but far too large for any part
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c > 'f' || Character.digit(c, radix) < 0) {
                return -1;
            }
        }
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
