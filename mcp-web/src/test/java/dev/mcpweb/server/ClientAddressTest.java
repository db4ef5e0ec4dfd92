package dev.mcpweb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "192.0.2.1"));

    @Test
    void withoutTrustedProxiesTheClientIsThePeerWhateverItForwards() {
        ClientAddress none = new ClientAddress(List.of());
        assertThat(none.of("10.0.0.5", List.of("203.0.113.7"))).isEqualTo("10.0.0.5");
    }

    @Test
    void aTrustedProxysPeerIsNamedByTheRightMostUntrustedEntry() {
        // The client forged 198.51.100.1 in front; the proxies appended what they saw.
        assertThat(behindProxies.of("10.0.0.5", List.of("198.51.100.1, 203.0.113.7, 192.0.2.1")))
                .isEqualTo("203.0.113.7");
        assertThat(behindProxies.of("10.0.0.5", List.of("198.51.100.1", "203.0.113.7")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void anUntrustedPeerIsItselfEvenWithForwardedHeaders() {
        assertThat(behindProxies.of("203.0.113.9", List.of("10.0.0.7"))).isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedPeerWithoutAHeaderIsItself() {
        assertThat(behindProxies.of("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
        assertThat(behindProxies.of("10.0.0.5", List.of(" , "))).isEqualTo("10.0.0.5");
    }

    @Test
    void anEntryThatIsNoAddressIsTakenAsTheClientAndNeverLookedUp() {
        assertThat(behindProxies.of("10.0.0.5", List.of("unknown"))).isEqualTo("unknown");
        assertThat(behindProxies.of("10.0.0.5", List.of("[2001:db8::1]"))).isEqualTo("[2001:db8::1]");
    }

    @Test
    void aBadRangeIsAConfigurationErrorNamingTheOption() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.internal")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.trusted_proxies")
                .hasMessageContaining("proxy.internal");
    }
}
