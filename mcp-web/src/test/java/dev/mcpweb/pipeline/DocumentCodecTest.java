package dev.mcpweb.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.document.Document;
import dev.mcpweb.document.Metadata;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentCodecTest {
    @Test
    void aDocumentWithEveryFieldComesBackEqual() {
        Document d = new Document(
                URI.create("https://example.org/a?q=1"),
                new Metadata(
                        Optional.of("Título [draft]"),
                        List.of("Ann", "Bo"),
                        Optional.of("2024-05-01"),
                        Optional.of("2024-05-02T10:00:00Z"),
                        Optional.of("Example"),
                        Optional.of("A page"),
                        Optional.of("es"),
                        Optional.of(URI.create("https://example.org/a")),
                        List.of(
                                new Metadata.ProductFact(Metadata.ProductFact.Kind.NAME, "Kettle"),
                                new Metadata.ProductFact(Metadata.ProductFact.Kind.PRICE, "49.90 EUR"))),
                "# Título\n\nText with \"quotes\" and a tab\t.\n",
                "Título\n\nText",
                List.of(new Document.Link(URI.create("https://example.org/b"), "next")),
                List.of(
                        new Document.Link(URI.create("https://example.org/"), "Home"),
                        new Document.Link(
                                URI.create("https://example.org/b"), "next", Optional.of("Part two: the lamps"))),
                List.of(new Document.CodeBlock("java", "int x = 1;\n"), new Document.CodeBlock("", "ls")));
        assertThat(DocumentCodec.decode(DocumentCodec.encode(d))).contains(d);
    }

    @Test
    void absentMetadataStaysAbsent() {
        Document d = new Document(
                URI.create("file:///tmp/x.txt"), Metadata.empty(), "x", "x", List.of(), List.of(), List.of());
        assertThat(DocumentCodec.decode(DocumentCodec.encode(d))).contains(d);
    }

    @Test
    void bytesThatAreNotADocumentAreAMiss() {
        assertThat(DocumentCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(DocumentCodec.decode("{\"u\":\"https://e.org/\"}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(DocumentCodec.decode(new byte[0])).isEmpty();
    }
}
