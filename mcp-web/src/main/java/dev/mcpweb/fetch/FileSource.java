package dev.mcpweb.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads local files, only from inside {@code fetcher.allowed_roots} (none by default: no file is read
 * until roots are configured): the path must lie under a root as written and its real path (symlinks
 * and {@code ..} resolved) must too; only regular files are read (no directories, devices or FIFOs),
 * under the same size limits as the web, {@code .gz} files decompressed. Dotfiles, keys and credential
 * files are refused inside a root too unless {@code fetcher.allow_sensitive_files} says otherwise.
 * Messages name the source as the caller wrote it, never a root or a resolved path, since they may go
 * to a remote client.
 */
final class FileSource {
    static final String ROOTS_RULE = "file-roots";
    static final String TYPE_RULE = "file-type";

    /** A gzip member's header and trailer, ten bytes and eight: a shorter file holds no body. */
    private static final int GZIP_OVERHEAD = 18;

    /** Deflate writes at most this many bytes for each byte it reads. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    /** The most of a {@code .gz} file read whole before it is decompressed. */
    private static final int MAX_WHOLE = 1 << 30;

    private final List<Path> roots;
    private final boolean allowSensitive;
    private final BodyReader plain;
    private final BodyReader gzipped;
    private final long maxSize;

    FileSource(List<Path> roots, boolean allowSensitive, long maxSize, long maxDecompressedSize) {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.allowSensitive = allowSensitive;
        this.plain = new BodyReader(maxSize, maxSize);
        this.gzipped = new BodyReader(maxSize, maxDecompressedSize);
        this.maxSize = maxSize;
    }

    FetchOutcome read(String source, Path path, long startNanos) {
        if (roots.isEmpty()) {
            return refused(
                    source,
                    ROOTS_RULE,
                    "blocked: " + source + " is a local file, and no local files are served here"
                            + " (fetcher.allowed_roots is empty)");
        }
        Path lexical = path.toAbsolutePath().normalize();
        List<Path> realRoots = realRoots();
        Optional<Path> below = relativeToRoot(lexical, roots).or(() -> relativeToRoot(lexical, realRoots));
        if (below.isEmpty()) {
            return outsideRoots(source);
        }
        if (!allowSensitive && SensitiveFiles.byName(below.get())) {
            return SensitiveFiles.refusal(source).toOutcome(source);
        }
        Path real;
        try {
            real = lexical.toRealPath();
        } catch (NoSuchFileException e) {
            return new FetchOutcome.Failed(source, 0, "no such file: " + source);
        } catch (AccessDeniedException e) {
            return new FetchOutcome.Failed(source, 0, "permission denied: " + source);
        } catch (IOException e) {
            return cannotRead(source, e);
        }
        Optional<Path> realBelow = relativeToRoot(real, realRoots);
        if (realBelow.isEmpty()) {
            return outsideRoots(source);
        }
        if (!allowSensitive && SensitiveFiles.byName(realBelow.get())) {
            return SensitiveFiles.refusal(source).toOutcome(source);
        }
        try {
            BasicFileAttributes attrs =
                    Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.isDirectory()) {
                return refused(source, TYPE_RULE, "refused: " + source + " is a directory, not a file");
            }
            if (!attrs.isRegularFile()) {
                return refused(
                        source, TYPE_RULE, "refused: " + source + " is not a regular file (a device, FIFO or socket)");
            }
            if (attrs.size() > maxSize) {
                return refused(
                        source,
                        "size",
                        "refused: " + source + " is " + Sizes.human(attrs.size())
                                + ", larger than fetcher.max_body_size (" + Sizes.human(maxSize) + ")");
            }
            String name = real.getFileName().toString();
            boolean gzip = name.toLowerCase(Locale.ROOT).endsWith(".gz");
            if (gzip) {
                name = name.substring(0, name.length() - 3);
            }
            Optional<String> byName = ContentTypes.ofFileName(name);
            if (byName.isPresent() && !ContentTypes.accepted(byName.get())) {
                return ContentTypes.refusal(byName.get(), source).toOutcome(source);
            }
            byte[] body;
            try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
                body = gzip ? readGzip(in, attrs.size()) : plain.read(in, "", attrs.size());
            }
            if (!allowSensitive && SensitiveFiles.byContent(body)) {
                return SensitiveFiles.refusal(source).toOutcome(source);
            }
            Optional<String> type = byName.or(() -> ContentTypes.sniff(body));
            if (type.isEmpty()) {
                return refused(
                        source,
                        ContentTypes.RULE,
                        "refused: " + source + " looks binary and its extension is not one of html, xhtml, txt,"
                                + " md, json, xml, pdf or a source-code extension");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            return new FetchOutcome.Fetched(new FetchResult(
                    source, real.toUri(), 200, Map.of(), body, type.get(), Optional.empty(), List.of(), elapsed));
        } catch (SizeLimitException e) {
            return e.refusal().toOutcome(source);
        } catch (IOException e) {
            return cannotRead(source, e);
        }
    }

    /**
     * A {@code .gz} file of {@code size} bytes, decompressed: read whole first, as its header is read a byte
     * at a time (each a system call on a file), and the body's array sized from the size its trailer gives,
     * which deflate's greatest ratio bounds. The rest of a file grown since it was measured is read after.
     */
    private byte[] readGzip(InputStream in, long size) throws IOException {
        byte[] packed = in.readNBytes((int) Math.min(size, MAX_WHOLE));
        int n = packed.length;
        long expected = n < GZIP_OVERHEAD
                ? 0
                : Math.min(
                        (packed[n - 4] & 0xFFL)
                                | (packed[n - 3] & 0xFFL) << 8
                                | (packed[n - 2] & 0xFFL) << 16
                                | (packed[n - 1] & 0xFFL) << 24,
                        MAX_DEFLATE_RATIO * n);
        return gzipped.read(new SequenceInputStream(new ByteArrayInputStream(packed), in), "gzip", expected);
    }

    private static FetchOutcome outsideRoots(String source) {
        return refused(
                source,
                ROOTS_RULE,
                "blocked: " + source + " is outside the directories local files may be read from"
                        + " (fetcher.allowed_roots)");
    }

    // The exception's own message may name the real path; the kind of failure is enough.
    private static FetchOutcome cannotRead(String source, IOException e) {
        return new FetchOutcome.Failed(
                source, 0, "cannot read " + source + " (" + e.getClass().getSimpleName() + ")");
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

    /** {@code path} relative to the first root it lies under: a loop, as a stream costs more in the CLI's C1 code. */
    private static Optional<Path> relativeToRoot(Path path, List<Path> roots) {
        for (Path root : roots) {
            if (path.startsWith(root)) {
                return Optional.of(root.relativize(path));
            }
        }
        return Optional.empty();
    }
}
