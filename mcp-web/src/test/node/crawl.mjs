// Drives map_site and crawl_site with the official MCP TypeScript SDK client over stdio, against the
// generated site McpClientsTest serves (MCPWEB_TEST_SITE, and MCPWEB_TEST_SLOW_SITE with a 1 s
// Crawl-delay, whose request count MCPWEB_TEST_SLOW_SITE_COUNT answers). The server reaches the site's
// names through fetcher.resolve (MCP_WEB_FETCHER_RESOLVE), never DNS. Every structuredContent is
// validated against its tool's outputSchema by the client. Exits 0 when every check passed.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { Checks, assert, text, serverEnv, serverCommand } from './lib.mjs';

const site = process.env.MCPWEB_TEST_SITE;
const slowSite = process.env.MCPWEB_TEST_SLOW_SITE;
const slowCount = process.env.MCPWEB_TEST_SLOW_SITE_COUNT;
if (!site || !slowSite || !slowCount) {
  console.error('MCPWEB_TEST_SITE, MCPWEB_TEST_SLOW_SITE and MCPWEB_TEST_SLOW_SITE_COUNT must be set (McpClientsTest does)');
  process.exit(2);
}
const env = serverEnv({
  MCP_WEB_FETCHER_RESOLVE: process.env.MCP_WEB_FETCHER_RESOLVE,
  MCP_WEB_FETCHER_ALLOWED_HOSTS: process.env.MCP_WEB_FETCHER_ALLOWED_HOSTS,
});
const client = new Client({ name: 'mcp-web-crawl-tests', version: '1.0.0' }, { capabilities: {} });
await client.connect(new StdioClientTransport({ command: serverCommand[0], args: [...serverCommand.slice(1), 'serve'], env, stderr: 'inherit' }));
const call = (name, args, options) => client.callTool({ name, arguments: args }, undefined, options);
const requestsSoFar = async () => Number(await (await fetch(slowCount)).text());

const checks = new Checks('crawl');
const { tools } = await client.listTools(); // makes the client validate structuredContent against outputSchema
assert(tools.some((t) => t.name === 'map_site') && tools.some((t) => t.name === 'crawl_site'), 'both tools listed');

await checks.check('map_site lists the sitemap URLs in pages that chain by cursor', async () => {
  const seen = new Set();
  let cursor; let pages = 0; let total = 0;
  do {
    const result = await call('map_site', { url: site, limit: 150, ...(cursor ? { cursor } : {}) });
    assert(!result.isError, text(result));
    const s = result.structuredContent;
    assert(s.found_by === 'sitemap', `found by ${s.found_by}`);
    s.urls.forEach((u) => seen.add(u.url));
    total = s.total; cursor = s.next_cursor; pages++;
  } while (cursor);
  assert(seen.size === total && total === 336, `${seen.size} distinct of ${total}`);
  assert(pages === 3, `${pages} pages of 150`);
  assert([...seen].every((u) => u.includes('.coast.test:') && !u.includes('/private/')), 'only the site, nothing disallowed');
});

// 40 pages: past the answers and their print copies to the links robots.txt disallows
await checks.check('crawl_site answers with citations, a page at a time in progress, within 40 pages', async () => {
  const progress = [];
  const result = await call('crawl_site', { url: site, query: 'when was the diaphone fog signal installed', max_pages: 40 },
    { onprogress: (p) => progress.push(p), timeout: 120000 });
  assert(!result.isError, text(result));
  const s = result.structuredContent;
  assert(/\[\d+\]/.test(s.summary), `cited summary: ${s.summary}`);
  assert(s.budget.pages_read <= 40 && s.budget.max_pages === 40, JSON.stringify(s.budget));
  const crawlProgress = progress.filter((p) => (p.message ?? '').startsWith('crawl'));
  assert(crawlProgress.length >= s.budget.pages_read, `${crawlProgress.length} crawl notifications for ${s.budget.pages_read} pages`);
  const statuses = new Set(s.pages.map((p) => p.status));
  for (const st of ['summarized', 'duplicate', 'refused_by_robots', 'out_of_scope']) assert(statuses.has(st), `a page is ${st}: ${[...statuses]}`);
  assert(s.sources.length > 0 && s.pages.filter((p) => p.source).length === s.sources.length, 'every source is a page');
});

await checks.check('crawl_site checks its arguments', async () => {
  const noQuery = await call('crawl_site', { url: site });
  assert(noQuery.isError && /'query' is required/.test(text(noQuery)), text(noQuery));
  const tooMany = await call('crawl_site', { url: site, query: 'fog', max_pages: 500 });
  assert(tooMany.isError && /max_pages/.test(text(tooMany)), text(tooMany));
});

await checks.check('cancelling crawl_site stops its requests to the site', async () => {
  const controller = new AbortController();
  let notified;
  const first = new Promise((resolve) => { notified = resolve; });
  const pending = call('crawl_site', { url: slowSite, query: 'fog signal', max_pages: 50 },
    { signal: controller.signal, timeout: 120000, onprogress: () => notified() });
  await first; // a page was read: the crawl is under way, one request a second (Crawl-delay: 1)
  controller.abort('test cancels');
  await pending.then(() => { throw new Error('cancelled call resolved'); }, () => {});
  const atCancel = await requestsSoFar();
  // Two Crawl-delays later, a crawl still running would have asked twice more; one may have been in flight.
  await new Promise((r) => setTimeout(r, 2500));
  const after = await requestsSoFar();
  assert(after - atCancel <= 1, `${after - atCancel} requests after the cancel`);
});

await client.close();
checks.finish();
