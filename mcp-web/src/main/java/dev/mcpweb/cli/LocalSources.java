package dev.mcpweb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Expands the sources given on the command line: directories walked recursively, files sorted by
 * path, hidden entries skipped. Reading them is the fetcher's job, under its roots and limits.
 */
final class LocalSources {
    private LocalSources() {}

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
}
