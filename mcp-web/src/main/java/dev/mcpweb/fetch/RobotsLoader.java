package dev.mcpweb.fetch;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches robots.txt for the {@link RobotsPolicy} through the same guarded client as pages: up to 5
 * redirects, each checked by the guard; at most 512 KiB read. An unavailable file restricts nothing.
 */
final class RobotsLoader implements RobotsPolicy.Loader {
    private static final int MAX_BYTES = 512 * 1024;
    private static final int MAX_REDIRECTS = 5;

    private final Call.Factory client;
    private final UrlGuard guard;
    private final String userAgent;

    RobotsLoader(Call.Factory client, UrlGuard guard, String userAgent) {
        this.client = client;
        this.guard = guard;
        this.userAgent = userAgent;
    }

    @Override
    public RobotsStore.Answer load(HttpUrl robotsUrl, long deadline) throws IOException {
        HttpUrl url = robotsUrl;
        int status = 0;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Request request = new Request.Builder()
                    .url(url)
                    .header("User-Agent", userAgent)
                    .build();
            Call call = client.newCall(request);
            call.timeout().timeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            try (Response response = call.execute()) {
                status = response.code();
                String location = response.header("Location");
                if (!response.isRedirect() || location == null) {
                    byte[] body = response.isSuccessful()
                            ? response.body().byteStream().readNBytes(MAX_BYTES)
                            : new byte[0];
                    return new RobotsStore.Answer(status, body, Optional.ofNullable(response.header("Content-Type")));
                }
                HttpUrl next = url.resolve(location);
                if (next == null) {
                    break;
                }
                switch (guard.check(next)) {
                    case Refusal refusal -> throw new BlockedException(refusal);
                    case UrlGuard.Allowed a -> url = a.url();
                }
            }
        }
        return new RobotsStore.Answer(status, new byte[0], Optional.empty()); // unavailable: nothing restricted
    }
}
