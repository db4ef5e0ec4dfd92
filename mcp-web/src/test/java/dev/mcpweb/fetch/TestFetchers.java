package dev.mcpweb.fetch;

import dev.mcpweb.config.Config;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Fetchers for tests of other packages, with a DNS that knows only the names the test gives. */
public final class TestFetchers {
    private TestFetchers() {}

    /**
     * A fetcher whose DNS answers {@code hosts} (name to address literal) and nothing else, so the
     * system resolver is never asked; {@code overrides} are config settings on top of the defaults.
     */
    public static Fetcher withHosts(Map<String, String> overrides, Map<String, String> hosts) {
        return withHosts(overrides, hosts, host -> {});
    }

    /** As {@link #withHosts(Map, Map)}, telling {@code asked} every name looked up. */
    public static Fetcher withHosts(Map<String, String> overrides, Map<String, String> hosts, Consumer<String> asked) {
        Map<String, String> all = new HashMap<>(Map.of("fetcher.respect_robots", "false"));
        all.putAll(overrides);
        return Fetcher.builder(Config.defaults().with(all).fetcher())
                .dns(host -> {
                    asked.accept(host);
                    String literal = hosts.get(host);
                    if (literal == null) {
                        throw new UnknownHostException(host + " (unknown to the test's DNS)");
                    }
                    return java.util.List.of(InetAddress.getByName(literal));
                })
                .build();
    }
}
