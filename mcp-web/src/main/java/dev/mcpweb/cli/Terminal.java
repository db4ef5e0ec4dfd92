package dev.mcpweb.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream is an interactive terminal. Java's {@link Console} answers for stdin and
 * stdout together, so a redirected stdout would hide a progress bar meant for stderr; on Linux the
 * descriptor's link in {@code /proc/self/fd} tells each stream apart.
 */
final class Terminal {
    private Terminal() {}

    /** For file descriptor {@code fd} (1 stdout, 2 stderr). */
    static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd", Integer.toString(fd));
        if (Files.isSymbolicLink(link)) {
            try {
                return isTerminalDevice(Files.readSymbolicLink(link).toString());
            } catch (IOException e) {
                // fall through to what Java can tell
            }
        }
        return consoleIsTerminal();
    }

    /** {@code /dev/pts/3}, {@code /dev/tty1}, {@code /dev/console}: a terminal; files and pipes are not. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try { // Java 22+: a Console exists even when redirected; isTerminal() says whether it is a terminal
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
