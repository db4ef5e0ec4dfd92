package dev.mcpweb.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.event.connection.ConnectionDeactivatedEvent;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lettuce clients set up the way every part of mcp-web that uses Redis (the cache, the shared limits)
 * wants them: commands fail at once while Redis is away instead of queueing (so callers fall back to
 * what they have locally), a 2 s command and connect timeout, reconnection at most 2 s apart, and a log
 * line when the connection is lost and when it is back.
 */
public final class RedisClients implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisClients.class);
    /** The command and connect timeout, and the longest time between two reconnection attempts. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final RedisClient client;
    private volatile boolean closed;

    private RedisClients(RedisClient client) {
        this.client = client;
    }

    /** The client, to connect with. */
    public RedisClient client() {
        return client;
    }

    /**
     * A client of {@code url} (which it does not connect yet) whose losses and returns are logged as
     * {@code what} ("cache: lost Redis …; serving from the memory tier until it returns", {@code shown}
     * being the URL with its credentials masked).
     *
     * @throws IllegalArgumentException when {@code url} is not a Redis URL
     */
    public static RedisClients create(String url, String shown, String what, String meanwhile) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(TIMEOUT);
        // Reconnects at most 2 s apart (not Lettuce's default 30 s), so that a Redis back is used soon.
        ClientResources resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), TIMEOUT, 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // Fail at once while disconnected, so that callers fall back to what they have locally.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                .build());
        RedisClients clients = new RedisClients(client);
        resources.eventBus().get().subscribe(event -> {
            switch (event) {
                case ConnectionDeactivatedEvent lost
                when !clients.closed -> log.warn("{}: lost {}; {} until it returns", what, shown, meanwhile);
                case ConnectionActivatedEvent back -> log.info("{}: connected to {}", what, shown);
                default -> {}
            }
        });
        return clients;
    }

    /** Closes the client and its connections without waiting for a quiet period. */
    @Override
    public void close() {
        closed = true;
        client.shutdown(Duration.ZERO, TIMEOUT);
        client.getResources().shutdown(0, TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
