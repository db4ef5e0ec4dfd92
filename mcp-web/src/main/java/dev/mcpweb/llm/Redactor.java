package dev.mcpweb.llm;

import dev.mcpweb.config.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Removes secrets (the API key, credentials in the base URL) from any text that may reach a log or a
 * user: error bodies, messages. A server may echo a secret as it was sent, URL-encoded, or inside
 * base64 (a Basic authorization header, a token it decoded), so each form is scrubbed; in base64 a
 * secret's characters depend on where it starts in the encoded bytes, so all three alignments are.
 */
record Redactor(List<String> forms) {
    private static final String MASK = "****";
    /** Shorter values (a user name like "u") would blank ordinary words out of messages. */
    private static final int MIN_SECRET = 4;
    /** Base64 fragments shorter than this are too likely to occur by chance. */
    private static final int MIN_FRAGMENT = 6;

    Redactor {
        forms = List.copyOf(forms);
    }

    static Redactor of(Optional<Secret> key, List<String> otherSecrets) {
        List<String> secrets = new ArrayList<>(otherSecrets);
        key.map(Secret::reveal).ifPresent(secrets::add);
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret.length() < MIN_SECRET) {
                continue;
            }
            forms.add(secret);
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
            forms.addAll(base64Fragments(secret.getBytes(StandardCharsets.UTF_8)));
        }
        // Longest first, so a form that contains another is replaced whole.
        return new Redactor(forms.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList());
    }

    static Redactor none() {
        return new Redactor(List.of());
    }

    String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String form : forms) {
            out = out.replace(form, MASK);
        }
        return out;
    }

    /**
     * The characters of {@code secret}'s base64 encoding that do not depend on the bytes around it, for
     * each of the three offsets at which it can start, in the standard and the URL-safe alphabet.
     */
    private static List<String> base64Fragments(byte[] secret) {
        List<String> out = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            byte[] padded = new byte[offset + secret.length];
            System.arraycopy(secret, 0, padded, offset, secret.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(padded);
            int from = (8 * offset + 5) / 6; // the first character made only of the secret's bits
            int to = 8 * (offset + secret.length) / 6; // past the last such character
            if (to - from >= MIN_FRAGMENT) {
                String fragment = encoded.substring(from, to);
                out.add(fragment);
                out.add(fragment.replace('+', '-').replace('/', '_'));
            }
        }
        return out;
    }
}
