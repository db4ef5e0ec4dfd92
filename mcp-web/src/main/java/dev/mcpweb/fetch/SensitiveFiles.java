package dev.mcpweb.fetch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells the files a root may hold but nobody meant to publish: dotfiles and anything under a
 * dot-directory ({@code .env}, {@code .netrc}, {@code .git-credentials}, {@code .ssh/}, {@code .aws/}…),
 * private keys by name ({@code id_rsa}, {@code *.pem}, {@code *.key}…), credential files, and files
 * whose content starts like a PEM private key whatever they are called.
 */
final class SensitiveFiles {
    static final String RULE = "sensitive-file";

    private static final Set<String> NAMES = Set.of(
            "id_rsa",
            "id_dsa",
            "id_ecdsa",
            "id_ed25519",
            "id_ecdsa_sk",
            "id_ed25519_sk",
            "credentials",
            "credentials.json",
            "client_secret.json",
            "service-account.json");
    private static final Set<String> EXTENSIONS = Set.of("pem", "key", "p12", "pfx", "jks", "keystore");
    /** {@code -----BEGIN RSA PRIVATE KEY-----}, {@code OPENSSH}, {@code ENCRYPTED}, PGP's key block… */
    private static final Pattern PRIVATE_KEY =
            Pattern.compile("^-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----");

    private SensitiveFiles() {}

    /** Whether {@code relative}, a path below a root, names a dotfile, lies in a dot-directory or names a key. */
    static boolean byName(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        Path file = relative.getFileName();
        if (file == null) {
            return false;
        }
        String name = file.toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return NAMES.contains(name) || (dot > 0 && EXTENSIONS.contains(name.substring(dot + 1)));
    }

    /** Whether {@code body} starts (after white space) like a PEM or PGP private key. */
    static boolean byContent(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 128), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "")
                .stripLeading();
        return PRIVATE_KEY.matcher(head).lookingAt();
    }

    static Refusal refusal(String source) {
        return new Refusal(
                RULE,
                "refused: " + source + " looks like a private or credential file (a dotfile, a file in a"
                        + " dot-directory, a private key or credentials); set fetcher.allow_sensitive_files=true"
                        + " to read such files");
    }
}
