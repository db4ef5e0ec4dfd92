package dev.mcpweb.fetch;

import dev.mcpweb.config.ConfigException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The SSRF guard. Before a request it checks the scheme and the host as browsers spell it (a literal
 * address is judged at once, in any notation); at connection time {@link GuardedDns} and
 * {@link GuardedSocketFactory} ask it about every address a name resolves to and every socket about
 * to connect. Addresses in {@link AddressRanges} are refused unless {@code fetcher.allowed_hosts}
 * names the host, the address or a range holding it.
 */
final class UrlGuard {
    static final String RULE = "ssrf-guard";
    static final String SCHEME_RULE = "scheme";
    static final String INVALID_RULE = "invalid-url";
    /** {@code scheme:} at the start of a string: what a URL has and a path does not. */
    static final Pattern HAS_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private static final Pattern SCHEME = Pattern.compile("^\\s*([a-zA-Z][a-zA-Z0-9+.-]*):");

    /** The guard's answer before any connection: a URL to request (host in canonical form) or a refusal. */
    sealed interface Verdict permits Allowed, Refusal {}

    record Allowed(HttpUrl url) implements Verdict {}

    private final List<Cidr> allowedRanges;
    private final Set<String> allowedNames;

    /** {@code allowedHosts}: host names, addresses and CIDRs, as in {@code fetcher.allowed_hosts}. */
    UrlGuard(List<String> allowedHosts) {
        List<Cidr> ranges = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String entry : allowedHosts) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            if (e.contains("/")) {
                ranges.add(Cidr.parse(e)
                        .orElseThrow(() -> new ConfigException("invalid value '" + e + "' in fetcher.allowed_hosts "
                                + "(MCP_WEB_FETCHER_ALLOWED_HOSTS): expected a host name, an address or a CIDR "
                                + "such as 10.1.0.0/16")));
                continue;
            }
            HttpUrl parsed = HttpUrl.parse("http://" + (e.contains(":") && !e.startsWith("[") ? "[" + e + "]" : e));
            if (parsed == null) {
                throw new ConfigException("invalid value '" + e + "' in fetcher.allowed_hosts "
                        + "(MCP_WEB_FETCHER_ALLOWED_HOSTS): expected a host name, an address or a CIDR");
            }
            switch (HostSpelling.parse(parsed.host())) {
                case HostSpelling.Address a -> ranges.add(Cidr.of(a.address()));
                case HostSpelling.Name n -> names.add(n.canonical());
                case HostSpelling.Invalid i ->
                    throw new ConfigException("invalid value '" + e + "' in fetcher.allowed_hosts: " + i.reason());
            }
        }
        this.allowedRanges = List.copyOf(ranges);
        this.allowedNames = Set.copyOf(names);
    }

    /** Checks a URL as the user gave it. */
    Verdict check(String url) {
        Matcher scheme = SCHEME.matcher(url);
        if (scheme.find()) {
            String s = scheme.group(1).toLowerCase(Locale.ROOT);
            if (!s.equals("http") && !s.equals("https")) {
                return schemeRefusal(s);
            }
        }
        HttpUrl parsed = HttpUrl.parse(url.strip());
        if (parsed == null) {
            return new Refusal(
                    INVALID_RULE,
                    "invalid URL '" + url.strip() + "': give an http(s) URL, " + "a file: URL or an absolute path");
        }
        return check(parsed);
    }

    /** Checks a parsed URL (a redirect target, say) and puts its host in canonical form. */
    Verdict check(HttpUrl url) {
        String host = url.host();
        return switch (HostSpelling.parse(host)) {
            case HostSpelling.Invalid i -> new Refusal(INVALID_RULE, "invalid URL " + url + ": " + i.reason());
            case HostSpelling.Address a -> {
                Optional<String> why = addressRefusal(a.address());
                if (why.isPresent()) {
                    String canonical = a.address().getHostAddress();
                    String subject = host.equals(canonical) ? canonical + " is " : host + " is " + canonical + ", ";
                    yield new Refusal(RULE, "blocked: " + subject + why.get());
                }
                yield new Allowed(withHost(url, a.canonical()));
            }
            case HostSpelling.Name n -> new Allowed(withHost(url, n.canonical()));
        };
    }

    static Refusal schemeRefusal(String scheme) {
        return new Refusal(
                SCHEME_RULE,
                "blocked: the " + scheme + ": scheme is not fetched; only http, https and local files are");
    }

    /** Refuses a name whose answers include a blocked address (all answers are judged, not just the first). */
    Optional<Refusal> checkResolved(String host, List<InetAddress> answers) {
        if (isAllowedName(host)) {
            return Optional.empty();
        }
        for (InetAddress a : answers) {
            Optional<String> why = addressRefusal(a);
            if (why.isPresent()) {
                return Optional.of(new Refusal(
                        RULE, "blocked: " + host + " resolves to " + a.getHostAddress() + ", " + why.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a socket about to connect to {@code address}. An address our {@code Dns} produced for an
     * allow-listed name carries that name, which lets the name's addresses through.
     */
    Optional<Refusal> checkConnection(InetAddress address, int port) {
        String text = address.toString(); // "name/literal"; never a reverse lookup
        String name = text.substring(0, Math.max(0, text.indexOf('/')));
        if (!name.isEmpty() && isAllowedName(name)) {
            return Optional.empty();
        }
        return addressRefusal(address)
                .map(why -> new Refusal(
                        RULE, "blocked: connection to " + address.getHostAddress() + " port " + port + ", " + why));
    }

    boolean isAllowedName(String host) {
        return !allowedNames.isEmpty()
                && HostSpelling.parse(host) instanceof HostSpelling.Name n
                && allowedNames.contains(n.canonical());
    }

    /** Why the address is refused, or empty when it is public or allow-listed. */
    Optional<String> addressRefusal(InetAddress address) {
        Optional<String> why = AddressRanges.blocked(address);
        if (why.isEmpty()) {
            return why;
        }
        byte[] bytes = address.getAddress();
        for (Cidr c : allowedRanges) {
            if (c.contains(bytes)) {
                return Optional.empty();
            }
        }
        return why;
    }

    private static HttpUrl withHost(HttpUrl url, String host) {
        return url.host().equals(host) ? url : url.newBuilder().host(host).build();
    }
}
