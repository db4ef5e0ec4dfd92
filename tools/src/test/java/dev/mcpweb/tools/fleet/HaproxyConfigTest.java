package dev.mcpweb.tools.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The HAProxy configuration the fleet runs is deploy/haproxy.cfg with only its addresses changed. */
class HaproxyConfigTest {
    private final String documented = HaproxyConfig.documented();

    @Test
    void theFleetKeepsEverySettingOfTheDocumentedFileAndChangesOnlyAddresses() {
        String generated = HaproxyConfig.onLoopback(documented, 8080, 8404, List.of(9001, 9002));

        List<String> kept = documented
                .lines()
                .filter(line ->
                        !line.strip().startsWith("bind ") && !line.strip().startsWith("server "))
                .toList();
        assertThat(generated.lines().toList()).containsSubsequence(kept);
        assertThat(generated)
                .contains("    bind 127.0.0.1:8080\n", "    bind 127.0.0.1:8404\n")
                .contains("    server replica1 127.0.0.1:9001\n", "    server replica2 127.0.0.1:9002\n")
                .doesNotContain("replica3", "bind :");
    }

    @Test
    void theDocumentedFileChecksHealthAndKeepsSessionsOnTheirReplica() {
        assertThat(documented)
                .contains("http-check send meth GET uri /health")
                .contains("stick match req.hdr(Mcp-Session-Id)")
                .contains("stick store-response res.hdr(Mcp-Session-Id)")
                .contains("option redispatch");
    }

    @Test
    void aBindOutsideTheKnownSectionsIsRefusedRatherThanGuessed() {
        String extra = documented + "\nfrontend other\n    bind :9999\n";

        assertThatThrownBy(() -> HaproxyConfig.onLoopback(extra, 1, 2, List.of(3)))
                .hasMessageContaining("section other");
    }
}
