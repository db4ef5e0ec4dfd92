package dev.mcpweb.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Opens TCP connections the way the fetcher does, for traffic that does not go through OkHttp (the
 * render proxy's requests and CONNECT tunnels): the guard judges the host, the fetcher's DNS resolves
 * it once and every answer is judged, and the socket connects to the judged address through a guarded
 * socket, so a rebinding answer between check and connect changes nothing. The fetcher's other rules
 * apply too: a plain request asks robots.txt first and holds one of its host's fetch slots
 * ({@code fetcher.max_per_host}, {@code fetcher.max_concurrent}) until its connection closes; a tunnel,
 * whose requests are encrypted, holds a slot while it connects.
 */
public final class GuardedConnector {
    /** What {@link #open} gives: a connected socket, or the guard's refusal. */
    public sealed interface Connection permits Opened, Refused {}

    /** A connected socket; closing it gives back the fetch slot it holds. */
    public record Opened(Socket socket, HostLimiter.Permit permit) implements Connection, AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                socket.close();
            } finally {
                permit.close();
            }
        }
    }

    public record Refused(String rule, String message) implements Connection {}

    private final UrlGuard guard;
    private final GuardedDns dns;
    private final GuardedSocketFactory sockets;
    private final Duration connectTimeout;
    private final Duration slotWait;
    private final long maxBodySize;
    private final HostLimiter limiter;
    private final Optional<RobotsPolicy> robots;

    GuardedConnector(
            UrlGuard guard,
            GuardedDns dns,
            dev.mcpweb.config.FetcherConfig config,
            HostLimiter limiter,
            Optional<RobotsPolicy> robots) {
        this.guard = guard;
        this.dns = dns;
        this.sockets = new GuardedSocketFactory(guard);
        this.connectTimeout = config.connectTimeout();
        this.slotWait = config.timeout();
        this.maxBodySize = config.maxBodySize();
        this.limiter = limiter;
        this.robots = robots;
    }

    /** The most bytes one response may have ({@code fetcher.max_body_size}). */
    public long maxBodySize() {
        return maxBodySize;
    }

    /**
     * Connects for one plain request to {@code url}: refused when robots.txt disallows it (or cannot be
     * read); the host's fetch slot is held until the connection closes.
     */
    public Connection openRequest(HttpUrl url) throws IOException {
        long deadline = System.nanoTime() + slotWait.toNanos();
        if (guard.check(url) instanceof Refusal r) { // before robots.txt, which would be fetched from the host
            return new Refused(r.rule(), r.message());
        }
        if (robots.isPresent()) {
            try {
                Optional<Refusal> refusal = robots.get().check(url, deadline);
                if (refusal.isPresent()) {
                    return new Refused(refusal.get().rule(), refusal.get().message());
                }
            } catch (IOException e) {
                return new Refused(RobotsPolicy.RULE, "robots.txt of " + url.host() + " could not be read: " + e);
            }
        }
        HostLimiter.Permit permit = slot(url.host(), url.port(), deadline);
        Connection c = connect(url.host(), url.port(), permit);
        if (c instanceof Refused) {
            permit.close();
        }
        return c;
    }

    /** Connects to {@code host} (a name or a literal, IPv6 with or without brackets) on {@code port}. */
    public Connection open(String host, int port) throws IOException {
        try (HostLimiter.Permit permit = slot(host, port, System.nanoTime() + slotWait.toNanos())) {
            return connect(host, port, () -> {});
        }
    }

    private HostLimiter.Permit slot(String host, int port, long deadline) throws IOException {
        try {
            return limiter.acquire(host + ":" + port, deadline)
                    .orElseThrow(() -> new IOException(
                            "no free fetch slot for " + host + " within fetcher.timeout (fetcher.max_per_host)"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a fetch slot", e);
        }
    }

    private Connection connect(String host, int port, HostLimiter.Permit permit) throws IOException {
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
                    return new Opened(socket, permit);
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
