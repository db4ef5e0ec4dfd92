package dev.mcpweb.summarize.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.document.Document;
import dev.mcpweb.document.Metadata;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.junit.jupiter.api.Test;

/** Each language's analyzer is built once and shared; languages Lucene does not know share one plain analyzer. */
class LanguageAnalyzersTest {
    private static List<Document> declaring(String language) {
        Metadata base = Metadata.empty();
        Metadata metadata = new Metadata(
                base.title(),
                base.authors(),
                base.published(),
                base.modified(),
                base.siteName(),
                base.description(),
                Optional.of(language),
                base.canonicalUrl());
        return List.of(
                new Document(URI.create("https://example.org/"), metadata, "", "", List.of(), List.of(), List.of()));
    }

    @Test
    void aLanguagesAnalyzerIsBuiltOnceEvenWhenManyAskAtOnce() throws Exception {
        List<Future<Analyzer>> asked;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Callable<Analyzer> ask = () -> Language.analyzerFor(declaring("de-AT"));
            asked = threads.invokeAll(java.util.Collections.nCopies(32, ask));
        }
        Analyzer first = asked.getFirst().get();
        assertThat(first).isInstanceOf(GermanAnalyzer.class);
        for (Future<Analyzer> f : asked) {
            assertThat(f.get()).isSameAs(first);
        }
    }

    @Test
    void languagesLuceneDoesNotKnowShareOnePlainAnalyzer() {
        Analyzer xx = Language.analyzerFor(declaring("xx"));

        assertThat(xx).isInstanceOf(StandardAnalyzer.class);
        assertThat(Language.analyzerFor(declaring("qqq"))).isSameAs(xx);
        assertThat(Language.analyzerFor(declaring("de"))).isNotSameAs(xx);
    }
}
