package dev.mcpweb.crawl;

import java.util.List;
import java.util.Optional;

/**
 * A site map asked for: the start URL, the scope, include/exclude globs, and one page of the answer
 * ({@code limit} URLs from {@code cursor}, which a previous page's {@link SiteMap#nextCursor()} gave).
 */
public record MapRequest(
        String url, Scope.Kind scope, List<String> include, List<String> exclude, int limit, Optional<String> cursor) {
    public MapRequest {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }
}
