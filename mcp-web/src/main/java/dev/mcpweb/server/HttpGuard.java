package dev.mcpweb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpweb.config.Secret;
import dev.mcpweb.config.ServerConfig;
import dev.mcpweb.limit.Limits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Everything an HTTP request passes before the MCP endpoint, in order: DNS-rebinding protection
 * (the {@code Host} must be a loopback name when the server listens on loopback, and a browser's
 * {@code Origin} must be loopback or listed in {@code server.allowed_origins}), the bearer token when
 * one is configured, the per-client rate limit (clients behind a trusted proxy told apart by
 * {@link ClientAddress}), the body cap, the {@link JsonRpcCheck} and the
 * {@link MessageTap} over request bodies. {@code /health} passes without checks so that load
 * balancers can probe it. Routes are told apart by the servlet the request is dispatched to, not by
 * how its path is spelled, so {@code /./mcp} or {@code /%6dcp} are guarded as {@code /mcp} is.
 */
final class HttpGuard extends HttpFilter {
    static final int MAX_BODY = 4 * 1024 * 1024;
    /** Servlet names, by which requests are routed here. */
    static final String MCP = "mcp";

    static final String HEALTH = "health";
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private final boolean loopbackOnly;
    private final Optional<byte[]> token;
    private final List<String> allowedOrigins;
    private final RateLimiter limiter;
    private final ClientAddress clients;
    private final MessageTap tap;
    private final ObjectMapper json;
    private final JsonRpcCheck check;

    HttpGuard(ServerConfig config, Limits limits, boolean loopbackOnly, MessageTap tap, ObjectMapper json) {
        this.loopbackOnly = loopbackOnly;
        this.token = config.authToken().map(Secret::reveal).map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.allowedOrigins =
                config.allowedOrigins().stream().map(HttpGuard::normalize).toList();
        this.limiter = new RateLimiter(config.rateLimit(), limits);
        this.clients = new ClientAddress(config.trustedProxies());
        this.tap = tap;
        this.json = json;
        this.check = new JsonRpcCheck(json);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String servlet = request.getHttpServletMapping().getServletName();
        if (servlet.equals(HEALTH)) {
            chain.doFilter(request, response);
            return;
        }
        if (loopbackOnly && !isLoopbackHost(hostOf(request.getHeader("Host")))) {
            refuse(
                    response,
                    403,
                    "Host header " + request.getHeader("Host") + " is not a loopback name; this "
                            + "server listens on loopback only (DNS-rebinding protection)");
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !originAllowed(origin)) {
            refuse(
                    response,
                    403,
                    "Origin " + origin + " is not allowed; add it to server.allowed_origins "
                            + "(MCP_WEB_SERVER_ALLOWED_ORIGINS) to let that web page connect");
            return;
        }
        if (token.isPresent() && !authorized(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"mcp-web\"");
            refuse(
                    response,
                    401,
                    "missing or wrong bearer token: send 'Authorization: Bearer <token>' with the "
                            + "token configured in server.auth_token (MCP_WEB_SERVER_AUTH_TOKEN)");
            return;
        }
        if (!servlet.equals(MCP)) {
            chain.doFilter(request, response);
            return;
        }
        String client = clients.of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
        OptionalLong wait = limiter.take(client);
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
            refuse(
                    response,
                    429,
                    "rate limit of server.rate_limit requests a minute exceeded; retry after " + wait.getAsLong()
                            + " s");
            return;
        }
        if (!request.getMethod().equals("POST")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            refuse(response, 413, "request body over " + MAX_BODY / (1024 * 1024) + " MB");
            return;
        }
        Optional<JsonRpcCheck.Refusal> malformed = check.check(body);
        if (malformed.isPresent()) {
            JsonRpcCheck.Refusal refusal = malformed.get();
            answer(response, refusal.status(), refusal.id(), refusal.code(), refusal.message());
            return;
        }
        String connection =
                Optional.ofNullable(request.getHeader("Mcp-Session-Id")).orElse("");
        byte[] tapped = tap.inbound(connection, body).orElse(body);
        chain.doFilter(new BodyRequest(request, tapped), response);
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.orElseThrow());
    }

    private boolean originAllowed(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && isLoopbackHost(uri.getHost())) {
                return true;
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return allowedOrigins.contains(normalize(origin));
    }

    /** The host part of a {@code Host} header ({@code name}, {@code name:port}, {@code [v6]:port}). */
    static String hostOf(String header) {
        if (header == null) {
            return "";
        }
        String h = header.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /** Loopback by its literal form only: no DNS lookup of names a client sent. */
    static boolean isLoopbackHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || h.equals("[::1]")
                || h.equals("::1")
                || LOOPBACK_V4.matcher(h).matches();
    }

    private static String normalize(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }

    private void refuse(HttpServletResponse response, int status, String message) throws IOException {
        answer(response, status, NullNode.getInstance(), -32000, message);
    }

    private void answer(HttpServletResponse response, int status, JsonNode id, int code, String message)
            throws IOException {
        ObjectNode error = json.createObjectNode().put("jsonrpc", "2.0");
        error.set("id", id);
        error.putObject("error").put("code", code).put("message", message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(error));
    }

    /** The request with its body read once and replaced by the tapped bytes. */
    private static final class BodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was already read");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
