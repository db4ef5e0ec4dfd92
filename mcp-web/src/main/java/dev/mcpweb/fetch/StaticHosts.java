package dev.mcpweb.fetch;

import dev.mcpweb.config.ConfigException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.Dns;

/**
 * Fixed answers for host names ({@code fetcher.resolve}, {@code host=address} pairs), asked before the
 * delegate as curl's {@code --resolve} is. The answers go on to the guard like any other, so a name
 * pointed at a private address is still refused unless {@code fetcher.allowed_hosts} lets it through.
 */
final class StaticHosts implements Dns {
    /** Address literals only: a name here would be looked up by the system resolver, past the hook. */
    private static final Pattern LITERAL =
            Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*]?");

    private final Map<String, InetAddress> answers;
    private final Dns delegate;

    private StaticHosts(Map<String, InetAddress> answers, Dns delegate) {
        this.answers = answers;
        this.delegate = delegate;
    }

    /** {@code delegate} itself when {@code entries} is empty. */
    static Dns over(List<String> entries, Dns delegate) {
        if (entries.isEmpty()) {
            return delegate;
        }
        Map<String, InetAddress> answers = new HashMap<>();
        for (String entry : entries) {
            String[] parts = entry.split("=", 2);
            String address = parts.length == 2 ? parts[1].strip() : "";
            if (parts[0].isBlank() || !LITERAL.matcher(address).matches()) {
                throw new ConfigException("invalid value '" + entry + "' in fetcher.resolve: expected host=address"
                        + " with an IP address literal, e.g. docs.test=127.0.0.1");
            }
            try {
                String bare = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
                answers.put(parts[0].strip().toLowerCase(Locale.ROOT), InetAddress.getByName(bare));
            } catch (UnknownHostException e) {
                throw new ConfigException(
                        "invalid address in fetcher.resolve entry '" + entry + "': " + e.getMessage());
            }
        }
        return new StaticHosts(Map.copyOf(answers), delegate);
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        InetAddress fixed = answers.get(hostname.toLowerCase(Locale.ROOT));
        return fixed != null ? List.of(fixed) : delegate.lookup(hostname);
    }
}
