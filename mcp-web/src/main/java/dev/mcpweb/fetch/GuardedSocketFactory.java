package dev.mcpweb.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Optional;
import javax.net.SocketFactory;

/**
 * Makes sockets that ask the guard before connecting. This is the check no path escapes: IP-literal
 * hosts (for which OkHttp never calls {@code Dns}), proxies, and anything that reaches a socket.
 */
final class GuardedSocketFactory extends SocketFactory {
    private final UrlGuard guard;

    GuardedSocketFactory(UrlGuard guard) {
        this.guard = guard;
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket(guard);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localHost, localPort));
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localAddress, localPort));
        s.connect(new InetSocketAddress(address, port));
        return s;
    }

    private static final class GuardedSocket extends Socket {
        private final UrlGuard guard;

        GuardedSocket(UrlGuard guard) {
            this.guard = guard;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress target) || target.isUnresolved()) {
                close();
                throw new BlockedException(
                        new Refusal(UrlGuard.RULE, "blocked: connection to an unresolved address " + endpoint));
            }
            Optional<Refusal> refusal = guard.checkConnection(target.getAddress(), target.getPort());
            if (refusal.isPresent()) {
                close();
                throw new BlockedException(refusal.get());
            }
            super.connect(endpoint, timeout);
        }
    }
}
