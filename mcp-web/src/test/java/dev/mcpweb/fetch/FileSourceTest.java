package dev.mcpweb.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpweb.config.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local files through the fetcher's public entry point: roots, real paths, file kinds and limits. */
class FileSourceTest {
    @TempDir
    Path dir;

    private Path root;
    private Path outside;
    private Fetcher fetcher;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectory(dir.resolve("root"));
        outside = Files.writeString(dir.resolve("secret.txt"), "outside the root");
        fetcher = fetcherWith(Map.of("fetcher.allowed_roots", root.toString()));
    }

    @AfterEach
    void tearDown() {
        fetcher.close();
    }

    private static Fetcher fetcherWith(Map<String, String> settings) {
        return Fetcher.create(Config.defaults().with(settings));
    }

    private static FetchOutcome.Refused refused(FetchOutcome outcome) {
        assertThat(outcome).isInstanceOf(FetchOutcome.Refused.class);
        return (FetchOutcome.Refused) outcome;
    }

    @Test
    void aFileInsideARootIsReadByPathOrFileUrl() throws IOException {
        Path page = Files.writeString(root.resolve("notes.md"), "# Notes\n");

        for (String source : new String[] {page.toString(), page.toUri().toString(), "file://" + page}) {
            FetchOutcome outcome = fetcher.fetch(source);
            assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Fetched.class, f -> {
                assertThat(f.result().contentType()).isEqualTo("text/markdown");
                assertThat(new String(f.result().body(), StandardCharsets.UTF_8))
                        .isEqualTo("# Notes\n");
                assertThat(f.result().finalUri().getScheme()).isEqualTo("file");
                assertThat(f.result().status()).isEqualTo(200);
            });
        }
    }

    @Test
    void contentTypesComeFromTheExtension() throws IOException {
        Map<String, String> expected = Map.of(
                "a.html", "text/html",
                "b.htm", "text/html",
                "c.xhtml", "application/xhtml+xml",
                "d.txt", "text/plain",
                "e.json", "application/json",
                "f.xml", "application/xml",
                "g.java", "text/plain",
                "h.markdown", "text/markdown",
                "i.pdf", "application/pdf");
        for (var e : expected.entrySet()) {
            Path file = Files.writeString(root.resolve(e.getKey()), "content");
            assertThat(fetcher.fetch(file.toString()))
                    .isInstanceOfSatisfying(
                            FetchOutcome.Fetched.class,
                            f -> assertThat(f.result().contentType())
                                    .as(e.getKey())
                                    .isEqualTo(e.getValue()));
        }
    }

    @Test
    void aPathOutsideTheRootsIsRefused() {
        FetchOutcome.Refused r = refused(fetcher.fetch(outside.toString()));
        assertThat(r.rule()).isEqualTo("file-roots");
        assertThat(r.message())
                .contains(outside.toString())
                .contains("outside the directories local files may be read from")
                .doesNotContain(root.toString()); // a remote client learns nothing of the server's roots
    }

    @Test
    void withoutConfiguredRootsNoLocalFileIsRead() {
        try (Fetcher byDefault = Fetcher.create(Config.defaults())) {
            String inWorkingDirectory = Path.of("pom.xml").toAbsolutePath().toString();
            for (String source : new String[] {"/etc/passwd", "file:///etc/passwd", inWorkingDirectory}) {
                FetchOutcome.Refused r = refused(byDefault.fetch(source));
                assertThat(r.rule()).isEqualTo("file-roots");
                assertThat(r.message()).contains("fetcher.allowed_roots is empty");
            }
        }
    }

    @Test
    void dotfilesKeysAndCredentialFilesAreRefusedInsideARoot() throws IOException {
        List<Path> secrets = new ArrayList<>();
        for (String name : List.of(
                ".env",
                ".netrc",
                ".git-credentials",
                ".ssh/id_ed25519",
                ".aws/credentials",
                "keys/id_rsa",
                "tls/server.pem",
                "tls/server.key",
                "gcp/credentials.json",
                "docs/.hidden/notes.txt")) {
            Path file = root.resolve(name);
            Files.createDirectories(file.getParent());
            secrets.add(Files.writeString(file, "API_KEY=sk-123"));
        }
        secrets.add(Files.writeString(
                root.resolve("notes.txt"), "\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"));
        secrets.add(Files.createSymbolicLink(root.resolve("innocent.md"), root.resolve(".env")));

        for (Path secret : secrets) {
            FetchOutcome.Refused r = refused(fetcher.fetch(secret.toString()));
            assertThat(r.rule()).as(secret.toString()).isEqualTo("sensitive-file");
            assertThat(r.message()).contains("fetcher.allow_sensitive_files");
        }
        try (Fetcher allowing = fetcherWith(
                Map.of("fetcher.allowed_roots", root.toString(), "fetcher.allow_sensitive_files", "true"))) {
            for (Path secret : secrets) {
                assertThat(allowing.fetch(secret.toString())).isInstanceOf(FetchOutcome.Fetched.class);
            }
        }
    }

    @Test
    void aRootInsideADotDirectoryServesItsOrdinaryFiles() throws IOException {
        Path hiddenRoot = Files.createDirectories(dir.resolve(".local/share/docs"));
        Path page = Files.writeString(hiddenRoot.resolve("guide.md"), "# Guide\n");
        try (Fetcher f = fetcherWith(Map.of("fetcher.allowed_roots", hiddenRoot.toString()))) {
            assertThat(f.fetch(page.toString())).isInstanceOf(FetchOutcome.Fetched.class);
        }
    }

    @Test
    void gzippedFilesAreReadDecompressedUnderTheDecompressionLimit() throws IOException {
        Path gz = root.resolve("notes.md.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("# Notes\n".repeat(1000).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(fetcher.fetch(gz.toString())).isInstanceOfSatisfying(FetchOutcome.Fetched.class, f -> {
            assertThat(f.result().contentType()).isEqualTo("text/markdown");
            assertThat(new String(f.result().body(), StandardCharsets.UTF_8)).startsWith("# Notes\n# Notes");
        });
        try (Fetcher small =
                fetcherWith(Map.of("fetcher.allowed_roots", root.toString(), "fetcher.max_decompressed_size", "1KB"))) {
            assertThat(refused(small.fetch(gz.toString())).message()).contains("fetcher.max_decompressed_size");
        }
    }

    @Test
    void aGzippedFileOfSeveralMembersOrALyingTrailerIsReadWhole() throws IOException {
        byte[] first = "<p>first member</p>\n".repeat(300).getBytes(StandardCharsets.UTF_8);
        byte[] second = "<p>second</p>\n".repeat(2).getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream members = new java.io.ByteArrayOutputStream();
        for (byte[] member : new byte[][] {first, second}) {
            try (var out = new java.util.zip.GZIPOutputStream(members) {
                @Override
                public void close() throws IOException {
                    finish(); // the next member follows in the same stream
                }
            }) {
                out.write(member);
            }
        }
        byte[] gzipped = members.toByteArray();
        Path gz = Files.write(root.resolve("page.html.gz"), gzipped);
        assertThat(fetcher.fetch(gz.toString()))
                .isInstanceOfSatisfying(
                        FetchOutcome.Fetched.class,
                        f -> assertThat(new String(f.result().body(), StandardCharsets.UTF_8))
                                .isEqualTo(new String(first, StandardCharsets.UTF_8)
                                        + new String(second, StandardCharsets.UTF_8)));

        // a trailer claiming 2 GB more sizes no array past deflate's ratio, and the file fails its check as before
        gzipped[gzipped.length - 1] = (byte) 0x7F;
        Files.write(gz, gzipped);
        assertThat(fetcher.fetch(gz.toString())).isInstanceOf(FetchOutcome.Failed.class);
    }

    @Test
    void dotDotCannotEscapeARoot() {
        String escape = root + "/../secret.txt";
        FetchOutcome.Refused r = refused(fetcher.fetch(escape));
        assertThat(r.rule()).isEqualTo("file-roots");
        assertThat(refused(fetcher.fetch("file://" + escape)).rule()).isEqualTo("file-roots");
        assertThat(refused(fetcher.fetch(root.toUri() + "%2e%2e/secret.txt")).rule())
                .isEqualTo("file-roots");
    }

    @Test
    void aSymlinkInsideARootCannotPointOutOfIt() throws IOException {
        Path link = Files.createSymbolicLink(root.resolve("innocent.txt"), outside);
        Path dirLink = Files.createSymbolicLink(root.resolve("sub"), dir);

        FetchOutcome.Refused r = refused(fetcher.fetch(link.toString()));
        assertThat(r.rule()).isEqualTo("file-roots");
        assertThat(r.message()).doesNotContain(outside.toRealPath().toString());
        assertThat(refused(fetcher.fetch(dirLink.resolve("secret.txt").toString()))
                        .rule())
                .isEqualTo("file-roots");
    }

    @Test
    void aSymlinkThatStaysInsideARootIsFollowed() throws IOException {
        Path target = Files.writeString(root.resolve("real.txt"), "real");
        Path link = Files.createSymbolicLink(root.resolve("alias.txt"), target);
        assertThat(fetcher.fetch(link.toString())).isInstanceOf(FetchOutcome.Fetched.class);
    }

    @Test
    void directoriesAreRefused() {
        FetchOutcome.Refused r = refused(fetcher.fetch(root.toString()));
        assertThat(r.rule()).isEqualTo("file-type");
        assertThat(r.message()).contains("is a directory");
    }

    @Test
    void devZeroIsRefusedEvenWhenDevIsAnAllowedRoot() {
        try (Fetcher devFetcher = fetcherWith(Map.of("fetcher.allowed_roots", "/dev"))) {
            FetchOutcome.Refused r = refused(devFetcher.fetch("/dev/zero"));
            assertThat(r.rule()).isEqualTo("file-type");
            assertThat(r.message()).contains("/dev/zero is not a regular file");
        }
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws IOException, InterruptedException {
        Path fifo = root.resolve("pipe.txt");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        assertThat(refused(fetcher.fetch(fifo.toString())).rule()).isEqualTo("file-type");
    }

    @Test
    void aFileOverTheSizeLimitIsRefused() throws IOException {
        Path big = Files.write(root.resolve("big.txt"), new byte[4096]);
        try (Fetcher small =
                fetcherWith(Map.of("fetcher.allowed_roots", root.toString(), "fetcher.max_body_size", "1KB"))) {
            FetchOutcome.Refused r = refused(small.fetch(big.toString()));
            assertThat(r.rule()).isEqualTo("size");
            assertThat(r.message()).contains("fetcher.max_body_size (1 KB)");
        }
    }

    @Test
    void aBinaryFileWithAnUnknownExtensionIsRefused() throws IOException {
        Path blob = Files.write(root.resolve("blob.bin"), new byte[] {0, 1, 2, 3});
        assertThat(refused(fetcher.fetch(blob.toString())).rule()).isEqualTo("content-type");
        Path text = Files.writeString(root.resolve("LICENSE"), "plain words");
        assertThat(fetcher.fetch(text.toString()))
                .isInstanceOfSatisfying(
                        FetchOutcome.Fetched.class,
                        f -> assertThat(f.result().contentType()).isEqualTo("text/plain"));
    }

    @Test
    void aMissingFileFails() {
        assertThat(fetcher.fetch(root.resolve("nope.txt").toString()))
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class, f -> assertThat(f.message()).startsWith("no such file"));
    }

    @Test
    void aFileUrlNamingAnotherHostIsRefused() {
        assertThat(refused(fetcher.fetch("file://fileserver/share/x.txt")).message())
                .contains("names host fileserver");
    }
}
