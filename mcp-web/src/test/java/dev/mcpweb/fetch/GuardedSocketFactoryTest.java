package dev.mcpweb.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The last line of defence on its own: sockets that check their address, whatever path led to them. */
class GuardedSocketFactoryTest {
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSocketRefusesABlockedAddressBeforeConnecting() throws IOException {
        GuardedSocketFactory sockets = new GuardedSocketFactory(new UrlGuard(List.of()));
        try (Socket socket = sockets.createSocket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.1", server.getPort())))
                    .isInstanceOf(BlockedException.class)
                    .hasMessage("blocked: connection to 127.0.0.1 port " + server.getPort() + ", a loopback address");
            assertThat(socket.isConnected()).isFalse();
        }
    }

    @Test
    void aSocketToAnAllowListedAddressConnects() throws IOException {
        GuardedSocketFactory sockets = new GuardedSocketFactory(new UrlGuard(List.of("127.0.0.1/32")));
        try (Socket socket = sockets.createSocket("127.0.0.1", server.getPort())) {
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void anOkHttpClientWithOnlyTheSocketGuardCannotReachAnIpLiteral() {
        server.enqueue(new MockResponse.Builder().body("secret").build());
        OkHttpClient client = new OkHttpClient.Builder()
                .socketFactory(new GuardedSocketFactory(new UrlGuard(List.of())))
                .retryOnConnectionFailure(false)
                .build();
        Request request = new Request.Builder()
                .url("http://127.0.0.1:" + server.getPort() + "/")
                .build();

        assertThatThrownBy(() -> {
                    try (Response response = client.newCall(request).execute()) {
                        response.body().string();
                    }
                })
                .isInstanceOf(BlockedException.class);
        assertThat(server.getRequestCount()).isZero();
        client.connectionPool().evictAll();
    }
}
