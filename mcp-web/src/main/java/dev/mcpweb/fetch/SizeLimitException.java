package dev.mcpweb.fetch;

import java.io.IOException;

/** A body went over a size limit while it was being read; carries the refusal to report. */
final class SizeLimitException extends IOException {
    private final transient Refusal refusal;

    SizeLimitException(String message) {
        super(message);
        this.refusal = new Refusal("size", message);
    }

    Refusal refusal() {
        return refusal;
    }
}
