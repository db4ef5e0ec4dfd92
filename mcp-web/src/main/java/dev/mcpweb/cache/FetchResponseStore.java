package dev.mcpweb.cache;

import dev.mcpweb.fetch.FetchResult;
import dev.mcpweb.fetch.ResponseStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code fetch} namespace as the fetcher's {@link ResponseStore}: a response with its validators in
 * a compact binary form, fresh while younger than {@code cache.fetch_ttl} and kept (stale, for
 * revalidation) up to {@code cache.ttl}. A lookup counts as a hit only when the entry is fresh.
 */
final class FetchResponseStore implements ResponseStore {
    private static final Logger log = LoggerFactory.getLogger(FetchResponseStore.class);
    private static final byte FORMAT = 1;

    private final TieredCache cache;

    FetchResponseStore(TieredCache cache) {
        this.cache = cache;
    }

    @Override
    public Optional<StoredResponse> lookup(String normalizedUrl) {
        Optional<StoredResponse> stored = peek(normalizedUrl);
        cache.count(Namespace.FETCH, stored.map(StoredResponse::fresh).orElse(false));
        return stored;
    }

    @Override
    public Optional<StoredResponse> peek(String normalizedUrl) {
        // Freshness follows the cache's own clock and write time, not the fetcher's storedAt.
        return cache.getKept(Namespace.FETCH, normalizedUrl).flatMap(entry -> {
            try {
                return Optional.of(decode(entry.value(), cache.isFresh(Namespace.FETCH, entry)));
            } catch (IOException | RuntimeException e) {
                log.debug("cache: ignoring an unreadable fetch entry for {}", normalizedUrl, e);
                return Optional.empty();
            }
        });
    }

    @Override
    public void store(String normalizedUrl, StoredResponse response) {
        cache.put(Namespace.FETCH, normalizedUrl, encode(response));
    }

    /** One fetch for all who ask for the URL at the same time; the fetch reads and keeps its entry itself. */
    @Override
    public <T> T once(String normalizedUrl, Fetch<T> fetch) throws InterruptedException {
        return cache.shared(Namespace.FETCH, normalizedUrl, fetch::run);
    }

    static byte[] encode(StoredResponse response) {
        ByteArrayOutputStream buffer =
                new ByteArrayOutputStream(response.result().body().length + 512);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            FetchResult r = response.result();
            out.writeByte(FORMAT);
            out.writeLong(response.storedAt().toEpochMilli());
            writeOptional(out, response.etag());
            writeOptional(out, response.lastModified());
            writeString(out, r.source());
            writeString(out, r.finalUri().toString());
            out.writeInt(r.status());
            out.writeInt(r.headers().size());
            for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
                writeString(out, h.getKey());
                writeStrings(out, h.getValue());
            }
            out.writeInt(r.body().length);
            out.write(r.body());
            writeString(out, r.contentType());
            writeOptional(out, r.charset().map(Charset::name));
            writeStrings(out, r.redirects().stream().map(URI::toString).toList());
            out.writeLong(r.elapsed().toNanos());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return buffer.toByteArray();
    }

    static StoredResponse decode(byte[] bytes, boolean fresh) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown fetch entry format " + format);
        }
        Instant storedAt = Instant.ofEpochMilli(in.readLong());
        Optional<String> etag = readOptional(in);
        Optional<String> lastModified = readOptional(in);
        String source = readString(in);
        URI finalUri = uri(readString(in));
        int status = in.readInt();
        int headerCount = in.readInt();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < headerCount; i++) {
            headers.put(readString(in), readStrings(in));
        }
        int bodyLength = in.readInt();
        byte[] body = in.readNBytes(bodyLength);
        if (body.length != bodyLength) {
            throw new IOException("truncated fetch entry");
        }
        String contentType = readString(in);
        Optional<Charset> charset = readOptional(in).flatMap(FetchResponseStore::charset);
        List<URI> redirects = new ArrayList<>();
        for (String r : readStrings(in)) {
            redirects.add(uri(r));
        }
        Duration elapsed = Duration.ofNanos(in.readLong());
        FetchResult result =
                new FetchResult(source, finalUri, status, headers, body, contentType, charset, redirects, elapsed);
        return new StoredResponse(result, etag, lastModified, storedAt, fresh);
    }

    private static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static URI uri(String s) throws IOException {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        byte[] utf8 = in.readNBytes(n);
        if (utf8.length != n) {
            throw new IOException("truncated fetch entry");
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void writeOptional(DataOutputStream out, Optional<String> s) throws IOException {
        out.writeBoolean(s.isPresent());
        if (s.isPresent()) {
            writeString(out, s.get());
        }
    }

    private static Optional<String> readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(readString(in)) : Optional.empty();
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            writeString(out, s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> strings = new ArrayList<>(Math.min(n, 64));
        for (int i = 0; i < n; i++) {
            strings.add(readString(in));
        }
        return List.copyOf(strings);
    }
}
