package dev.mcpweb.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Cache keys derived from everything that made a value: a SHA-256 over length-prefixed, type-tagged
 * parts, so that different part lists never collide by concatenation.
 */
public final class CacheKey {
    private CacheKey() {}

    /**
     * The key of {@code parts}, e.g. {@code of(chunkTexts, query, provider, model, promptVersion, length)}.
     * Parts may be strings, byte arrays, numbers, booleans, enums, {@link Optional}s and iterables of these.
     */
    public static String of(Object... parts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (Object part : parts) {
            digest(sha, part);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void digest(MessageDigest sha, Object part) {
        switch (part) {
            case null -> throw new NullPointerException("a cache key part is null; use Optional.empty() or \"\"");
            case byte[] bytes -> tagged(sha, 'b', bytes);
            case CharSequence text -> tagged(sha, 's', text.toString().getBytes(StandardCharsets.UTF_8));
            // 200 as an int and as a long make the same key; 200 and 200.0 do not.
            case Number n
            when n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte ->
                tagged(sha, 'i', Long.toString(n.longValue()).getBytes(StandardCharsets.UTF_8));
            case Number n -> tagged(sha, 'n', n.toString().getBytes(StandardCharsets.UTF_8));
            case Boolean b -> tagged(sha, 'z', new byte[] {(byte) (b ? 1 : 0)});
            case Enum<?> e -> tagged(sha, 'e', e.name().getBytes(StandardCharsets.UTF_8));
            case Optional<?> o -> {
                sha.update((byte) (o.isPresent() ? 'o' : '-'));
                o.ifPresent(value -> digest(sha, value));
            }
            case Iterable<?> items -> {
                sha.update((byte) '[');
                items.forEach(item -> digest(sha, item));
                sha.update((byte) ']');
            }
            default ->
                throw new IllegalArgumentException(
                        "cannot use a " + part.getClass().getName()
                                + " in a cache key; pass strings, bytes, numbers, booleans, enums, Optionals or lists");
        }
    }

    private static void tagged(MessageDigest sha, char tag, byte[] bytes) {
        sha.update((byte) tag);
        long n = bytes.length;
        for (int shift = 56; shift >= 0; shift -= 8) {
            sha.update((byte) (n >>> shift));
        }
        sha.update(bytes);
    }
}
