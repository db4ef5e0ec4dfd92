package dev.mcpweb.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Opens TCP connections the way the fetcher does, for traffic that does not go through OkHttp (the
 * render proxy's requests and CONNECT tunnels): the guard judges the host, the fetcher's DNS resolves
 * it once and every answer is judged, and the socket connects to the judged address through a guarded
 * socket, so a rebinding answer between check and connect changes nothing.
 */
public final class GuardedConnector {
    /** What {@link #open} gives: a connected socket, or the guard's refusal. */
    public sealed interface Connection permits Opened, Refused {}

    public record Opened(Socket socket) implements Connection {}

    public record Refused(String rule, String message) implements Connection {}

    private final UrlGuard guard;
    private final GuardedDns dns;
    private final GuardedSocketFactory sockets;
    private final Duration connectTimeout;

    GuardedConnector(UrlGuard guard, GuardedDns dns, Duration connectTimeout) {
        this.guard = guard;
        this.dns = dns;
        this.sockets = new GuardedSocketFactory(guard);
        this.connectTimeout = connectTimeout;
    }

    /** Connects to {@code host} (a name or a literal, IPv6 with or without brackets) on {@code port}. */
    public Connection open(String host, int port) throws IOException {
        HttpUrl url;
        try {
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            url = new HttpUrl.Builder().scheme("http").host(bare).port(port).build();
        } catch (IllegalArgumentException e) {
            return new Refused(UrlGuard.INVALID_RULE, "invalid host '" + host + "' or port " + port);
        }
        String canonical;
        switch (guard.check(url)) {
            case Refusal r -> {
                return new Refused(r.rule(), r.message());
            }
            case UrlGuard.Allowed a -> canonical = a.url().host();
        }
        try {
            List<InetAddress> answers = HostSpelling.parse(canonical) instanceof HostSpelling.Address a
                    ? List.of(a.address())
                    : dns.lookup(canonical);
            IOException last = new IOException("no address for " + canonical);
            for (InetAddress address : answers) {
                Socket socket = sockets.createSocket();
                try {
                    socket.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
                    return new Opened(socket);
                } catch (BlockedException e) {
                    throw e;
                } catch (IOException e) {
                    socket.close();
                    last = e;
                }
            }
            throw last;
        } catch (BlockedException e) {
            return new Refused(e.refusal().rule(), e.refusal().message());
        }
    }
}
