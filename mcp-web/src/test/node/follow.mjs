// Drives summarize_urls with follow_links and max_llm_calls through the official MCP TypeScript SDK client
// over stdio, against the generated site McpClientsTest serves (MCPWEB_TEST_SITE, with the paths of two
// section pages and of the answers they link to in MCPWEB_TEST_SECTIONS and MCPWEB_TEST_ANSWERS). Summaries
// are written by the simulated LLM (MCPWEB_TEST_LLM) with a small context window, so that the pages need a
// map over several chunks and a call budget bites. The server reaches the site's names through
// fetcher.resolve, never DNS. Every structuredContent is validated against the tool's outputSchema by the
// client. Exits 0 when every check passed.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { Checks, assert, text, serverEnv, serverCommand } from './lib.mjs';

const site = process.env.MCPWEB_TEST_SITE;
const sections = (process.env.MCPWEB_TEST_SECTIONS ?? '').split(',').filter(Boolean).map((p) => new URL(p, site).href);
const answers = (process.env.MCPWEB_TEST_ANSWERS ?? '').split(',').filter(Boolean).map((p) => new URL(p, site).href);
if (!site || sections.length === 0 || answers.length === 0 || !process.env.MCPWEB_TEST_LLM) {
  console.error('MCPWEB_TEST_SITE, MCPWEB_TEST_SECTIONS, MCPWEB_TEST_ANSWERS and MCPWEB_TEST_LLM must be set (McpClientsTest does)');
  process.exit(2);
}
const query = 'when was the diaphone fog signal installed';
const env = serverEnv({
  MCP_WEB_FETCHER_RESOLVE: process.env.MCP_WEB_FETCHER_RESOLVE,
  MCP_WEB_FETCHER_ALLOWED_HOSTS: process.env.MCP_WEB_FETCHER_ALLOWED_HOSTS,
  MCP_WEB_SUMMARIZER_CONTEXT_WINDOW: '2048',
  MCP_WEB_SUMMARIZER_MAX_LLM_CALLS: '64',
});
const client = new Client({ name: 'mcp-web-follow-tests', version: '1.0.0' }, { capabilities: {} });
await client.connect(new StdioClientTransport({ command: serverCommand[0], args: [...serverCommand.slice(1), 'serve'], env, stderr: 'inherit' }));
const call = (name, args) => client.callTool({ name, arguments: args }, undefined, { timeout: 120000 });

const checks = new Checks('follow');
const { tools } = await client.listTools(); // makes the client validate structuredContent against outputSchema
const summarize = tools.find((t) => t.name === 'summarize_urls');
assert(summarize && 'follow_links' in summarize.inputSchema.properties && 'max_llm_calls' in summarize.inputSchema.properties,
  'summarize_urls takes follow_links and max_llm_calls');

let unbounded;
await checks.check('follow_links reads the answers the given pages link to and cites them after the given pages', async () => {
  const result = await call('summarize_urls', { urls: sections, query, follow_links: 2 });
  assert(!result.isError, text(result));
  const s = result.structuredContent;
  unbounded = s.stats.llm_calls;
  assert([...s.followed].sort().join() === [...answers].sort().join(), `followed ${s.followed}, expected ${answers}`);
  const cited = s.sources.map((src) => src.url);
  assert(cited.slice(0, sections.length).join() === sections.join(), `given pages cited first: ${cited}`);
  assert(answers.every((a) => cited.includes(a)) && cited.length === sections.length + answers.length, `cited ${cited}`);
  for (const a of answers) {
    const status = s.source_status.find((st) => st.url === a);
    assert(status && status.followed && status.status === 'read' && status.source, `followed answer ${a}: ${JSON.stringify(status)}`);
  }
  assert(s.source_status.filter((st) => !st.followed).length === sections.length, 'the given pages are not marked followed');
  assert(/\[\d+\]/.test(s.summary), `cited summary: ${s.summary}`);
  assert(unbounded > 3, `the pages needed a map over several chunks (${unbounded} LLM calls): the budget check below needs it`);
});

await checks.check('max_llm_calls bounds the LLM calls of a summary with followed links, and says so', async () => {
  // another max_length than above: a complete summary in the cache would be served with no call at all
  const result = await call('summarize_urls', { urls: sections, query, follow_links: 2, max_llm_calls: 3, max_length: 120 });
  assert(!result.isError, text(result));
  const s = result.structuredContent;
  assert(s.stats.llm_calls > 0 && s.stats.llm_calls <= 3, `${s.stats.llm_calls} LLM calls for a budget of 3 (${unbounded} without one)`);
  assert(s.followed.length === answers.length, `the links were still followed: ${s.followed}`);
  assert(s.warnings.some((w) => /max_llm_calls 3/.test(w)), `a warning names the budget: ${JSON.stringify(s.warnings)}`);
  console.log(`     LLM calls: ${unbounded} without a budget, ${s.stats.llm_calls} with max_llm_calls 3`);
});

await checks.check('follow_links and max_llm_calls out of range are refused with a message', async () => {
  const tooMany = await call('summarize_urls', { urls: sections, query, follow_links: 21 });
  assert(tooMany.isError && /follow_links/.test(text(tooMany)), text(tooMany));
  const tooFew = await call('summarize_urls', { urls: sections, query, max_llm_calls: 1 });
  assert(tooFew.isError && /max_llm_calls/.test(text(tooFew)), text(tooFew));
});

await client.close();
checks.finish();
