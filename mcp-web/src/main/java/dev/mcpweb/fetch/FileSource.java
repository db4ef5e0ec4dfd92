package dev.mcpweb.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads local files, only from inside {@code fetcher.allowed_roots}: the path must lie under a root as
 * written and its real path (symlinks and {@code ..} resolved) must too; only regular files are read
 * (no directories, devices or FIFOs), under the same size limit as the web.
 */
final class FileSource {
    static final String ROOTS_RULE = "file-roots";
    static final String TYPE_RULE = "file-type";

    private final List<Path> roots;
    private final BodyReader reader;
    private final long maxSize;

    FileSource(List<Path> roots, long maxSize) {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.reader = new BodyReader(maxSize, maxSize);
        this.maxSize = maxSize;
    }

    FetchOutcome read(String source, Path path, long startNanos) {
        Path lexical = path.toAbsolutePath().normalize();
        List<Path> realRoots = realRoots();
        if (!under(lexical, roots) && !under(lexical, realRoots)) {
            return outsideRoots(source, lexical + " is outside the allowed roots");
        }
        Path real;
        try {
            real = lexical.toRealPath();
        } catch (NoSuchFileException e) {
            return new FetchOutcome.Failed(source, 0, "no such file: " + lexical);
        } catch (AccessDeniedException e) {
            return new FetchOutcome.Failed(source, 0, "permission denied: " + lexical);
        } catch (IOException e) {
            return new FetchOutcome.Failed(source, 0, "cannot read " + lexical + ": " + e.getMessage());
        }
        if (!under(real, realRoots)) {
            return outsideRoots(source, lexical + " resolves to " + real + ", outside the allowed roots");
        }
        try {
            BasicFileAttributes attrs =
                    Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.isDirectory()) {
                return refused(source, TYPE_RULE, "refused: " + real + " is a directory, not a file");
            }
            if (!attrs.isRegularFile()) {
                return refused(
                        source, TYPE_RULE, "refused: " + real + " is not a regular file (a device, FIFO or socket)");
            }
            if (attrs.size() > maxSize) {
                return refused(
                        source,
                        "size",
                        "refused: " + real + " is " + Sizes.human(attrs.size())
                                + ", larger than fetcher.max_body_size (" + Sizes.human(maxSize) + ")");
            }
            Optional<String> byName = ContentTypes.ofFileName(real.getFileName().toString());
            if (byName.isPresent() && !ContentTypes.accepted(byName.get())) {
                return ContentTypes.refusal(byName.get(), real.toString()).toOutcome(source);
            }
            byte[] body;
            try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
                body = reader.read(in, "");
            }
            Optional<String> type = byName.or(() -> ContentTypes.sniff(body));
            if (type.isEmpty()) {
                return refused(
                        source,
                        ContentTypes.RULE,
                        "refused: " + real + " looks binary and its extension is not one of html, xhtml, txt, md, "
                                + "json, xml, pdf or a source-code extension");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            return new FetchOutcome.Fetched(new FetchResult(
                    source, real.toUri(), 200, Map.of(), body, type.get(), Optional.empty(), List.of(), elapsed));
        } catch (SizeLimitException e) {
            return e.refusal().toOutcome(source);
        } catch (IOException e) {
            return new FetchOutcome.Failed(source, 0, "cannot read " + real + ": " + e.getMessage());
        }
    }

    private FetchOutcome outsideRoots(String source, String what) {
        return refused(
                source,
                ROOTS_RULE,
                "blocked: " + what + " (" + roots.stream().map(Path::toString).collect(Collectors.joining(", "))
                        + "); set fetcher.allowed_roots to read files elsewhere");
    }

    private static FetchOutcome refused(String source, String rule, String message) {
        return new FetchOutcome.Refused(source, rule, message);
    }

    private List<Path> realRoots() {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            try {
                out.add(root.toRealPath());
            } catch (IOException e) {
                // A root that does not exist holds no files.
            }
        }
        return out;
    }

    private static boolean under(Path path, List<Path> roots) {
        return roots.stream().anyMatch(path::startsWith);
    }
}
