package dev.mcpweb.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.config.ConfigException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard's rules, judged without any connection: no test here opens a socket or asks DNS. */
class UrlGuardTest {
    private final UrlGuard guard = new UrlGuard(List.of());

    private static InetAddress literal(String text) {
        return HostSpelling.literal(text).orElseThrow(() -> new AssertionError("not a literal: " + text));
    }

    @ParameterizedTest(name = "{0} is blocked as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "127.0.0.1|a loopback address",
                "127.255.0.9|a loopback address",
                "0.0.0.0|an unspecified",
                "0.1.2.3|an unspecified",
                "10.1.2.3|a private (RFC 1918) address",
                "172.16.0.1|a private (RFC 1918) address",
                "172.31.255.255|a private (RFC 1918) address",
                "192.168.1.1|a private (RFC 1918) address",
                "169.254.169.254|a link-local address",
                "100.64.0.1|a carrier-grade NAT",
                "100.127.255.254|a carrier-grade NAT",
                "224.0.0.1|a multicast address",
                "239.255.255.250|a multicast address",
                "255.255.255.255|the broadcast address",
                "240.0.0.1|a reserved (240.0.0.0/4) address",
                "198.18.0.1|a benchmarking (RFC 2544) address",
                "198.19.255.1|a benchmarking (RFC 2544) address",
                "192.0.2.1|a documentation",
                "::|the unspecified address",
                "::1|a loopback address",
                "fe80::1|a link-local address",
                "febf::1|a link-local address",
                "fc00::1|a unique-local address",
                "fd12:3456::1|a unique-local address",
                "ff02::1|a multicast address",
                "::ffff:127.0.0.1|a loopback address",
                "::ffff:169.254.169.254|a link-local address",
                "::127.0.0.1|an IPv4-compatible IPv6 address embedding 127.0.0.1, a loopback address",
                "::10.0.0.1|an IPv4-compatible IPv6 address embedding 10.0.0.1, a private",
                "64:ff9b::7f00:1|a NAT64 address embedding 127.0.0.1, a loopback address",
                "64:ff9b::a9fe:a9fe|a NAT64 address embedding 169.254.169.254, a link-local address",
                "2002:7f00:1::|a 6to4 address embedding 127.0.0.1, a loopback address",
                "2002:c0a8:0101::1|a 6to4 address embedding 192.168.1.1, a private",
                "2001:0:4136:e378:8000:63bf:80ff:fffe|a Teredo address embedding 127.0.0.1, a loopback address",
                "2001:db8::1|a documentation address",
                "64:ff9b:1::1|a local-use NAT64",
                "100::1|a discard-only address",
                "4000::1|a reserved IPv6 address",
            })
    void blockedRangesAreRefusedWithTheirName(String address, String description) {
        assertThat(AddressRanges.blocked(literal(address)))
                .hasValueSatisfying(why -> assertThat(why).contains(description));
    }

    @ParameterizedTest(name = "{0} is a public address")
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "172.15.255.255",
                "172.32.0.1",
                "100.63.255.255",
                "100.128.0.1",
                "169.253.0.1",
                "198.17.255.255",
                "198.20.0.1",
                "223.255.255.255",
                "2606:4700:4700::1111",
                "2a00:1450:4001::200e",
                "64:ff9b::808:808",
                "2002:0808:0808::1",
                "::ffff:8.8.8.8"
            })
    void publicAddressesPass(String address) {
        assertThat(AddressRanges.blocked(literal(address))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is read as {1}")
    @CsvSource({
        "2130706433, 127.0.0.1",
        "0177.0.0.1, 127.0.0.1",
        "0x7f.1, 127.0.0.1",
        "0x7F000001, 127.0.0.1",
        "127.1, 127.0.0.1",
        "127.0.1, 127.0.0.1",
        "0, 0.0.0.0",
        "017700000001, 127.0.0.1",
        "0x7f.0.0.0x1, 127.0.0.1",
        "127.0.0.1., 127.0.0.1",
        "[::1], 0:0:0:0:0:0:0:1",
        "3232235777, 192.168.1.1",
        "0xa9.0xfe.0xa9.0xfe, 169.254.169.254"
    })
    void hostSpellingsAreReadAsBrowsersReadThem(String spelled, String canonical) {
        assertThat(HostSpelling.literal(spelled))
                .map(InetAddress::getHostAddress)
                .hasValue(canonical);
    }

    @ParameterizedTest(name = "{0} is refused before any connection")
    @ValueSource(
            strings = {
                "http://127.0.0.1/",
                "http://2130706433/",
                "http://0177.0.0.1/",
                "http://0x7f.1/",
                "http://127.1/",
                "http://127.0.0.1./",
                "http://[::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://[0:0:0:0:0:ffff:7f00:1]/",
                "http://good.com@127.0.0.1/",
                "http://good.com:pass@127.0.0.1:8080/path",
                "http://%31%32%37.0.0.1/",
                "http://\uff11\uff12\uff17.\uff10.\uff10.\uff11/",
                "http://169.254.169.254/latest/meta-data/",
                "http://[fd00::1]/",
                "HTTP://0X7F.1/",
                "https://10.0.0.1:8443/admin"
            })
    void literalAddressesInAnySpellingAreRefused(String url) {
        assertThat(guard.check(url)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.rule()).isEqualTo("ssrf-guard");
            assertThat(r.message()).startsWith("blocked: ");
        });
    }

    @Test
    void aRefusalNamesTheSpellingTheAddressAndTheRule() {
        assertThat(guard.check("http://0x7f.1/"))
                .isEqualTo(new Refusal("ssrf-guard", "blocked: 0x7f.1 is 127.0.0.1, a loopback address"));
        assertThat(guard.check("http://127.0.0.1:9/"))
                .isEqualTo(new Refusal("ssrf-guard", "blocked: 127.0.0.1 is a loopback address"));
    }

    @Test
    void namesAreJudgedByTheAddressesTheyResolveTo() throws UnknownHostException {
        List<InetAddress> answers = List.of(literal("93.184.216.34"), literal("127.0.0.1"));
        assertThat(guard.checkResolved("localhost", List.of(literal("127.0.0.1"))))
                .hasValue(new Refusal("ssrf-guard", "blocked: localhost resolves to 127.0.0.1, a loopback address"));
        assertThat(guard.checkResolved("mixed.example", answers))
                .hasValueSatisfying(r -> assertThat(r.message()).contains("127.0.0.1"));
        assertThat(guard.checkResolved("public.example", List.of(literal("93.184.216.34"))))
                .isEmpty();
    }

    @Test
    void theUserInfoTrickIsJudgedByTheRealHost() {
        assertThat(guard.check("http://127.0.0.1@example.com/"))
                .isInstanceOfSatisfying(
                        UrlGuard.Allowed.class, a -> assertThat(a.url().host()).isEqualTo("example.com"));
        // A backslash ends the authority, as browsers read it: the host is example.com, not 127.0.0.1.
        assertThat(guard.check("http://example.com\\@127.0.0.1/"))
                .isInstanceOfSatisfying(
                        UrlGuard.Allowed.class, a -> assertThat(a.url().host()).isEqualTo("example.com"));
        assertThat(guard.check("http://127.0.0.1\\@example.com/")).isInstanceOf(Refusal.class);
    }

    @Test
    void namesAreCanonicalisedTrailingDotsAndInternationalForms() {
        assertThat(guard.check("http://Example.COM./x"))
                .isInstanceOfSatisfying(
                        UrlGuard.Allowed.class, a -> assertThat(a.url().host()).isEqualTo("example.com"));
        assertThat(guard.check("http://b\u00fccher.example/"))
                .isInstanceOfSatisfying(
                        UrlGuard.Allowed.class, a -> assertThat(a.url().host()).isEqualTo("xn--bcher-kva.example"));
    }

    @ParameterizedTest(name = "{0} is refused by the scheme rule")
    @ValueSource(
            strings = {
                "ftp://example.com/",
                "gopher://127.0.0.1:70/",
                "javascript:alert(1)",
                "data:text/html,hi",
                "jar:file:/x!/y",
                "dict://localhost:11211/"
            })
    void onlyHttpAndHttpsAreFetched(String url) {
        assertThat(guard.check(url))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.rule()).isEqualTo("scheme"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://1.2.3.4.5/", "http://256.1/", "http://0x100000000/", "http://08.0.0.1/", "http://"})
    void hostsThatEndInANumberButAreNotAddressesAreInvalid(String url) {
        assertThat(guard.check(url))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.rule()).isEqualTo("invalid-url"));
    }

    @Test
    void theAllowListOpensNamesAddressesAndRanges() {
        UrlGuard open = new UrlGuard(List.of("wiki.intranet", "10.1.0.0/16", "127.0.0.2/32", "::1", " 192.168.5.5 "));
        assertThat(open.addressRefusal(literal("10.1.200.3"))).isEmpty();
        assertThat(open.addressRefusal(literal("10.2.0.1"))).isPresent();
        assertThat(open.addressRefusal(literal("127.0.0.2"))).isEmpty();
        assertThat(open.addressRefusal(literal("127.0.0.1"))).isPresent();
        assertThat(open.addressRefusal(literal("::1"))).isEmpty();
        assertThat(open.addressRefusal(literal("192.168.5.5"))).isEmpty();
        assertThat(open.checkResolved("WIKI.intranet.", List.of(literal("10.9.9.9"))))
                .isEmpty();
        assertThat(open.checkResolved("other.intranet", List.of(literal("10.9.9.9"))))
                .isPresent();
        assertThat(open.check("http://0x7f.0.0.2/")).isInstanceOf(UrlGuard.Allowed.class);
    }

    @Test
    void socketsToAnAllowListedNameCarryTheNameOurDnsGaveThem() throws UnknownHostException {
        UrlGuard open = new UrlGuard(List.of("wiki.intranet"));
        assertThat(open.checkConnection(InetAddress.getByAddress("wiki.intranet", new byte[] {10, 0, 0, 1}), 80))
                .isEmpty();
        assertThat(open.checkConnection(InetAddress.getByAddress(new byte[] {10, 0, 0, 1}), 80))
                .hasValueSatisfying(r -> assertThat(r.message())
                        .isEqualTo("blocked: connection to 10.0.0.1 port 80, a private (RFC 1918) address"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "not a host!", "1.2.3.4/x", "::1/129"})
    void aBadAllowListEntryIsAConfigurationError(String entry) {
        assertThatThrownBy(() -> new UrlGuard(List.of(entry)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("fetcher.allowed_hosts");
    }

    @Test
    void cidrMembershipRespectsThePrefix() {
        Cidr range = Cidr.parse("172.16.0.0/12").orElseThrow();
        assertThat(range.contains(literal("172.31.1.1"))).isTrue();
        assertThat(range.contains(literal("172.32.0.0"))).isFalse();
        assertThat(range.contains(literal("::1"))).isFalse();
        assertThat(Cidr.parse("10.9.8.7/8")).hasValue(Cidr.parse("10.0.0.0/8").orElseThrow());
        assertThat(Cidr.parse("nonsense")).isEqualTo(Optional.empty());
    }
}
