package dev.mcpweb.crawl;

import dev.mcpweb.config.CrawlConfig;
import dev.mcpweb.document.Document;
import dev.mcpweb.pipeline.FailureKind;
import dev.mcpweb.pipeline.MoreSources;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.pipeline.PipelineException;
import dev.mcpweb.pipeline.SourceFailure;
import dev.mcpweb.summarize.SummaryListener;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Follows the best links out of the pages a user gave ({@code summarize_urls}' {@code follow_links}): the
 * links of their main content, not their navigation, ranked as a crawl ranks them (BM25 of the query, or
 * without one of the pages' titles and leads, against the anchor and surrounding text), on any site. A link
 * that shares no word with the query is not followed. Every request goes through the pipeline's fetcher
 * (URL guard, robots.txt) and its host's Crawl-delay, within the {@code crawl.max_bytes} and
 * {@code crawl.max_time} budgets.
 */
public final class LinkFollower implements MoreSources {
    /** The most links one call may follow. */
    public static final int MAX_LINKS = 20;

    /** Characters of a page's text, after its title, that stand for it when there is no query. */
    private static final int LEAD = 400;

    private final Pipeline pipeline;
    private final int links;

    private LinkFollower(Pipeline pipeline, int links) {
        this.pipeline = pipeline;
        this.links = links;
    }

    /** Follows up to {@code links} links (0 to {@link #MAX_LINKS}); 0 follows none. */
    public static MoreSources of(Pipeline pipeline, int links) throws PipelineException {
        if (links < 0 || links > MAX_LINKS) {
            throw new PipelineException(
                    FailureKind.INVALID, "follow_links is " + links + "; it must be 0 to " + MAX_LINKS);
        }
        return links == 0 ? MoreSources.NONE : new LinkFollower(pipeline, links);
    }

    @Override
    public Found from(List<Document> given, Optional<String> query, SummaryListener listener) throws PipelineException {
        if (given.isEmpty()) {
            return new Found(List.of(), List.of());
        }
        CrawlConfig config = pipeline.config().crawl();
        String focus = query.filter(q -> !q.isBlank())
                .orElseGet(() -> given.stream().map(LinkFollower::titleAndLead).collect(Collectors.joining("\n")));
        URI first = given.getFirst().url();
        BestFirstCrawl.Outcome read;
        try {
            read = new BestFirstCrawl(
                            pipeline,
                            focus,
                            BestFirstCrawl.Links.CONTENT,
                            new Scope(Scope.Kind.WEB, first, List.of(), List.of()),
                            new Budget(config.maxBytes(), config.maxTime()),
                            links,
                            1,
                            config.maxConcurrent(),
                            true)
                    .around(given)
                    .run(listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException(FailureKind.CANCELLED, "following links was cancelled", e);
        }
        Map<URI, Visit> visits = read.visits();
        // best link first, so that the same pages are cited in the same order whichever was read first
        Comparator<URI> byScore =
                Comparator.<URI>comparingDouble(u -> -visits.get(u).linkScore()).thenComparing(URI::toString);
        List<Document> documents = read.pages().keySet().stream()
                .sorted(byScore)
                .map(read.pages()::get)
                .toList();
        List<SourceFailure> failures = visits.values().stream()
                .filter(v -> v.status() == Visit.Status.REFUSED_BY_ROBOTS || v.status() == Visit.Status.FAILED)
                .map(v -> new SourceFailure(
                        v.url(),
                        v.status() == Visit.Status.REFUSED_BY_ROBOTS ? FailureKind.REFUSED : FailureKind.FAILED,
                        "followed link: " + v.reason().orElse(v.status().id())))
                .toList();
        return new Found(documents, failures);
    }

    private static String titleAndLead(Document d) {
        String text = d.text().strip();
        if (text.startsWith(d.title())) {
            text = text.substring(d.title().length()).strip();
        }
        return d.title() + "\n" + (text.length() > LEAD ? text.substring(0, LEAD) : text);
    }
}
