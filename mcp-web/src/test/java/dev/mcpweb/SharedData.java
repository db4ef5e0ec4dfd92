package dev.mcpweb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The labelled corpora ({@code ../shared/data} beside the checkout, as on CI machines, or the workspace's
 * {@code /work/shared/data}). Tests that need them skip with a notice when they are absent.
 */
public final class SharedData {
    private SharedData() {}

    /** The directory {@code parts} under the shared data, if it exists. */
    public static Optional<Path> dir(String... parts) {
        return Stream.of(System.getProperty("mcpweb.shared.data", "../shared/data"), "/work/shared/data")
                .map(root -> Path.of(root, parts))
                .filter(Files::isDirectory)
                .findFirst();
    }
}
