package dev.mcpweb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.RandomText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SharedHostsTest {
    /** Links of WCXB and trafilatura-eval pages, with the host parts that print back and those that do not. */
    private static final List<String> REAL = List.of(
            "https://scratchculinary.com/2025/09/04/top-nutrition-trends-for-fall-2025/",
            "https://scratchculinary.com/",
            "https://scratchculinary.com/?s=meal",
            "https://www.linkedin.com/signup/cold-join?session_redirect=%2Fpulse%2F5-trends&trk=pulse-article",
            "https://talkreal.org/en/course-guides/mondly//",
            "https://go.redirectingat.com?id=74968X1525088&url=https%3A%2F%2Fwww.chairish.com%2Fproduct%2F12632020",
            "https://about.linkedin.com?trk=d_flagship2_pulse_read_footer-about",
            "http://127.0.0.1:5000/",
            "http://1337kultur.de:8000/LQ",
            "http://1337kultur.de:8000/leet",
            "http://Castlefalls.com",
            "http://Facebook.com/tastifyfood",
            "http://Seglerblog.xn--stssenseer-fcb.de/",
            "https://de.wikipedia.org/wiki/Stra%C3%9Fe_(Begriffskl%C3%A4rung)",
            "https://example.org:080/leading-zero-port",
            "https://example.org:/empty-port",
            "https://user:secret@example.org/with-user-info",
            "http://[::1]:8080/v6",
            "http://[2001:db8::1]/v6/path?q=1",
            "HTTPS://Upper.Example/Case",
            "https://bad_host.example/underscore",
            "https://-dash.example/label",
            "https://example.org//double/slash",
            "https://example.org/path with space",
            "https://example.org/path%",
            "https://example.org/query?a=[b]",
            "https://example.org/a:b/c@d/e;f=g");

    @Test
    void realLinksParseAsUriParsesThem() {
        PageLinks.SharedHosts page = new PageLinks.SharedHosts();
        for (int round = 0; round < 2; round++) { // the second time from the shared host parts
            for (String url : REAL) {
                assertParsesAsUriDoes(page, url);
            }
        }
    }

    /**
     * Generated URLs, several per host part as on a page, from host parts and paths that hold what the parser
     * treats apart (ports, user info, brackets, percent signs, upper case, characters it refuses), succeed and
     * fail exactly where {@code new URI} does, with every component and the string the same.
     */
    @Test
    void generatedLinksParseAsUriParsesThem() {
        String pathAlphabet = "ab/?:@2F;=&.-~Z";
        String[] pathOddities = {"", "", "", "", " ", "[", "{", "|", "%", "%2f", "//"};
        Random random = new Random(16);
        for (int page = 0; page < 2_000; page++) {
            PageLinks.SharedHosts hosts = new PageLinks.SharedHosts();
            String[] parts = {hostPart(random), hostPart(random), hostPart(random)};
            for (int link = 0; link < 10; link++) {
                String path = (random.nextInt(5) > 0 ? "/" : "")
                        + RandomText.of(random, pathAlphabet, 14)
                        + pathOddities[random.nextInt(pathOddities.length)];
                assertParsesAsUriDoes(hosts, parts[random.nextInt(parts.length)] + path);
            }
        }
    }

    /** A scheme and host part, mostly a plain host name, with user info, a port or a character refused at times. */
    private static String hostPart(Random random) {
        String[] schemes = {"http", "https", "HTTP", "Https"};
        String[] users = {"", "", "", "u@", "u:p@", "@"};
        String[] hosts = {"", "", "", "", "", "", "[::1]", "127.0.0.1", "%41", "_", " ", "]", "."};
        String[] ports = {"", "", "", ":80", ":080", ":", ":x"};
        String host = hosts[random.nextInt(hosts.length)];
        if (host.isEmpty() || random.nextBoolean()) { // a host name, with the oddity in it
            host = "a" + RandomText.of(random, "b8Z-.", 6) + host + "b.a" + RandomText.of(random, "bZ8", 4);
        }
        return schemes[random.nextInt(schemes.length)]
                + "://"
                + users[random.nextInt(users.length)]
                + host
                + ports[random.nextInt(ports.length)];
    }

    /** Where the test finds no http(s) scheme no parse does; where it finds one a parse that succeeds does too. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "http:",
                "https",
                "http:x",
                "https:",
                "HtTpS:rest",
                "httpx:",
                "ftp://a",
                "htt",
                "file:/a",
                "http/:x"
            })
    void theSchemeTestFindsHttpExactlyWhereUriDoes(String url) {
        int colon = PageLinks.httpSchemeEnd(url);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return; // no link either way
        }
        String scheme = uri.getScheme();
        boolean http = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
        assertThat(colon >= 0).as(url).isEqualTo(http);
        if (http) {
            assertThat(url.substring(0, colon)).isEqualTo(scheme);
        }
    }

    private static void assertParsesAsUriDoes(PageLinks.SharedHosts hosts, String url) {
        int colon = PageLinks.httpSchemeEnd(url);
        assertThat(colon).as(url).isPositive();
        URI expected;
        try {
            expected = new URI(url);
        } catch (URISyntaxException e) {
            expected = null;
        }
        URI parsed;
        try {
            parsed = hosts.parse(url, colon);
        } catch (URISyntaxException e) {
            parsed = null;
        }
        if (expected == null) {
            assertThat(parsed).as(url).isNull();
            return;
        }
        assertThat(parsed).as(url).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(components(parsed)).as(url).isEqualTo(components(expected));
    }

    private static List<Object> components(URI uri) {
        return List.of(
                uri.toString(),
                String.valueOf(uri.getScheme()),
                String.valueOf(uri.getRawAuthority()),
                String.valueOf(uri.getRawUserInfo()),
                String.valueOf(uri.getHost()),
                uri.getPort(),
                String.valueOf(uri.getRawPath()),
                String.valueOf(uri.getRawQuery()),
                String.valueOf(uri.getRawFragment()),
                String.valueOf(uri.getRawSchemeSpecificPart()),
                String.valueOf(uri.getPath()),
                uri.isOpaque(),
                uri.isAbsolute());
    }
}
