package dev.mcpweb.result;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.pipeline.RenderNote;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResultJsonTest {
    /** Text that needs escaping: quotes, back-slashes, controls, non-ASCII, a lone surrogate, an emoji. */
    private static final String[] TEXTS = {
        "",
        "plain",
        "a \"quoted\" \\ back-slash",
        "line\nbreak\ttab\r\u0000\u001f\u007f",
        "é ü 中文 \u2028\u2029",
        "\ud83d\ude00 emoji",
        "lone \ud800 surrogate",
        "</script><!-- -->",
        "x".repeat(5000)
    };

    @Test
    void aDocumentLineIsWhatTheMapperWrites() {
        Random random = new Random(14);
        for (int i = 0; i < 2_000; i++) {
            DocumentResult result =
                    random.nextInt(10) == 0 ? DocumentResult.failed(text(random), text(random)) : document(random);
            StringWriter out = new StringWriter();
            ResultJson.writeLine(result, out);
            assertThat(out.toString()).isEqualTo(ResultJson.line(result));
        }
    }

    @Test
    void theLineWriterKnowsEveryComponentOfTheRecordsItWrites() {
        // a component added to one of these records must be added to ResultJson.write as well
        assertThat(names(DocumentResult.class))
                .containsExactly(
                        "source",
                        "url",
                        "title",
                        "metadata",
                        "text",
                        "markdown",
                        "links",
                        "pageLinks",
                        "error",
                        "render",
                        "warnings");
        assertThat(names(MetadataResult.class))
                .containsExactly(
                        "authors",
                        "published",
                        "modified",
                        "siteName",
                        "description",
                        "language",
                        "canonicalUrl",
                        "product");
        assertThat(names(ProductResult.class)).containsExactly("name", "brand", "price", "availability", "rating");
        assertThat(names(RenderNote.class)).containsExactly("rendered", "signal", "reason");
        assertThat(names(DocumentResult.Link.class)).containsExactly("url", "text");
    }

    private static List<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    private static DocumentResult document(Random random) {
        return new DocumentResult(
                text(random),
                maybe(random),
                maybe(random),
                random.nextBoolean() ? Optional.empty() : Optional.of(metadata(random)),
                maybe(random),
                maybe(random),
                links(random),
                links(random),
                maybe(random),
                random.nextBoolean()
                        ? Optional.empty()
                        : Optional.of(new RenderNote(random.nextBoolean(), maybe(random), maybe(random))),
                texts(random));
    }

    private static MetadataResult metadata(Random random) {
        return new MetadataResult(
                texts(random),
                maybe(random),
                maybe(random),
                maybe(random),
                maybe(random),
                maybe(random),
                maybe(random),
                random.nextBoolean()
                        ? Optional.empty()
                        : Optional.of(new ProductResult(
                                maybe(random), maybe(random), maybe(random), maybe(random), maybe(random))));
    }

    private static List<DocumentResult.Link> links(Random random) {
        List<DocumentResult.Link> links = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            links.add(new DocumentResult.Link(text(random), random.nextInt(8) == 0 ? null : text(random)));
        }
        return links;
    }

    private static List<String> texts(Random random) {
        List<String> texts = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            texts.add(text(random));
        }
        return texts;
    }

    private static Optional<String> maybe(Random random) {
        return random.nextBoolean() ? Optional.empty() : Optional.of(text(random));
    }

    private static String text(Random random) {
        return TEXTS[random.nextInt(TEXTS.length)] + TEXTS[random.nextInt(TEXTS.length)];
    }
}
