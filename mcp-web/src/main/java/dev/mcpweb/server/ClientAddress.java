package dev.mcpweb.server;

import dev.mcpweb.config.ConfigException;
import dev.mcpweb.fetch.Cidr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Who a request comes from, for the per-client rate limit. Behind a reverse proxy every request
 * arrives from the proxy's address, so for a peer in {@code server.trusted_proxies} the client is read
 * from {@code X-Forwarded-For}: the right-most entry that is not itself a trusted proxy, since only
 * the entries the trusted proxies appended can be believed (a client can send any header it likes).
 * A request from anyone else is its own address, whatever headers it sends.
 */
final class ClientAddress {
    private final List<Cidr> trusted;

    ClientAddress(List<String> trustedProxies) {
        List<Cidr> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            ranges.add(Cidr.parse(entry.strip())
                    .orElseThrow(() -> new ConfigException("invalid value '" + entry + "' in server.trusted_proxies "
                            + "(MCP_WEB_SERVER_TRUSTED_PROXIES): give IP addresses or CIDRs such as 10.0.0.0/8")));
        }
        this.trusted = List.copyOf(ranges);
    }

    /** The client of a request from {@code peer} carrying these {@code X-Forwarded-For} headers. */
    String of(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        Collections.reverse(hops);
        String client = peer;
        for (String hop : hops) {
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        String bare =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        return trusted.stream().anyMatch(range -> range.containsLiteral(bare));
    }
}
