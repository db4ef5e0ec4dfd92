package dev.mcpweb.cli;

import dev.mcpweb.cache.CacheStats;
import dev.mcpweb.cache.Namespace;
import dev.mcpweb.cache.NamespaceStats;
import dev.mcpweb.cache.TieredCache;
import dev.mcpweb.result.CacheCleanResult;
import dev.mcpweb.result.CacheStatsResult;
import dev.mcpweb.result.ResultJson;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mcp-web cache stats|clear|prune}: look into and tidy the on-disk cache. */
@Command(
        name = "cache",
        description = "Show, clear or prune the on-disk cache (cache.dir).",
        subcommands = {CacheCommand.Stats.class, CacheCommand.Clear.class, CacheCommand.Prune.class})
final class CacheCommand {
    @ParentCommand
    Cli cli;

    /** The namespaces' wire names, for {@code --namespace}'s help and completion. */
    static final class WireNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Namespace.wireNames().iterator();
        }
    }

    /** The options every cache subcommand takes. */
    static final class Target {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Option(
                names = "--namespace",
                paramLabel = "NS",
                completionCandidates = WireNames.class,
                description = "Only this namespace: ${COMPLETION-CANDIDATES}.")
        String namespace;

        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        Optional<Namespace> namespace() {
            try {
                return Optional.ofNullable(namespace).map(Namespace::of);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /** Runs {@code clear} or {@code prune} and prints how many entries went. */
        int remove(Cli cli, BiFunction<TieredCache, Optional<Namespace>, Long> action) {
            Optional<Namespace> only = namespace();
            Optional<TieredCache> opened = open(cli);
            if (opened.isEmpty()) {
                return ExitCode.FAILED;
            }
            long count;
            try (TieredCache cache = opened.get()) {
                count = action.apply(cache, only);
            }
            PrintWriter out = out();
            if (json) {
                out.println(ResultJson.pretty(new CacheCleanResult(
                        count, only.map(Namespace::wireName).orElse("all"))));
            } else {
                out.println("removed " + count + (count == 1 ? " entry" : " entries"));
            }
            out.flush();
            return ExitCode.OK;
        }

        /** Opens the configured cache, or says why it is unusable and returns empty. */
        Optional<TieredCache> open(Cli cli) {
            TieredCache cache = TieredCache.open(cli.loadConfig().cache());
            if (cache.file().isEmpty()) {
                cache.close();
                spec.commandLine()
                        .getErr()
                        .println("mcp-web: the cache is disabled (cache.enabled=false, or its directory could not be"
                                + " used: see the warning above)");
                return Optional.empty();
            }
            return Optional.of(cache);
        }
    }

    @Command(name = "stats", description = "Entries, bytes, hits, misses, hit rate and evictions per namespace.")
    static final class Stats implements Callable<Integer> {
        @ParentCommand
        CacheCommand parent;

        @Mixin
        Target target;

        @Override
        public Integer call() throws Exception {
            Optional<Namespace> only = target.namespace();
            Optional<TieredCache> opened = target.open(parent.cli);
            if (opened.isEmpty()) {
                return ExitCode.FAILED;
            }
            CacheStats stats;
            String file;
            try (TieredCache cache = opened.get()) {
                stats = cache.stats();
                file = cache.file().map(Object::toString).orElse("");
            }
            List<String> namespaces = only.map(ns -> List.of(ns.wireName())).orElse(Namespace.wireNames());
            PrintWriter out = target.out();
            if (target.json) {
                Map<String, NamespaceStats> shown = new LinkedHashMap<>();
                namespaces.forEach(ns -> shown.put(ns, stats.namespaces().get(ns)));
                out.println(ResultJson.pretty(CacheStatsResult.of(new CacheStats(stats.enabled(), shown))));
            } else {
                out.println("cache " + file);
                out.printf(
                        "%-9s %9s %10s %9s %9s %9s %10s%n",
                        "namespace", "entries", "bytes", "hits", "misses", "hit rate", "evictions");
                for (String ns : namespaces) {
                    NamespaceStats s = stats.namespaces().get(ns);
                    out.printf(
                            Locale.ROOT,
                            "%-9s %9d %10d %9d %9d %8.1f%% %10d%n",
                            ns,
                            s.entries(),
                            s.bytes(),
                            s.hits(),
                            s.misses(),
                            100 * s.hitRate(),
                            s.evictions());
                }
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "clear", description = "Remove every entry (of one namespace with --namespace).")
    static final class Clear implements Callable<Integer> {
        @ParentCommand
        CacheCommand parent;

        @Mixin
        Target target;

        @Override
        public Integer call() {
            return target.remove(parent.cli, TieredCache::clear);
        }
    }

    @Command(
            name = "prune",
            description = "Remove expired entries, then (without --namespace) least recently used ones over"
                    + " cache.max_size.")
    static final class Prune implements Callable<Integer> {
        @ParentCommand
        CacheCommand parent;

        @Mixin
        Target target;

        @Override
        public Integer call() {
            return target.remove(parent.cli, TieredCache::prune);
        }
    }
}
