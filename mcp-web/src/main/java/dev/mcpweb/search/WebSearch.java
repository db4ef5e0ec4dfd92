package dev.mcpweb.search;

import dev.mcpweb.config.SearchConfig;
import dev.mcpweb.crawl.Urls;
import dev.mcpweb.llm.LlmProvider;
import dev.mcpweb.pipeline.FailureKind;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.pipeline.PipelineException;
import dev.mcpweb.pipeline.PipelineResult;
import dev.mcpweb.pipeline.SourceFailure;
import dev.mcpweb.pipeline.SourceRead;
import dev.mcpweb.pipeline.SummarizeRequest;
import dev.mcpweb.summarize.InjectionScan;
import dev.mcpweb.summarize.Summary;
import dev.mcpweb.summarize.SummaryListener;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Web search over the {@link Pipeline}: asks the configured {@link SearchProvider}, puts every result
 * URL in its normal form ({@link Urls}) and sets aside those that are not http(s) or repeat an earlier
 * result, and, when asked, reads the results through the pipeline (URL guard, robots.txt, limits and
 * cache, as summarize_urls does) and answers the query from them with citations. A result the guard
 * refuses is reported as refused and never fetched.
 */
public final class WebSearch implements AutoCloseable {
    /** Results asked for beyond those wanted, so that duplicates do not leave the list short. */
    static final int SPARE = 5;

    static final int MAX_RESULTS = 20;

    /** Providers take a few hundred characters; longer text is not a search. */
    static final int MAX_QUERY = 1_000;

    private final SearchConfig config;
    private SearchProvider shared; // built at the first search, then used by every search until close
    private boolean closed;

    private WebSearch(SearchConfig config) {
        this.config = config;
    }

    /**
     * Searches through the provider {@code config} names. The provider and its HTTP client are built at
     * the first search and shared by every later one (a server makes one for its lifetime); close it
     * with the process or server that owns it.
     */
    public static WebSearch of(SearchConfig config) {
        return new WebSearch(config);
    }

    /**
     * Whether {@code config} chooses a provider: {@code search.provider} names one, or {@code auto} finds
     * a SearXNG URL, a Brave key or a Tavily key. A named provider may still lack its key; the search says so.
     */
    public static boolean configured(SearchConfig config) {
        return SearchProviders.chosen(config).isPresent();
    }

    /** Searches, and when asked reads the results through {@code pipeline} and answers from them. */
    public SearchReport search(
            Pipeline pipeline, SearchRequest request, SummaryListener listener, Optional<LlmProvider> clientModel)
            throws SearchException, PipelineException {
        String text = request.query().strip();
        if (text.isEmpty()) {
            throw new SearchException(
                    SearchException.Kind.INVALID, "the search query is empty; give words to search for");
        }
        if (text.length() > MAX_QUERY) {
            throw new SearchException(
                    SearchException.Kind.INVALID,
                    "the search query has " + text.length() + " characters; give at most " + MAX_QUERY);
        }
        if (request.language()
                .filter(l -> !l.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?"))
                .isPresent()) {
            throw new SearchException(
                    SearchException.Kind.INVALID,
                    "the language must be a code such as en, de or pt-BR, not \""
                            + request.language().get() + "\"");
        }
        int wanted = Math.clamp(request.maxResults().orElse(config.maxResults()), 1, MAX_RESULTS);
        SearchQuery query = new SearchQuery(text, Math.min(MAX_RESULTS, wanted + SPARE), request.language());
        listener.onProgress("search", 0, 1);
        SearchProvider p = provider();
        String provider = p.name();
        List<SearchHit> hits = p.search(query);
        listener.onProgress("search", 1, 1);

        List<SearchReport.Result> results = new ArrayList<>();
        List<SearchReport.Skipped> skipped = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (SearchHit hit : hits) {
            Optional<URI> normal = Urls.normalize(hit.url());
            if (normal.isEmpty()) {
                skipped.add(new SearchReport.Skipped(hit.url(), hit.rank(), "not an http(s) URL"));
                continue;
            }
            String url = normal.get().toString();
            Integer earlier = seen.get(url);
            if (earlier != null) {
                skipped.add(new SearchReport.Skipped(hit.url(), hit.rank(), "same page as result " + earlier));
                continue;
            }
            if (results.size() == wanted) {
                break;
            }
            seen.put(url, results.size() + 1);
            results.add(new SearchReport.Result(
                    results.size() + 1,
                    hit.title(),
                    url,
                    hit.snippet(),
                    hit.rank(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()));
        }
        List<String> warnings = injectionWarnings(results);
        if (!request.summarize()) {
            return new SearchReport(text, provider, results, skipped, warnings, Optional.empty(), Optional.empty());
        }
        if (results.isEmpty()) {
            return new SearchReport(
                    text,
                    provider,
                    results,
                    skipped,
                    warnings,
                    Optional.empty(),
                    Optional.of("the search found no page to read"));
        }
        SummarizeRequest summarize = new SummarizeRequest(
                results.stream().map(SearchReport.Result::url).toList(),
                Optional.of(text),
                request.maxLengthWords(),
                request.mode(),
                request.render());
        try {
            PipelineResult answer = pipeline.summarize(summarize, listener, clientModel);
            return new SearchReport(
                    text,
                    provider,
                    withStatus(results, answer),
                    skipped,
                    warnings,
                    Optional.of(answer),
                    Optional.empty());
        } catch (PipelineException e) {
            if (e.kind() == FailureKind.BUSY || e.kind() == FailureKind.CANCELLED) {
                throw e;
            }
            return new SearchReport(
                    text, provider, results, skipped, warnings, Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    /** The shared provider, built on first use; a configuration that names none fails every search alike. */
    private synchronized SearchProvider provider() throws SearchException {
        if (closed) {
            throw new SearchException(SearchException.Kind.FAILED, "web search is closed: mcp-web is shutting down");
        }
        if (shared == null) {
            shared = SearchProviders.fromConfig(config);
        }
        return shared;
    }

    /** Releases the provider's connections; a search after this fails. */
    @Override
    public synchronized void close() {
        closed = true;
        if (shared != null) {
            shared.close();
        }
    }

    /** One warning per result whose title or snippet addresses an AI, naming the result by its number. */
    private static List<String> injectionWarnings(List<SearchReport.Result> results) {
        List<String> warnings = new ArrayList<>();
        for (SearchReport.Result r : results) {
            List<InjectionScan.Part> parts = List.of(
                    new InjectionScan.Part("its title", r.title()), new InjectionScan.Part("its snippet", r.snippet()));
            for (InjectionScan.Suspect suspect : InjectionScan.scan(parts)) {
                warnings.add(InjectionScan.warning("Result " + r.number(), suspect));
            }
        }
        return warnings;
    }

    /**
     * The results with what reading them came to. The pipeline keeps the order of the sources: its reads
     * are the results that did not fail, in order, so each read is matched to its result even when a
     * redirect moved the page.
     */
    private static List<SearchReport.Result> withStatus(List<SearchReport.Result> results, PipelineResult answer) {
        Map<String, SourceFailure> failed = new HashMap<>();
        answer.failures().forEach(f -> failed.putIfAbsent(f.source(), f));
        Summary summary = answer.summary();
        Map<String, Integer> cited = new HashMap<>();
        summary.sources().forEach(s -> cited.putIfAbsent(s.url(), s.number()));
        Map<String, Integer> copies = new HashMap<>();
        summary.duplicates().forEach(d -> copies.putIfAbsent(d.url(), d.of()));
        Iterator<SourceRead> reads = answer.reads().iterator();
        List<SearchReport.Result> out = new ArrayList<>();
        for (SearchReport.Result r : results) {
            SourceFailure failure = failed.get(r.url());
            if (failure != null) {
                out.add(r.read(failure.kind().id(), Optional.of(failure.message()), Optional.empty()));
            } else if (reads.hasNext()) {
                String page = reads.next().document().url().toString();
                if (cited.containsKey(page)) {
                    out.add(r.read("summarized", Optional.empty(), Optional.of(cited.get(page))));
                } else if (copies.containsKey(page)) {
                    out.add(r.read(
                            "duplicate", Optional.of("duplicate of source " + copies.get(page)), Optional.empty()));
                } else {
                    out.add(r.read("read", Optional.empty(), Optional.empty()));
                }
            } else {
                out.add(r);
            }
        }
        return out;
    }
}
