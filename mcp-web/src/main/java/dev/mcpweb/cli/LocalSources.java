package dev.mcpweb.cli;

import dev.mcpweb.fetch.FetchOutcome;
import dev.mcpweb.fetch.FetchResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Expands the sources given on the command line (directories walked recursively, files sorted by
 * path, hidden entries skipped) and reads local files with the fetcher's size bounds, decompressing
 * {@code .gz} transparently. URLs are left to the fetcher.
 */
final class LocalSources {
    private final long maxBodySize;
    private final long maxDecompressedSize;

    LocalSources(long maxBodySize, long maxDecompressedSize) {
        this.maxBodySize = maxBodySize;
        this.maxDecompressedSize = maxDecompressedSize;
    }

    static boolean isUrl(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /** Every source in order, with each directory replaced by the regular files under it, sorted by path. */
    static List<String> expand(List<String> sources) throws IOException {
        List<String> out = new ArrayList<>();
        for (String source : sources) {
            Path path = isUrl(source) ? null : Path.of(source);
            if (path != null && Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !hidden(path.relativize(p)))
                            .sorted(Comparator.comparing(Path::toString))
                            .forEach(p -> out.add(p.toString()));
                }
            } else {
                out.add(source);
            }
        }
        return out;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Reads one local file; a missing, unreadable or oversized file is a {@link FetchOutcome.Failed} or {@link FetchOutcome.Refused}. */
    FetchOutcome read(String source) {
        Path path = Path.of(source).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            return new FetchOutcome.Failed(
                    source, 0, Files.exists(path) ? "not a regular file: " + source : "no such file: " + source);
        }
        try {
            long size = Files.size(path);
            if (size > maxBodySize) {
                return tooLarge(source, "is " + size + " bytes", maxBodySize, "fetcher.max_body_size");
            }
            byte[] body;
            try (InputStream in = Files.newInputStream(path)) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodySize + 1));
            }
            if (body.length > maxBodySize) {
                return tooLarge(source, "grew past the limit while reading", maxBodySize, "fetcher.max_body_size");
            }
            if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
                try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                    body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxDecompressedSize + 1));
                }
                if (body.length > maxDecompressedSize) {
                    return tooLarge(
                            source,
                            "decompresses past the limit",
                            maxDecompressedSize,
                            "fetcher.max_decompressed_size");
                }
            }
            return new FetchOutcome.Fetched(FetchResult.ofBytes(path.toUri(), "", body));
        } catch (IOException e) {
            return new FetchOutcome.Failed(source, 0, "cannot read " + source + ": " + e.getMessage());
        }
    }

    private static FetchOutcome tooLarge(String source, String what, long limit, String option) {
        return new FetchOutcome.Refused(
                source, "size", source + " " + what + " (limit " + limit + " bytes; raise " + option + ")");
    }
}
