package dev.mcpweb.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.Dns;

/**
 * Resolves through a delegate and refuses the whole name when any answer is blocked, so a name with
 * one internal address among public ones cannot be steered to it, and a rebinding answer is judged
 * at the moment OkHttp is about to connect. Answers carry the name they were looked up under (see
 * {@link UrlGuard#checkConnection}).
 */
final class GuardedDns implements Dns {
    private final UrlGuard guard;
    private final Dns delegate;

    GuardedDns(UrlGuard guard, Dns delegate) {
        this.guard = guard;
        this.delegate = delegate;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> answers = delegate.lookup(hostname);
        Optional<Refusal> refusal = guard.checkResolved(hostname, answers);
        if (refusal.isPresent()) {
            throw new BlockedException(refusal.get());
        }
        List<InetAddress> named = new ArrayList<>(answers.size());
        for (InetAddress a : answers) {
            named.add(InetAddress.getByAddress(hostname, a.getAddress()));
        }
        return named;
    }
}
