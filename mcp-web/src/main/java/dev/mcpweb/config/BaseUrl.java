package dev.mcpweb.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API base URL that may carry credentials, as {@code https://user:pass@host/v1?api_key=…} does:
 * {@link #address()} is the URL without them (what request paths are appended to), {@link #query()}
 * and {@link #userInfo()} are kept apart to be added to every request, {@link #masked()} is the form
 * to show, and {@link #secrets()} the values to scrub from any text.
 */
public record BaseUrl(String address, String query, Optional<String> userInfo) {
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/?#@]*@");
    private static final Pattern QUERY_VALUE = Pattern.compile("([?&][^=&#]*=)([^&#]*)");

    /** Splits {@code raw}; a URL that does not parse keeps its text as the address, with nothing apart. */
    public static BaseUrl parse(String raw) {
        String url = raw.strip();
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return new BaseUrl(url, "", Optional.empty());
            }
            String hostAndPort =
                    uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return new BaseUrl(
                    uri.getScheme() + "://" + hostAndPort + path,
                    Optional.ofNullable(uri.getRawQuery()).orElse(""),
                    Optional.ofNullable(uri.getRawUserInfo()));
        } catch (URISyntaxException e) {
            return new BaseUrl(url, "", Optional.empty());
        }
    }

    /** {@code raw} with its user-info and every query value replaced by {@code ****}. */
    public static String mask(String raw) {
        String userMasked = USER_INFO.matcher(raw).replaceAll("****@");
        return QUERY_VALUE.matcher(userMasked).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + "****");
    }

    /** The URL to show: the address with ****@ for user-info and **** for each query value. */
    public String masked() {
        String shown = userInfo.isPresent() ? address.replaceFirst("://", "://****@") : address;
        return query.isEmpty() ? shown : mask(shown + "?" + query);
    }

    /** The credentials in the URL, raw and decoded: the user-info, its password, each query value. */
    public List<String> secrets() {
        List<String> out = new ArrayList<>();
        userInfo.ifPresent(info -> {
            out.add(info);
            int colon = info.indexOf(':');
            if (colon >= 0) {
                out.add(info.substring(colon + 1));
            }
        });
        Matcher m = QUERY_VALUE.matcher("?" + query);
        while (m.find()) {
            out.add(m.group(2));
        }
        List<String> decoded = out.stream().map(BaseUrl::decoded).toList();
        out.addAll(decoded);
        return out.stream().filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String decoded(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
