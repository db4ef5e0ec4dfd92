package dev.mcpweb.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.mcpweb.config.Config;
import dev.mcpweb.config.ServerConfig;
import dev.mcpweb.limit.Limits;
import dev.mcpweb.pipeline.Pipeline;
import dev.mcpweb.search.WebSearch;
import dev.mcpweb.work.CpuPool;
import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * mcp-web as an MCP server: the tools {@code summarize_urls}, {@code fetch_url}, {@code map_site},
 * {@code crawl_site}, {@code search_web} (when a search provider is configured), {@code get_cache_stats},
 * {@code clear_cache} and {@code prune_cache} over the {@link Pipeline}, served on stdio ({@link #serveStdio}) or Streamable HTTP ({@link #serveHttp}). Tool calls run on
 * virtual threads, at most {@code server.max_concurrent_tools} at once.
 */
public final class McpWebServer implements AutoCloseable {
    private static final String INSTRUCTIONS = """
            mcp-web reads the web for you, safely. summarize_urls gives a short cited summary of one or more \
            pages (add a query to get an answer focused on it); fetch_url gives a page's main content as \
            Markdown, in pages when it is long; map_site lists a site's URLs; crawl_site reads a site for a \
            question and answers it from the pages that do, with citations%s. Private and local addresses \
            are refused, and robots.txt is obeyed.""";
    private static final String SEARCH_INSTRUCTIONS =
            "; search_web searches the web (and with summarize: true answers from the results)";

    /** Connections the kernel may queue before they are accepted (the JVM's default is 50). */
    private static final int ACCEPT_BACKLOG = 1024;

    private final Config config;
    private final PipelineStartup pipelines;
    private final String version;
    private final ObjectMapper objectMapper =
            new ObjectMapper().registerModule(new SimpleModule().addSerializer(new McpErrorJson()));
    private final McpJsonMapper json = new JacksonMcpJsonMapper(objectMapper);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final InFlightCalls calls;
    private final MessageTap tap;
    private final WebSearch search;

    private McpWebServer(Config config, Function<MeterRegistry, Pipeline> pipeline, String version) {
        this.config = config;
        this.version = version;
        this.calls = new InFlightCalls(config.server().maxConcurrentTools());
        this.tap = new MessageTap(objectMapper, calls);
        this.pipelines = new PipelineStartup(pipeline, executor);
        this.search = WebSearch.of(config.search());
    }

    /**
     * A server with the tools over the pipeline that {@code pipeline} builds (given the registry that
     * {@code /metrics} shows); it is built in the background and closed with the server, so that
     * {@code initialize} is answered without waiting for it. {@code version} is reported to clients.
     * Nothing starts until {@link #serveStdio} or {@link #serveHttp}.
     */
    public static McpWebServer create(Config config, Function<MeterRegistry, Pipeline> pipeline, String version) {
        return new McpWebServer(config, pipeline, version);
    }

    /**
     * Serves one client on {@code in}/{@code out} (newline-delimited JSON-RPC) until {@code in} ends,
     * then returns once the responses to every request read have been written.
     */
    public void serveStdio(InputStream in, OutputStream out) throws InterruptedException {
        Duration drain = config.summarizer().deadline().plusSeconds(5);
        StdioChannel channel = new StdioChannel(in, out, objectMapper, tap, drain, pipelines::start);
        McpAsyncServer server = build(
                McpServer.async(new StdioServerTransportProvider(json, channel.input(), channel.output())),
                Tools.Recorder.NONE);
        try {
            channel.awaitEnd();
        } finally {
            server.close();
        }
    }

    /**
     * Starts the Streamable HTTP transport on {@code host}:{@code port} (0 picks a free port): MCP at
     * {@code /mcp}, {@code /health} and Prometheus {@code /metrics}.
     *
     * @throws IllegalStateException when {@code host} is not loopback and no bearer token is configured
     * @throws IllegalArgumentException when {@code host} is neither an address nor a name that resolves
     * @throws IOException when it cannot listen there (the port is taken, no permission)
     */
    public HttpEndpoint serveHttp(String host, int port) throws Exception {
        ServerConfig server = config.server();
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot listen on " + host
                    + ": not an address or a host name that resolves; check --host " + "(server.host)");
        }
        boolean loopback = address.isLoopbackAddress();
        if (!loopback && server.authToken().isEmpty()) {
            throw new IllegalStateException("refusing to listen on " + host + " without a bearer token: anyone "
                    + "who can reach it could use this server. Set MCP_WEB_SERVER_AUTH_TOKEN (clients then send "
                    + "'Authorization: Bearer <token>'), or listen on 127.0.0.1");
        }
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint("/mcp")
                .securityValidator(ServerTransportSecurityValidator.NOOP) // HttpGuard checks Host and Origin
                .maxRequestSize(HttpGuard.MAX_BODY)
                .keepAliveInterval(Duration.ofSeconds(30))
                .build();
        ServerMetrics metrics = new ServerMetrics(
                pipelines.meters(),
                calls::active,
                () -> pipelines
                        .now()
                        .orElseThrow(() -> new IllegalStateException("pipeline not ready"))
                        .cacheStats());
        McpAsyncServer mcp = build(McpServer.async(transport), metrics);

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("mcp-web-http");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(ACCEPT_BACKLOG);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.setErrorHandler(new JsonErrorPage());
        ServletHolder endpoint = new ServletHolder(HttpGuard.MCP, transport);
        endpoint.setAsyncSupported(true);
        context.addServlet(endpoint, "/mcp");
        // The per-client limit, shared by the replicas when the cache is on Redis.
        Limits clientLimits = Limits.of(config.cache());
        context.addServlet(new ServletHolder(HttpGuard.HEALTH, new Health(clientLimits)), "/health");
        context.addServlet(new ServletHolder("metrics", new Metrics(metrics)), "/metrics");
        FilterHolder guard = new FilterHolder(new HttpGuard(server, clientLimits, loopback, tap, objectMapper));
        guard.setAsyncSupported(true);
        context.addFilter(guard, "/*", EnumSet.of(DispatcherType.REQUEST));
        HeaderDeadline deadline = new HeaderDeadline(server.headerTimeout(), context);
        connector.addEventListener(deadline);
        jetty.setHandler(deadline);
        try {
            connector.open(); // binding first fails without Jetty's lifecycle logging a stack trace
            jetty.start();
        } catch (Exception e) {
            mcp.close();
            jetty.stop();
            clientLimits.close();
            throw new IOException("cannot listen on " + host + ":" + port + " (" + reason(e)
                    + "); pick another --port or stop what uses it");
        }
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        URI uri = URI.create("http://" + shownHost + ":" + connector.getLocalPort() + "/mcp");
        return new HttpEndpoint(uri, jetty, mcp, clientLimits);
    }

    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private McpAsyncServer build(McpServer.AsyncSpecification<?> spec, Tools.Recorder metrics) {
        return spec.serverInfo("mcp-web", version)
                .instructions(INSTRUCTIONS.formatted(WebSearch.configured(config.search()) ? SEARCH_INSTRUCTIONS : ""))
                .capabilities(
                        ServerCapabilities.builder().tools(false).logging().build())
                .jsonMapper(json)
                .validateToolInputs(false) // Arguments checks them, with messages a model can act on
                // No tool declares an output schema, so nothing is left to validate; the SDK's default
                // validator would load a JSON-schema library (~170 classes) at every start for nothing.
                .jsonSchemaValidator((schema, content) -> JsonSchemaValidator.ValidationResponse.asValid(null))
                .requestTimeout(config.summarizer().timeout())
                .tools(new Tools(config, pipelines, search, calls, metrics, json, executor).specifications())
                .build();
    }

    @Override
    public void close() {
        pipelines.close();
        search.close();
        executor.shutdownNow();
    }

    /** A running Streamable HTTP server; closing it stops listening and ends every session. */
    public static final class HttpEndpoint implements AutoCloseable {
        private final URI uri;
        private final Server jetty;
        private final McpAsyncServer server;
        private final Limits clientLimits;

        private HttpEndpoint(URI uri, Server jetty, McpAsyncServer server, Limits clientLimits) {
            this.uri = uri;
            this.jetty = jetty;
            this.server = server;
            this.clientLimits = clientLimits;
        }

        /** The MCP endpoint, e.g. {@code http://127.0.0.1:8765/mcp}. */
        public URI uri() {
            return uri;
        }

        /** Blocks until the server stops. */
        public void join() throws InterruptedException {
            jetty.join();
        }

        @Override
        public void close() throws Exception {
            server.close();
            jetty.stop();
            clientLimits.close();
        }
    }

    /**
     * {@code /health}: always 200 while the server runs, so that a load balancer does not take a busy
     * replica (and its sessions) out of rotation; {@code status} is {@code saturated} when a new tool
     * call would be answered busy (every tool slot taken, or the CPU pool's threads and queue full), and
     * {@code degraded} when the shared cache (Redis) is unreachable and this replica serves from its memory
     * tier alone (it still answers every call; it only repeats work other replicas may have done), or
     * when the rate limits meant to be shared through Redis are counted by this replica alone.
     */
    private final class Health extends HttpServlet {
        private final Limits clientLimits;

        Health(Limits clientLimits) {
            this.clientLimits = clientLimits;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            CpuPool.Load cpu = pipelines
                    .now()
                    .map(Pipeline::cpuLoad)
                    .orElse(new CpuPool.Load(
                            config.server().cpuThreads(), 0, 0, config.server().cpuQueue()));
            boolean saturated = calls.active() >= calls.limit() || cpu.full();
            boolean cacheDegraded = pipelines.now().map(Pipeline::cacheDegraded).orElse(false);
            boolean limitsDegraded = clientLimits.degraded()
                    || pipelines.now().map(Pipeline::limitsDegraded).orElse(false);
            Map<String, Object> health = new LinkedHashMap<>();
            health.put("status", saturated ? "saturated" : cacheDegraded || limitsDegraded ? "degraded" : "ok");
            health.put("cache", cacheDegraded ? "degraded" : "ok");
            health.put("limits", limitsDegraded ? "degraded" : "ok");
            health.put("version", version);
            health.put("active_tool_calls", calls.active());
            health.put("max_tool_calls", calls.limit());
            health.put("cpu_threads", cpu.threads());
            health.put("cpu_busy", cpu.busy());
            health.put("cpu_queued", cpu.queued());
            health.put("cpu_queue_capacity", cpu.queueCapacity());
            response.setContentType("application/json");
            response.getWriter().write(objectMapper.writeValueAsString(health));
        }
    }

    private static final class Metrics extends HttpServlet {
        private final ServerMetrics metrics;

        Metrics(ServerMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain; version=0.0.4; charset=utf-8");
            response.getWriter().write(metrics.scrape());
        }
    }
}
