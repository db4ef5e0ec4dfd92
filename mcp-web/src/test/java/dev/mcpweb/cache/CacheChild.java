package dev.mcpweb.cache;

import dev.mcpweb.config.CacheConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A second process for {@link CacheProcessTest}: {@code write DIR} stores self-checking entries until
 * killed; {@code share DIR WRITER ROUNDS} waits for a line on stdin, then writes and reads shared keys,
 * checks every value it reads and prints {@code done gets=N errors=N}.
 */
public final class CacheChild {
    static final int SHARED_KEYS = 40;

    private CacheChild() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CacheConfig config = new CacheConfig(
                true, Path.of(args[1]), Duration.ofDays(7), Duration.ofHours(1), Duration.ofDays(1), 1L << 30, 0);
        try (TieredCache cache = TieredCache.open(config)) {
            switch (args[0]) {
                case "write" -> writeUntilKilled(cache, out);
                case "share" -> share(cache, Integer.parseInt(args[2]), Integer.parseInt(args[3]), out);
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }

    /**
     * Entries whose key is the content hash of their value, from 1 KB to 2 MB, so a torn write shows; each
     * announced once written (flushed), so the parent may count on it after the kill.
     */
    private static void writeUntilKilled(TieredCache cache, PrintStream out) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; ; i++) {
            byte[] value = new byte[random.nextInt(1 << 10, 2 << 20)];
            random.nextBytes(value);
            cache.put(Namespace.EXTRACT, CacheKey.of(value), value);
            cache.flush(); // in the store now: what the parent may count on after the kill
            out.println("put " + i);
        }
    }

    /** A value that names its key and writer and ends with a checksum of everything before it. */
    static byte[] sharedValue(int key, int writer, int round) {
        byte[] payload = new byte[ThreadLocalRandom.current().nextInt(16, 64 << 10)];
        ThreadLocalRandom.current().nextBytes(payload);
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length + 32);
        b.putInt(key).putInt(writer).putInt(round).put(payload);
        b.put(checksum(b.array(), b.position()));
        return b.array();
    }

    static boolean isIntact(byte[] value, int key) {
        if (value.length < 44 || ByteBuffer.wrap(value).getInt() != key) {
            return false;
        }
        byte[] sum = checksum(value, value.length - 32);
        return Arrays.equals(sum, 0, 32, value, value.length - 32, value.length);
    }

    private static byte[] checksum(byte[] bytes, int length) {
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(bytes, 0, length);
            return sha.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void share(TieredCache cache, int writer, int rounds, PrintStream out) throws Exception {
        out.println("ready");
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long gets = 0;
        long bad = 0;
        for (int round = 0; round < rounds; round++) {
            int key = random.nextInt(SHARED_KEYS);
            int r = round;
            switch (random.nextInt(3)) {
                case 0 -> cache.put(Namespace.MAP, "k" + key, sharedValue(key, writer, round));
                case 1 -> {
                    gets++;
                    Optional<byte[]> v = cache.get(Namespace.MAP, "k" + key);
                    if (v.isPresent() && !isIntact(v.get(), key)) {
                        bad++;
                    }
                }
                default -> {
                    gets++;
                    byte[] v = cache.getOrCompute(
                                    Namespace.MAP,
                                    "k" + key,
                                    TieredCache.Codec.BYTES,
                                    () -> sharedValue(key, writer, r))
                            .value();
                    if (!isIntact(v, key)) {
                        bad++;
                    }
                }
            }
        }
        out.println("done gets=" + gets + " bad=" + bad + " errors=" + cache.storageErrors());
    }
}
