package dev.mcpweb.fetch;

import java.net.UnknownHostException;

/**
 * Thrown from the {@code Dns} hook and from guarded sockets when the guard refuses an address; an
 * {@link UnknownHostException} because that is what OkHttp's {@code Dns} may throw.
 */
final class BlockedException extends UnknownHostException {
    private final transient Refusal refusal;

    BlockedException(Refusal refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    Refusal refusal() {
        return refusal;
    }
}
