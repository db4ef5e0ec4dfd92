package dev.mcpweb.summarize.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.document.Document;
import java.util.List;
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
        return List.of(TextAnalysisTest.page(language, ""));
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
