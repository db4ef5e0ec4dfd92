package dev.mcpweb.cli;

import dev.mcpweb.config.Config;
import dev.mcpweb.fetch.FetchOutcome;
import dev.mcpweb.fetch.Fetcher;
import dev.mcpweb.result.FetchInfo;
import dev.mcpweb.result.ResultJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mcp-web fetch SOURCE}: the fetch stage alone, body to stdout or the outcome as JSON. */
@Command(
        name = "fetch",
        description = {
            "Fetch a URL or a local file through the SSRF guard, robots.txt and the size and time limits,",
            "and write the body to stdout (or, with --info, the outcome as JSON).",
            "Exit codes: 0 fetched, 2 usage or configuration error, 3 refused by policy, 4 failed."
        })
final class FetchCommand implements Callable<Integer> {
    private static final Pattern HAS_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    @ParentCommand
    Cli cli;

    @Parameters(paramLabel = "SOURCE", description = "An http(s) URL, a file: URL, or a path to a local file.")
    String source;

    @Option(
            names = "--info",
            description = "Print the outcome as JSON (final URL, status, content type, bytes, redirects, timing) "
                    + "instead of the body.")
    boolean info;

    @Option(
            names = "--ignore-robots",
            description = "Do not consult robots.txt (same as fetcher.respect_robots=false).")
    boolean ignoreRobots;

    @Override
    public Integer call() throws IOException {
        Map<String, String> flags = ignoreRobots ? Map.of("fetcher.respect_robots", "false") : Map.of();
        Config config = cli.loadConfig(flags);
        FetchOutcome outcome;
        try (Fetcher fetcher = Fetcher.create(config)) {
            outcome = fetcher.fetch(asSource(source));
        }
        PrintStream out = System.out;
        if (info) {
            out.println(ResultJson.pretty(FetchInfo.of(outcome)));
        } else if (outcome instanceof FetchOutcome.Fetched fetched) {
            out.write(fetched.result().body());
        }
        out.flush();
        return switch (outcome) {
            case FetchOutcome.Fetched f -> ExitCode.OK;
            case FetchOutcome.Refused r -> {
                System.err.println("mcp-web: " + r.message());
                yield ExitCode.REFUSED;
            }
            case FetchOutcome.Failed f -> {
                System.err.println("mcp-web: " + f.message());
                yield ExitCode.FAILED;
            }
        };
    }

    /** A relative path that names an existing file is read as that file (the fetcher wants absolute paths). */
    static String asSource(String raw) {
        if (HAS_SCHEME.matcher(raw).find() || raw.startsWith("/")) {
            return raw;
        }
        try {
            Path path = Path.of(raw);
            return Files.exists(path) ? path.toAbsolutePath().normalize().toString() : raw;
        } catch (InvalidPathException e) {
            return raw;
        }
    }
}
