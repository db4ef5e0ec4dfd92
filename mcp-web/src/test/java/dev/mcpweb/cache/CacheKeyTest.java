package dev.mcpweb.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheKeyTest {
    @Test
    void contentKeysDependOnEveryPartAndItsBoundaries() {
        String key = CacheKey.of(List.of("chunk one", "chunk two"), "query", "openai", "gpt", 3, 200);
        assertThat(key)
                .hasSize(64)
                .isEqualTo(CacheKey.of(List.of("chunk one", "chunk two"), "query", "openai", "gpt", 3, 200));
        assertThat(CacheKey.of(List.of("chunk one", "chunk two!"), "query", "openai", "gpt", 3, 200))
                .isNotEqualTo(key);
        assertThat(CacheKey.of("ab", "c")).isNotEqualTo(CacheKey.of("a", "bc"));
        assertThat(CacheKey.of(List.of("a", "b"), "c")).isNotEqualTo(CacheKey.of(List.of("a"), "b", "c"));
        assertThat(CacheKey.of("1")).isNotEqualTo(CacheKey.of(1));
        assertThat(CacheKey.of(200)).isEqualTo(CacheKey.of(200L)).isNotEqualTo(CacheKey.of(200.0));
        assertThat(CacheKey.of(Optional.empty())).isNotEqualTo(CacheKey.of(""));
        assertThatThrownBy(() -> CacheKey.of(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
