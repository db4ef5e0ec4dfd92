// Drives mcp-web with the official MCP TypeScript SDK client, over stdio or Streamable HTTP.
// Usage: node clients.mjs stdio|http [protocol|tools|concurrency ...]
//   protocol     initialize, tools and their input and output schemas, ping, logging/setLevel, isError for bad arguments
//   tools        every tool against pages on 127.0.0.1, structuredContent validated against outputSchema: content, paging, summaries, progress,
//                logging, cancellation of a long summary, isError for a blocked URL (needs the pipeline)
//   concurrency  50 tool calls at once over HTTP, all succeed, memory stays bounded (needs the pipeline)
// Exits 0 when every check passed; prints one line per check.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CreateMessageRequestSchema, LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { Checks, assert, text, startPages, serverEnv, startHttpServer, serverCommand, rssMb, ARTICLE_ONE, ARTICLE_TWO } from './lib.mjs';

const transportKind = process.argv[2];
const suites = process.argv.slice(3).length ? process.argv.slice(3) : ['protocol', 'tools'];
if (!['stdio', 'http'].includes(transportKind)) {
  console.error('usage: node clients.mjs stdio|http [protocol|tools|concurrency ...]');
  process.exit(2);
}

const pages = await startPages();
// The concurrency suite puts 50 calls in flight at once: the server takes them all (beyond
// server.max_concurrent_tools it answers "busy" at once, which CpuIsolationTest covers).
const env = serverEnv({ MCP_WEB_SERVER_MAX_CONCURRENT_TOOLS: '64' });
let http = null;
const logs = [];

async function connect() {
  const client = new Client({ name: 'mcp-web-tests', version: '1.0.0' }, { capabilities: {} });
  client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => logs.push(n.params));
  if (transportKind === 'stdio') {
    await client.connect(new StdioClientTransport({ command: serverCommand[0], args: [...serverCommand.slice(1), 'serve'], env, stderr: 'inherit' }));
  } else {
    http ??= await startHttpServer(env);
    await client.connect(new StreamableHTTPClientTransport(new URL(http.url)));
  }
  return client;
}

/** A client that offers its own model (sampling) to a server configured to use it. */
async function connectSampling(onSample) {
  const client = new Client({ name: 'mcp-web-sampling-tests', version: '1.0.0' }, { capabilities: { sampling: {} } });
  client.setRequestHandler(CreateMessageRequestSchema, async (request) => onSample(request.params));
  const samplingEnv = { ...env, MCP_WEB_SUMMARIZER_PROVIDER: 'sampling' };
  if (transportKind === 'stdio') {
    await client.connect(new StdioClientTransport({ command: serverCommand[0], args: [...serverCommand.slice(1), 'serve'], env: samplingEnv, stderr: 'inherit' }));
    return { client, stop: async () => {} };
  }
  const server = await startHttpServer(samplingEnv);
  await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
  return { client, stop: server.stop };
}

const checks = new Checks(`${transportKind}`);
const client = await connect();
const call = (name, args, options) => client.callTool({ name, arguments: args }, undefined, options);

if (suites.includes('protocol')) {
  await checks.check('initialize reports mcp-web with tools and logging', async () => {
    const info = client.getServerVersion();
    assert(info.name === 'mcp-web', `server name ${info.name}`);
    const caps = client.getServerCapabilities();
    assert(caps.tools && caps.logging, `capabilities ${JSON.stringify(caps)}`);
    assert((client.getInstructions() ?? '').includes('summarize_urls'), 'instructions mention the tools');
  });

  await checks.check('tools/list offers the seven tools with described schemas (search_web needs a provider)', async () => {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name).sort();
    assert(JSON.stringify(names) === JSON.stringify(['clear_cache', 'crawl_site', 'fetch_url', 'get_cache_stats', 'map_site', 'prune_cache', 'summarize_urls']), `tools ${names}`);
    for (const t of tools) {
      assert(t.description.length > 40, `${t.name} has a real description`);
      assert(t.inputSchema.type === 'object', `${t.name} schema is an object`);
      for (const [prop, schema] of Object.entries(t.inputSchema.properties ?? {})) {
        assert((schema.description ?? '').length > 10, `${t.name}.${prop} is described`);
      }
    }
    const summarize = tools.find((t) => t.name === 'summarize_urls');
    assert(summarize.inputSchema.required.includes('urls'), 'summarize_urls requires urls');
    assert(summarize.inputSchema.properties.urls.type === 'array', 'urls is an array');
    const fetch = tools.find((t) => t.name === 'fetch_url');
    assert(['url', 'format', 'start_index', 'max_length'].every((p) => p in fetch.inputSchema.properties), 'fetch_url paging arguments');
    assert(fetch.inputSchema.properties.max_length.default === 20000, 'max_length defaults to 20000');
    assert(tools.find((t) => t.name === 'clear_cache').annotations.destructiveHint === true, 'clear_cache is marked destructive');
  });

  await checks.check('every tool publishes an outputSchema for its structuredContent', async () => {
    const { tools } = await client.listTools();
    for (const t of tools) {
      assert(t.outputSchema?.type === 'object', `${t.name} has an object outputSchema`);
      assert(Object.keys(t.outputSchema.properties ?? {}).length > 0, `${t.name} outputSchema has properties`);
    }
    const summarize = tools.find((t) => t.name === 'summarize_urls');
    assert(summarize.inputSchema.properties.mode.enum.join() === 'parallel,streaming,sequential', 'modes from the code');
    assert('llm_calls' in summarize.outputSchema.properties.stats.properties, 'snake_case stats');
  });

  await checks.check('ping answers', async () => { await client.ping(); });

  await checks.check('logging/setLevel is accepted', async () => { await client.setLoggingLevel('debug'); });

  await checks.check('bad arguments give isError results that name the argument', async () => {
    const cases = [
      ['fetch_url', {}, /'url' is required/],
      ['fetch_url', { url: `${pages.base}/one`, max_length: -5 }, /max_length/],
      ['fetch_url', { url: `${pages.base}/one`, format: 'pdf' }, /format.*markdown.*text/],
      ['fetch_url', { url: `${pages.base}/one`, bogus: 1 }, /unknown argument.*bogus/],
      ['summarize_urls', { urls: [] }, /urls/],
      ['summarize_urls', { urls: [`${pages.base}/one`], mode: 'fastest' }, /mode/],
      ['summarize_urls', { urls: [`${pages.base}/one`], max_length: 'long' }, /max_length/],
      ['clear_cache', { namespace: 'everything' }, /namespace/],
    ];
    for (const [tool, args, pattern] of cases) {
      const result = await call(tool, args);
      assert(result.isError === true, `${tool} ${JSON.stringify(args)} is an error`);
      assert(pattern.test(text(result)), `${tool} ${JSON.stringify(args)}: message "${text(result)}" matches ${pattern}`);
    }
  });

  await checks.check('an unknown tool is a protocol error, and the server carries on', async () => {
    let rejected = false;
    try { await call('no_such_tool', {}); } catch { rejected = true; }
    assert(rejected, 'unknown tool rejected');
    await client.ping();
  });
}

if (suites.includes('tools')) {
  // Listing the tools makes the SDK client validate every structuredContent below against its
  // tool's outputSchema: a result that does not match fails the call.
  const { tools: listed } = await client.listTools();
  assert(listed.every((t) => t.outputSchema), 'every tool has an outputSchema');
  await checks.check('fetch_url returns the main content as Markdown with the title', async () => {
    const result = await call('fetch_url', { url: `${pages.base}/one` });
    assert(!result.isError, `not an error: ${text(result)}`);
    const t = text(result);
    assert(t.includes(ARTICLE_ONE.title), 'title present');
    assert(t.includes('Alan Stevenson designed the tower'), 'body present');
    assert(!t.includes('Copyright the coast society'), 'footer removed');
    assert(result.structuredContent.title === ARTICLE_ONE.title, 'structured title');
  });

  await checks.check('fetch_url pages long content with start_index', async () => {
    const whole = await call('fetch_url', { url: `${pages.base}/long`, format: 'text', max_length: 1000000 });
    assert(!whole.isError, text(whole));
    const total = whole.structuredContent.total_length;
    assert(total > 3000, `long page has ${total} characters`);
    let start = 0; let joined = ''; let rounds = 0;
    while (true) {
      const page = await call('fetch_url', { url: `${pages.base}/long`, format: 'text', start_index: start, max_length: 1500 });
      assert(!page.isError, text(page));
      joined += page.structuredContent.content;
      rounds++;
      if (!page.structuredContent.truncated) break;
      assert(text(page).includes(`start_index=${page.structuredContent.next_start_index}`), 'says where to continue');
      start = page.structuredContent.next_start_index;
    }
    assert(rounds >= 3, `took ${rounds} pages`);
    assert(joined === whole.structuredContent.content, 'pages join up to the whole');
    const past = await call('fetch_url', { url: `${pages.base}/long`, start_index: total + 10 });
    assert(past.isError && /past the end/.test(text(past)), 'start_index past the end is an error');
  });

  await checks.check('summarize_urls summarizes two pages with citations, sources and statistics', async () => {
    const result = await call('summarize_urls', { urls: [`${pages.base}/one`, `${pages.base}/two`], query: 'When was the lighthouse automated?' });
    assert(!result.isError, text(result));
    const s = result.structuredContent;
    assert(s.sources.length === 2, `two sources: ${JSON.stringify(s.sources)}`);
    assert(/\[\d\]/.test(s.summary), 'the summary cites [n]');
    assert(s.stats.provider && s.stats.elapsed_ms >= 0, `stats ${JSON.stringify(s.stats)}`);
    assert(/1988/.test(text(result)), 'answers the query');
  });

  await checks.check('progress notifications arrive while summarizing', async () => {
    const progress = [];
    const result = await call('summarize_urls', { urls: [`${pages.base}/two`], mode: 'streaming', max_length: 50 },
      { onprogress: (p) => progress.push(p) });
    assert(!result.isError, text(result));
    assert(progress.length >= 2, `got ${progress.length} progress notifications`);
    for (let i = 1; i < progress.length; i++) assert(progress[i].progress > progress[i - 1].progress, 'progress grows');
  });

  await checks.check('log messages follow logging/setLevel', async () => {
    await client.setLoggingLevel('error');
    logs.length = 0;
    await call('summarize_urls', { urls: [`${pages.base}/one`, 'http://127.0.0.2:9/blocked'] });
    assert(!logs.some((l) => ['debug', 'info', 'notice', 'warning'].includes(l.level)), `no messages below error: ${JSON.stringify(logs)}`);
    await client.setLoggingLevel('info');
    await call('summarize_urls', { urls: [`${pages.base}/two`, 'http://127.0.0.2:9/blocked'] });
    assert(logs.some((l) => l.level === 'info' || l.level === 'warning'), `info and warnings arrive: ${JSON.stringify(logs)}`);
  });

  await checks.check('a blocked URL is an isError result that says why', async () => {
    const result = await call('fetch_url', { url: 'http://127.0.0.2:9/private' });
    assert(result.isError === true, 'is an error');
    assert(/refus|block|not allowed|private|loopback/i.test(text(result)), `explains: ${text(result)}`);
    const summary = await call('summarize_urls', { urls: ['http://127.0.0.2:9/private'] });
    assert(summary.isError === true, `summary of only blocked sources is an error: ${text(summary)}`);
  });

  await checks.check('the cache tools report, clear and prune', async () => {
    const stats = await call('get_cache_stats', {});
    assert(!stats.isError, text(stats));
    assert(typeof stats.structuredContent.namespaces === 'object', 'namespaces reported');
    const cleared = await call('clear_cache', { namespace: 'summary' });
    assert(!cleared.isError && typeof cleared.structuredContent.removed === 'number', text(cleared));
    const pruned = await call('prune_cache', {});
    assert(!pruned.isError && typeof pruned.structuredContent.removed === 'number', text(pruned));
  });

  await checks.check('with provider=sampling, summaries are written by the client model', async () => {
    const requests = [];
    const { client: sampler, stop } = await connectSampling((params) => {
      requests.push(params);
      return { role: 'assistant', content: { type: 'text', text: 'The light at Ardnamurchan was automated in 1988 [1].' }, model: 'test-model', stopReason: 'endTurn' };
    });
    try {
      const result = await sampler.callTool({ name: 'summarize_urls', arguments: { urls: [`${pages.base}/one`], query: 'When was it automated?' } });
      assert(!result.isError, text(result));
      assert(requests.length >= 1, 'the server asked the client model');
      assert(requests[0].messages[0].content.text.includes('Stevenson'), 'the page text went to the model');
      assert(result.structuredContent.stats.provider === 'sampling', `provider ${result.structuredContent.stats.provider}`);
      assert(text(result).includes('1988'), 'the answer is the model answer');
    } finally {
      await sampler.close();
      await stop();
    }
  });

  await checks.check('cancelling a long summary stops its work on the server', async () => {
    const controller = new AbortController();
    const slowUrl = `${pages.base}/slow-${Date.now()}`;
    const pending = call('summarize_urls', { urls: [slowUrl] }, { signal: controller.signal, timeout: 120000 });
    const started = Date.now();
    while (!pages.slowRequests.some((r) => slowUrl.endsWith(r.url))) {
      assert(Date.now() - started < 30000, 'the server fetched the slow page');
      await new Promise((r) => setTimeout(r, 20));
    }
    const cancelledAt = Date.now();
    controller.abort('test cancels');
    await pending.then(() => { throw new Error('cancelled call resolved'); }, () => {});
    const entry = pages.slowRequests.find((r) => slowUrl.endsWith(r.url));
    while (entry.closedAt === null) {
      assert(Date.now() - cancelledAt < 10000, 'the server dropped the slow fetch within 10 s of the cancel');
      await new Promise((r) => setTimeout(r, 20));
    }
    const after = await call('fetch_url', { url: `${pages.base}/two` });
    assert(!after.isError, `the server carries on: ${text(after)}`);
  });
}

if (suites.includes('concurrency')) {
  assert(transportKind === 'http', 'the concurrency suite runs over HTTP');
  await checks.check('50 concurrent tool calls over HTTP all succeed with bounded memory', async () => {
    const clients = await Promise.all(Array.from({ length: 5 }, () => connect()));
    const calls = Array.from({ length: 50 }, (_, i) => {
      const c = clients[i % clients.length];
      return i % 2
        ? c.callTool({ name: 'fetch_url', arguments: { url: `${pages.base}/${i % 4 ? 'one' : 'long'}?n=${i}` } })
        : c.callTool({ name: 'summarize_urls', arguments: { urls: [`${pages.base}/two?n=${i}`], max_length: 60 } });
    });
    const results = await Promise.all(calls);
    const failed = results.filter((r) => r.isError);
    assert(failed.length === 0, `${failed.length} of 50 failed, e.g. ${failed.length ? text(failed[0]) : ''}`);
    const rss = rssMb(http.child.pid);
    console.log(`  server resident memory after 50 calls: ${rss.toFixed(0)} MB`);
    assert(rss < 700, `resident memory ${rss.toFixed(0)} MB stays under 700 MB`);
    const metrics = await (await fetch(new URL('/metrics', http.url))).text();
    const okCalls = [...metrics.matchAll(/mcpweb_tool_calls_seconds_count\{[^}]*outcome="ok"[^}]*\} (\d+)/g)].reduce((a, m) => a + Number(m[1]), 0);
    assert(okCalls >= 50, `metrics count ${okCalls} successful calls`);
    assert(/mcpweb_stage_seconds_count\{[^}]*stage="fetch"/.test(metrics), 'metrics show the pipeline stage timers');
    await Promise.all(clients.map((c) => c.close()));
  });
}

await client.close();
await http?.stop();
await pages.close();
checks.finish();
