package dev.mcpweb.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamespaceTest {
    @Test
    void wireNamesAreTheLowerCaseNamesInDisplayOrderAndReadBack() {
        assertThat(Namespace.wireNames()).containsExactly("fetch", "extract", "map", "summary", "robots");
        for (Namespace ns : Namespace.values()) {
            assertThat(Namespace.of(ns.wireName())).isEqualTo(ns);
        }
    }

    @Test
    void anUnknownNamespaceIsRejectedWithTheAllowedOnes() {
        assertThat(Namespace.fromWireName("pages")).isEmpty();
        assertThat(Namespace.fromWireName("SUMMARY"))
                .as("the wire name, not the constant")
                .isEmpty();
        assertThatThrownBy(() -> Namespace.of("pages"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no cache namespace 'pages'; use one of fetch, extract, map, summary, robots");
    }
}
