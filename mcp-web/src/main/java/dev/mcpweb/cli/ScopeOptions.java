package dev.mcpweb.cli;

import dev.mcpweb.crawl.Scope;
import java.util.List;
import picocli.CommandLine.Option;

/** Which URLs a site map or crawl keeps ({@code @Mixin} of {@code map} and {@code crawl}). */
final class ScopeOptions {
    @Option(
            names = "--scope",
            paramLabel = "SCOPE",
            defaultValue = "domain",
            description = "domain: every host of the start URL's registrable domain (default); prefix: the start"
                    + " URL's origin, under its directory.")
    String scope;

    @Option(
            names = "--include",
            paramLabel = "GLOB",
            description = "Keep only URLs whose path (and query) matches one of these globs, e.g. '/docs/**';"
                    + " * stays in one segment, ** crosses them. Repeatable.")
    List<String> include = List.of();

    @Option(
            names = "--exclude",
            paramLabel = "GLOB",
            description = "Leave out URLs whose path (and query) matches, e.g. '/print/**'. Repeatable.")
    List<String> exclude = List.of();

    Scope.Kind kind() {
        if (!Scope.Kind.ids().contains(scope)) {
            throw new IllegalArgumentException("--scope must be domain or prefix, not '" + scope + "'");
        }
        return Scope.Kind.of(scope);
    }
}
