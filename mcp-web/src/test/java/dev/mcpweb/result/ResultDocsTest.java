package dev.mcpweb.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpweb.GeneratedDocs;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultDocsTest {
    @Test
    void theDocumentationShowsEveryResultSchemaAsTheCodeDefinesIt() throws IOException {
        GeneratedDocs.assertCurrent("results.md", ResultDocs.render(), ResultDocsTest.class);
    }

    enum Colour {
        DEEP_RED;

        @Override
        public String toString() {
            return "deep-red";
        }
    }

    record Inner(long count) {}

    record Sample(String someName, Optional<Integer> maybe, List<Inner> inners, Map<String, Colour> colours) {}

    @Test
    void theSchemaNamesWhatTheJsonWritesAndRequiresWhatIsNotOptional() {
        Sample sample = new Sample("x", Optional.empty(), List.of(new Inner(3)), Map.of("k", Colour.DEEP_RED));
        assertThat(ResultJson.line(sample))
                .isEqualTo("{\"some_name\":\"x\",\"inners\":[{\"count\":3}],\"colours\":{\"k\":\"deep-red\"}}");

        Map<String, Object> schema = ResultSchema.of(Sample.class);
        assertThat(schema.get("required")).isEqualTo(List.of("some_name", "inners", "colours"));
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        assertThat(properties.keySet()).containsExactly("some_name", "maybe", "inners", "colours");
        assertThat(properties.get("maybe")).isEqualTo(Map.of("type", "integer"));
        assertThat(properties.get("colours"))
                .isEqualTo(Map.of(
                        "type",
                        "object",
                        "additionalProperties",
                        Map.of("type", "string", "enum", List.of("deep-red"))));
    }

    record Unsupported(java.time.Instant when) {}

    @Test
    void aTypeWithNoSchemaIsRefusedByName() {
        assertThatThrownBy(() -> ResultSchema.of(Unsupported.class)).hasMessageContaining("Instant");
    }
}
