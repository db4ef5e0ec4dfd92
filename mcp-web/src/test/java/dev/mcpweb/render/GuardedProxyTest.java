package dev.mcpweb.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.fetch.Fetcher;
import dev.mcpweb.fetch.TestFetchers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuardedProxyTest {
    private LoopbackSites sites;
    private Fetcher fetcher;
    private GuardedProxy proxy;
    private HttpClient client;

    @BeforeEach
    void start() throws IOException {
        sites = new LoopbackSites().page("/", "text/html", "<p>hello from the app</p>");
        fetcher = TestFetchers.withHosts(
                Map.of("fetcher.allowed_hosts", LoopbackSites.HOST),
                Map.of(LoopbackSites.HOST, "127.0.0.1", "evil.test", "127.0.0.2"));
        proxy = new GuardedProxy(fetcher.connector(), 1 << 20);
        URI p = URI.create(proxy.pageAddress());
        client = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress(p.getHost(), p.getPort())))
                .build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        proxy.close();
        fetcher.close();
        sites.close();
    }

    @Test
    void forwardsARequestToAnAllowedHostByItsName() throws Exception {
        HttpResponse<String> r = get(sites.url("/"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("hello from the app");
    }

    @Test
    void refusesAnInternalAddressAndTheListenerThereSeesNothing() throws Exception {
        assertThat(get("http://" + sites.internalOrigin() + "/").statusCode()).isEqualTo(403);
        assertThat(get("http://evil.test:" + sites.internal.getLocalPort() + "/")
                        .statusCode())
                .isEqualTo(403);

        assertThat(sites.internalHits()).isZero();
        assertThat(proxy.refusedCount()).isEqualTo(2);
    }

    @Test
    void refusesATunnelToAnInternalAddress() throws Exception {
        assertThat(rawExchange("CONNECT " + sites.internalOrigin() + " HTTP/1.1\r\nHost: x\r\n\r\n"))
                .startsWith("HTTP/1.1 403");
        assertThat(rawExchange("CONNECT [::1]:" + sites.internal.getLocalPort() + " HTTP/1.1\r\n\r\n"))
                .startsWith("HTTP/1.1 403");
        assertThat(sites.internalHits()).isZero();
    }

    @Test
    void opensATunnelToAnAllowedHost() throws Exception {
        String reply = rawExchange("CONNECT " + LoopbackSites.HOST + ":" + sites.port() + " HTTP/1.1\r\n\r\n"
                + "GET / HTTP/1.1\r\nHost: app.test\r\nConnection: close\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 200 Connection Established").contains("hello from the app");
    }

    @Test
    void refusesWebSocketUpgradesAndOtherSchemes() throws Exception {
        assertThat(rawExchange("GET " + sites.url("/") + " HTTP/1.1\r\nHost: app.test\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\n\r\n"))
                .startsWith("HTTP/1.1 403");
        assertThat(rawExchange("GET ftp://" + LoopbackSites.HOST + "/ HTTP/1.1\r\n\r\n"))
                .startsWith("HTTP/1.1 403");
        assertThat(sites.hits("/")).isZero();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code request} as-is to the proxy and reads until it closes. */
    private String rawExchange(String request) throws IOException {
        URI p = URI.create(proxy.pageAddress());
        try (Socket s = new Socket(p.getHost(), p.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
