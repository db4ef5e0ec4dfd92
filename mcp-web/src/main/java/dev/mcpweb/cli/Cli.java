package dev.mcpweb.cli;

import dev.mcpweb.config.Config;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code mcp-web} command: global options, shared by every subcommand, and the list of subcommands. */
@Command(
        name = "mcp-web",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT, // --help (and --version) on every subcommand too
        versionProvider = Version.class,
        description = "Fetch, extract and summarize web pages and documents for AI agents.%n"
                + "Runs as an MCP server (serve) or from the command line.")
public final class Cli {
    /**
     * The subcommands by the names their {@code @Command} gives them ({@code MainTest} checks that they agree),
     * in the order help lists them; {@link Main} adds them (and those of extensions). Named here too so that
     * a run finds its command without reading every command's annotations.
     */
    static final SequencedMap<String, Class<?>> SUBCOMMANDS = subcommands();

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Log debug messages to stderr (or set MCP_WEB_LOG_LEVEL).")
    boolean verbose;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "Properties file to read (default: ~/.config/mcp-web/config.properties).")
    Path configFile;

    @Option(
            names = "--set",
            paramLabel = "NAME=VALUE",
            scope = ScopeType.INHERIT,
            description = "Set any option, e.g. --set fetcher.timeout=10s (see docs/configuration.md).")
    Map<String, String> settings = new LinkedHashMap<>();

    // No annotation on a method here (no @SafeVarargs either): picocli reads the annotations of a command's
    // methods, and each kind of annotation it meets is a class the JDK makes at run time, at every start.
    private static SequencedMap<String, Class<?>> subcommands() {
        SequencedMap<String, Class<?>> byName = new LinkedHashMap<>();
        byName.put("config", ConfigCommand.class);
        byName.put("serve", ServeCommand.class);
        byName.put("fetch", FetchCommand.class);
        byName.put("extract", ExtractCommand.class);
        byName.put("cache", CacheCommand.class);
        byName.put("summarize", SummarizeCommand.class);
        byName.put("map", MapCommand.class);
        byName.put("crawl", CrawlCommand.class);
        byName.put("search", SearchCommand.class);
        byName.put("doctor", DoctorCommand.class);
        byName.put("help", HelpCommand.class);
        return Collections.unmodifiableSequencedMap(byName);
    }

    /**
     * Loads the configuration with a command's own flags on top of {@code --set}, then starts logging
     * at the configured level.
     */
    Config loadConfig(FlagSettings commandFlags) {
        Config config = commandFlags.applyTo(Config.load(Optional.ofNullable(configFile), System.getenv(), settings));
        Logging.init(verbose ? "debug" : config.logLevel());
        return config;
    }

    public Config loadConfig() {
        return loadConfig(new FlagSettings());
    }

    /**
     * As {@link #loadConfig(FlagSettings)} for commands that read files named on their command line:
     * unless {@code fetcher.allowed_roots} is configured, they may read below the working directory
     * (the server, which takes paths from its clients, reads no file until roots are configured).
     */
    Config loadConfigReadingFiles(FlagSettings commandFlags) {
        Config config = loadConfig(commandFlags);
        if (!config.sourceOf("fetcher.allowed_roots").equals("default")) {
            return config;
        }
        return config.with(
                Map.of("fetcher.allowed_roots", Path.of("").toAbsolutePath().toString()),
                "the working directory (command-line default)");
    }
}
