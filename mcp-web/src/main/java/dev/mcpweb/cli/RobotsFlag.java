package dev.mcpweb.cli;

import picocli.CommandLine.Option;

/** The {@code --ignore-robots} flag of the commands that fetch ({@code @Mixin}). */
final class RobotsFlag {
    @Option(
            names = "--ignore-robots",
            description = "Do not consult robots.txt (same as fetcher.respect_robots=false).")
    boolean ignoreRobots;

    FlagSettings flags() {
        return new FlagSettings().put("--ignore-robots", "fetcher.respect_robots", ignoreRobots ? "false" : null);
    }
}
