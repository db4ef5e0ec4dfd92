package dev.mcpweb.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Closes a connection that has not sent a complete request head within {@code limit} of opening, or
 * of its previous answer ending. Jetty's idle timeout restarts at every byte, so a client dribbling
 * its headers (slowloris) could otherwise hold a connection for as long as it likes, before the
 * request reaches any check. Add it to the connector (for the opening) and around the handlers.
 */
final class HeaderDeadline extends Handler.Wrapper implements Connection.Listener {
    private final long limitNanos;
    /** Connections waiting for a request head, each with the moment it started waiting. */
    private final Map<Connection, Long> waiting = new ConcurrentHashMap<>();

    HeaderDeadline(Duration limit, Handler next) {
        super(next);
        this.limitNanos = limit.toNanos();
    }

    @Override
    public void onOpened(Connection connection) {
        awaitHead(connection);
    }

    @Override
    public void onClosed(Connection connection) {
        waiting.remove(connection);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Connection connection = request.getConnectionMetaData().getConnection();
        waiting.remove(connection);
        return super.handle(request, response, Callback.from(callback, () -> awaitHead(connection)));
    }

    private void awaitHead(Connection connection) {
        if (!connection.getEndPoint().isOpen()) {
            return;
        }
        Long since = System.nanoTime();
        waiting.put(connection, since);
        getServer()
                .getScheduler()
                .schedule(
                        () -> {
                            if (waiting.remove(connection, since)) {
                                connection.getEndPoint().close();
                            }
                        },
                        limitNanos,
                        TimeUnit.NANOSECONDS);
    }
}
