package dev.mcpweb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpweb.config.Config;
import dev.mcpweb.fetch.FetchOutcome;
import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.fetch.Fetcher;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
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
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json(outcome)));
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

    static ObjectNode json(FetchOutcome outcome) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("source", outcome.source());
        switch (outcome) {
            case FetchOutcome.Fetched fetched -> {
                FetchResult r = fetched.result();
                root.put("outcome", "fetched");
                root.put("final_url", r.finalUri().toString());
                root.put("status", r.status());
                root.put("content_type", r.contentType());
                r.charset().ifPresentOrElse(c -> root.put("charset", c.name()), () -> root.putNull("charset"));
                root.put("bytes", r.body().length);
                ArrayNode redirects = root.putArray("redirects");
                r.redirects().stream().map(URI::toString).forEach(redirects::add);
                root.putObject("timings").put("total_ms", r.elapsed().toNanos() / 1e6);
                ObjectNode headers = root.putObject("headers");
                r.headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            }
            case FetchOutcome.Refused refused -> {
                root.put("outcome", "refused");
                root.put("rule", refused.rule());
                root.put("message", refused.message());
            }
            case FetchOutcome.Failed failed -> {
                root.put("outcome", "failed");
                root.put("status", failed.status());
                root.put("message", failed.message());
            }
        }
        return root;
    }
}
