package dev.mcpweb.fetch;

import java.time.Duration;
import okhttp3.HttpUrl;

/** The one wording of a fetch that ran out of {@code fetcher.timeout}, whichever step it was in. */
final class TimedOut {
    private TimedOut() {}

    static String message(Duration timeout, HttpUrl url, String doing) {
        return "timed out after " + timeout.toMillis() / 1000.0 + "s (fetcher.timeout) " + doing + " " + url;
    }
}
