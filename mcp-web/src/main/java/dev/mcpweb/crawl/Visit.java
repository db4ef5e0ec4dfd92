package dev.mcpweb.crawl;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a crawl did with one URL: read it (with its title, bytes and how well it answers the query), or
 * why not. {@code order} is when it was fetched (1 = the first page fetched), 0 for URLs not fetched.
 */
public record Visit(
        String url,
        int depth,
        Status status,
        Optional<String> reason,
        Optional<String> title,
        int order,
        long bytes,
        double linkScore,
        double answerScore) {

    /** The outcome for one URL; a near-duplicate step may add its own. */
    public enum Status {
        /** Fetched and extracted. */
        READ,
        /** Read, and among the pages the summary was made from. */
        SUMMARIZED,
        /**
         * Read, but left out of the summary as a copy of a page it cites; or not fetched, because another
         * page read redirected to it. The reason names which.
         */
        DUPLICATE,
        /** robots.txt disallows it for our user agent: not fetched. */
        REFUSED_BY_ROBOTS,
        /** Fetching or extracting it failed, or a policy refused it; the reason says which. */
        FAILED,
        /** Linked from a page read, but outside the crawl's scope: not fetched. */
        OUT_OF_SCOPE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return id();
        }

        public static List<String> ids() {
            return java.util.Arrays.stream(values()).map(Status::id).toList();
        }
    }
}
