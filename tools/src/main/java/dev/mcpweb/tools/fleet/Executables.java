package dev.mcpweb.tools.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Programs the fleet runs, found on the PATH. */
final class Executables {
    private Executables() {}

    /**
     * The path of {@code name} on the PATH or in /usr/sbin (where Debian puts haproxy, and which is not on
     * every user's PATH), or an exception that says how to install it.
     */
    static String find(String name, String install) throws MissingExecutableException {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")), Stream.of("/usr/sbin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst()
                .map(Path::toString)
                .orElseThrow(() ->
                        new MissingExecutableException("no " + name + " on the PATH; install it (" + install + ")"));
    }
}
