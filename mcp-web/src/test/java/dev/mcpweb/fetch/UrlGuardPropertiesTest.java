package dev.mcpweb.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Fuzz-style properties of the guard: it never throws, and no spelling of a loopback address gets through. */
class UrlGuardPropertiesTest {
    private final UrlGuard guard = new UrlGuard(List.of());

    @Property(tries = 3000)
    void theGuardNeverThrowsOnArbitraryText(@ForAll String anything) {
        guard.check(anything);
        guard.check("http://" + anything);
        guard.check("http://" + anything + "/");
    }

    @Property(tries = 3000)
    void theGuardNeverThrowsOnUrlShapedNoise(@ForAll("urlNoise") String url) {
        guard.check(url);
    }

    @Property(tries = 5000)
    void noSpellingOfALoopbackAddressIsAllowed(@ForAll("loopbackUrls") String url) {
        assertThat(guard.check(url)).as(url).isInstanceOf(Refusal.class);
    }

    @Provide
    Arbitrary<String> urlNoise() {
        Arbitrary<String> pieces = Arbitraries.of(
                "http://",
                "https://",
                "@",
                ":",
                "[",
                "]",
                ".",
                "0x",
                "0",
                "127",
                "::",
                "%",
                "%2e",
                "/",
                "\\",
                "#",
                "?",
                "ffff",
                "1",
                "255",
                "xn--",
                "\u3002",
                "\uff0e",
                "localhost",
                " ",
                "\t");
        return pieces.list().ofMinSize(1).ofMaxSize(12).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> loopbackUrls() {
        Arbitrary<Integer> b = Arbitraries.integers().between(0, 255);
        Arbitrary<String> ipv4 = Combinators.combine(
                        b, b, b, Arbitraries.integers().between(0, 5))
                .as((x, y, z, style) -> spell(127, x, y, z, style));
        Arbitrary<String> ipv6 = Combinators.combine(b, b, b)
                .as((x, y, z) -> String.format(Locale.ROOT, "[::ffff:7f%02x:%02x%02x]", x, y, z));
        Arbitrary<String> host =
                Arbitraries.oneOf(ipv4, ipv6, Arbitraries.of("[::1]", "[0::1]", "[::0:1]", "[::127.0.0.1]"));
        Arbitrary<String> userInfo = Arbitraries.of("", "user@", "good.com@", "a:b@", "example.com%40@");
        Arbitrary<String> port = Arbitraries.of("", ":80", ":8080", ":1");
        Arbitrary<String> scheme = Arbitraries.of("http://", "https://", "HTTP://", "hTtPs://");
        return Combinators.combine(scheme, userInfo, host, port, Arbitraries.of("", "/", "/a?b#c", "./"))
                .as((s, u, h, p, path) -> s + u + h + p + path);
    }

    private static String spell(int a, int x, int y, int z, int style) {
        long value = ((long) a << 24) | (x << 16) | (y << 8) | z;
        return switch (style) {
            case 0 -> a + "." + x + "." + y + "." + z;
            case 1 -> Long.toString(value);
            case 2 -> "0x" + Long.toHexString(value);
            case 3 -> "0" + Integer.toOctalString(a) + "." + x + "." + ((y << 8) | z);
            case 4 -> "0x" + Integer.toHexString(a) + "." + ((x << 16) | (y << 8) | z);
            default -> a + "." + x + "." + y + "." + z + ".";
        };
    }
}
