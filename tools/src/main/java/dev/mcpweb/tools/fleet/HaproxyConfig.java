package dev.mcpweb.tools.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented {@code deploy/haproxy.cfg} (carried in the tools jar) with only its addresses changed
 * for a fleet on 127.0.0.1: each section's {@code bind} gets its port, and the {@code server} lines become
 * one per replica with the options of the first. Every other setting is the file's own.
 */
final class HaproxyConfig {
    private static final String RESOURCE = "/deploy/haproxy.cfg";
    private static final Pattern SECTION = Pattern.compile("^(\\S+)\\s*(\\S*)");
    private static final Pattern BIND = Pattern.compile("^(\\s+)bind\\s+\\S+(.*)$");
    private static final Pattern SERVER = Pattern.compile("^(\\s+)server\\s+\\S+\\s+\\S+(.*)$");

    private HaproxyConfig() {}

    /** The documented configuration as it is in {@code deploy/haproxy.cfg}. */
    static String documented() {
        try (InputStream in = HaproxyConfig.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the tools jar; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code template} with the frontend {@code mcp} bound to 127.0.0.1:{@code frontPort}, the
     * {@code stats} listener to 127.0.0.1:{@code statsPort}, and one server {@code replicaN} per port.
     */
    static String onLoopback(String template, int frontPort, int statsPort, List<Integer> replicaPorts) {
        List<String> out = new ArrayList<>();
        String section = "";
        boolean serversWritten = false;
        for (String line : template.lines().toList()) {
            Matcher header = SECTION.matcher(line);
            if (!line.isBlank() && !line.startsWith("#") && header.find()) {
                section = header.group(2).isEmpty() ? header.group(1) : header.group(2);
            }
            Matcher bind = BIND.matcher(line);
            Matcher server = SERVER.matcher(line);
            if (bind.matches()) {
                int port = switch (section) {
                    case "mcp" -> frontPort;
                    case "stats" -> statsPort;
                    default ->
                        throw new IllegalArgumentException("a bind in section " + section
                                + " of haproxy.cfg: only the frontend mcp and the listener stats may bind");
                };
                out.add(bind.group(1) + "bind 127.0.0.1:" + port + bind.group(2));
            } else if (server.matches()) {
                if (!serversWritten) {
                    for (int i = 0; i < replicaPorts.size(); i++) {
                        out.add(server.group(1) + "server replica" + (i + 1) + " 127.0.0.1:" + replicaPorts.get(i)
                                + server.group(2));
                    }
                    serversWritten = true;
                }
            } else {
                out.add(line);
            }
        }
        if (!serversWritten) {
            throw new IllegalArgumentException("haproxy.cfg has no server line to take the options from");
        }
        return String.join("\n", out) + "\n";
    }
}
