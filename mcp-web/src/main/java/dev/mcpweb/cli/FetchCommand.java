package dev.mcpweb.cli;

import dev.mcpweb.config.Config;
import dev.mcpweb.fetch.FetchOutcome;
import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.pipeline.PageFetch;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.result.FetchInfo;
import dev.mcpweb.result.ResultJson;
import dev.mcpweb.summarize.InjectionScan;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mcp-web fetch SOURCE}: the fetch stage alone, body to stdout or the outcome as JSON. */
@Command(
        name = "fetch",
        description = {
            "Fetch a URL or a local file through the SSRF guard, robots.txt and the size and time limits.",
            "The body goes to stdout (or, with --info, the outcome as JSON). A page rendered in headless",
            "Chromium (--render) is written as its DOM after its scripts ran.",
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

    @Mixin
    RobotsFlag robots;

    @Mixin
    RenderFlag render;

    @Override
    public Integer call() throws IOException {
        Config config = cli.loadConfigReadingFiles(robots.flags().putAll(render.flags()));
        PageFetch page;
        try (Pipeline pipeline = Pipeline.forReading(config)) {
            page = pipeline.fetchPage(asSource(source), Optional.empty());
        }
        FetchOutcome outcome = page.outcome();
        PrintStream out = System.out;
        List<String> warnings = new ArrayList<>(page.warnings());
        if (outcome instanceof FetchOutcome.Fetched f) {
            warnings.addAll(warnings(f.result()));
        }
        warnings.forEach(w -> System.err.println("mcp-web: warning: " + w));
        RenderFlag.line(page.render(), source).ifPresent(System.err::println);
        if (info) {
            out.println(ResultJson.pretty(FetchInfo.of(outcome).with(page.render(), warnings)));
        } else if (outcome instanceof FetchOutcome.Fetched fetched) {
            out.write(fetched.result().body());
        }
        out.flush();
        if (!(outcome instanceof FetchOutcome.Fetched)) {
            System.err.println("mcp-web: " + outcome.message());
        }
        return ExitCode.of(outcome);
    }

    /**
     * Text in the body that addresses an AI. The body goes out whole, so in HTML everything is scanned:
     * hidden elements, attributes and comments too, which extraction would drop. Binary bodies are not.
     */
    private static List<String> warnings(FetchResult r) {
        String type = r.contentType().toLowerCase(java.util.Locale.ROOT);
        String body = new String(r.body(), r.charset().orElse(StandardCharsets.UTF_8));
        List<InjectionScan.Suspect> suspects;
        if (type.contains("html") || type.contains("xml")) {
            suspects = InjectionScan.scanHtml(body);
        } else if (type.startsWith("text/") || type.contains("json") || type.contains("markdown")) {
            suspects = InjectionScan.scan(List.of(new InjectionScan.Part("the text", body)));
        } else {
            suspects = List.of();
        }
        return suspects.stream()
                .map(s -> InjectionScan.warning(r.finalUri().toString(), s))
                .toList();
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
