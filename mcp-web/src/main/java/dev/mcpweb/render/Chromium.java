package dev.mcpweb.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the Chromium to run: the configured path, else Debian's, else one named on the PATH. */
public final class Chromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "chrome");

    private Chromium() {}

    /** The executable, or empty when none is installed (or the configured one is not executable). */
    public static Optional<Path> find(Optional<Path> configured) {
        if (configured.isPresent()) {
            return configured.filter(Files::isExecutable);
        }
        Path debian = Path.of("/usr/lib/chromium/chromium");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
