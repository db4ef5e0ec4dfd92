package dev.mcpweb.tools.fleet;

import java.io.IOException;

/** A program the fleet needs (redis-server, haproxy) is not installed. */
public final class MissingExecutableException extends IOException {
    MissingExecutableException(String message) {
        super(message);
    }
}
