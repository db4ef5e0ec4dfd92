// Drives search_web with the official MCP TypeScript SDK client over stdio, against the fake SearXNG
// and Brave McpClientsTest serves on 127.0.0.1 (MCPWEB_TEST_SEARXNG, MCPWEB_TEST_BRAVE), whose results
// point at the generated site (reached by name through MCP_WEB_FETCHER_RESOLVE, never DNS) and at one
// loopback address the URL guard must refuse. Every structuredContent is validated against the tool's
// outputSchema by the client. Exits 0 when every check passed.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { Checks, assert, text, serverEnv, serverCommand } from './lib.mjs';

const searxng = process.env.MCPWEB_TEST_SEARXNG;
const brave = process.env.MCPWEB_TEST_BRAVE;
if (!searxng || !brave) {
  console.error('MCPWEB_TEST_SEARXNG and MCPWEB_TEST_BRAVE must be set (McpClientsTest does)');
  process.exit(2);
}
const site = {
  MCP_WEB_FETCHER_RESOLVE: process.env.MCP_WEB_FETCHER_RESOLVE,
  MCP_WEB_FETCHER_ALLOWED_HOSTS: process.env.MCP_WEB_FETCHER_ALLOWED_HOSTS,
};

async function connect(extra) {
  const client = new Client({ name: 'mcp-web-search-tests', version: '1.0.0' }, { capabilities: {} });
  const env = serverEnv({ ...site, ...extra });
  await client.connect(new StdioClientTransport({ command: serverCommand[0], args: [...serverCommand.slice(1), 'serve'], env, stderr: 'inherit' }));
  await client.listTools(); // makes the client validate structuredContent against outputSchema
  return client;
}

const checks = new Checks('search');
const client = await connect({ MCP_WEB_SEARCH_SEARXNG_URL: searxng });
const call = (c, args, options) => c.callTool({ name: 'search_web', arguments: args }, undefined, options);

await checks.check('search_web is listed with its schemas', async () => {
  const { tools } = await client.listTools();
  const tool = tools.find((t) => t.name === 'search_web');
  assert(tool, 'search_web listed');
  assert(tool.inputSchema.required.join() === 'query', `required ${tool.inputSchema.required}`);
  assert(tool.inputSchema.properties.summarize.type === 'boolean', 'summarize is a boolean');
  assert('provider_rank' in tool.outputSchema.properties.results.items.properties, 'snake_case result fields');
});

await checks.check('search_web lists the results with title, URL and snippet', async () => {
  const result = await call(client, { query: 'diaphone fog signal', max_results: 3 });
  assert(!result.isError, text(result));
  const s = result.structuredContent;
  assert(s.provider === 'searxng' && s.query === 'diaphone fog signal', JSON.stringify(s));
  assert(s.results.length === 3, `${s.results.length} results`);
  assert(s.results.every((r) => r.title && r.url.startsWith('http') && typeof r.snippet === 'string'), JSON.stringify(s.results));
  assert(!('answer' in s) && s.results.every((r) => !('status' in r)), 'nothing read without summarize');
  assert(text(result).includes(s.results[0].url), 'the text lists the URLs');
});

await checks.check('search_web with summarize answers with citations and refuses a private result unread', async () => {
  const progress = [];
  const result = await call(client, { query: 'when was the diaphone fog signal installed', max_results: 8, summarize: true },
    { onprogress: (p) => progress.push(p), timeout: 120000 });
  assert(!result.isError, text(result));
  const s = result.structuredContent;
  assert(/\[\d+\]/.test(s.answer.summary), `cited answer: ${s.answer.summary}`);
  assert(s.answer.sources.length > 0, 'numbered sources');
  const statuses = s.results.map((r) => r.status);
  assert(statuses.includes('summarized'), `statuses ${statuses}`);
  const refused = s.results.find((r) => r.url.startsWith('http://127.0.0.1:'));
  assert(refused && refused.status === 'refused', JSON.stringify(refused));
  assert(s.results.filter((r) => r.status === 'summarized').every((r) => r.source >= 1), 'summarized results name their source');
  assert(s.skipped.some((k) => /same page as result/.test(k.reason)), JSON.stringify(s.skipped));
  assert(progress.length > 0, 'progress notifications');
});

await checks.check('search_web checks its arguments', async () => {
  const cases = [
    [{}, /'query' is required/],
    [{ query: 'fog', max_results: 50 }, /max_results/],
    [{ query: 'fog', summarize: 'yes' }, /summarize/],
    [{ query: 'fog', engine: 'google' }, /unknown argument.*engine/],
  ];
  for (const [args, pattern] of cases) {
    const result = await call(client, args);
    assert(result.isError === true && pattern.test(text(result)), `${JSON.stringify(args)}: ${text(result)}`);
  }
});
await client.close();

await checks.check('a provider that refuses the key is an isError result that says so, and the server goes on', async () => {
  const wrongKey = 'BSA-wrong-key-never-shown';
  const refused = await connect({ MCP_WEB_SEARCH_PROVIDER: 'brave', MCP_WEB_SEARCH_BRAVE_URL: brave, MCP_WEB_SEARCH_BRAVE_API_KEY: wrongKey });
  try {
    const result = await call(refused, { query: 'fog' });
    assert(result.isError === true, 'an error result');
    assert(/search provider refused the key \(HTTP 401\)/.test(text(result)), text(result));
    assert(/search\.brave_api_key/.test(text(result)) && !text(result).includes(wrongKey), text(result));
    await refused.ping();
  } finally {
    await refused.close();
  }
});

await checks.check('without a provider search_web is not offered; one without its key says which option to set', async () => {
  const none = await connect({});
  try {
    const { tools } = await none.listTools();
    assert(!tools.some((t) => t.name === 'search_web'), `tools ${tools.map((t) => t.name)}`);
    assert(!(none.getInstructions() ?? '').includes('search_web'), 'the instructions do not offer search_web');
  } finally {
    await none.close();
  }
  const keyless = await connect({ MCP_WEB_SEARCH_PROVIDER: 'brave', MCP_WEB_SEARCH_BRAVE_URL: brave });
  try {
    const result = await call(keyless, { query: 'fog' });
    assert(result.isError === true && /MCP_WEB_SEARCH_BRAVE_API_KEY/.test(text(result)), text(result));
  } finally {
    await keyless.close();
  }
});

checks.finish();
