// The tools' `render` argument through the official MCP TypeScript SDK client over stdio, against a
// real Chromium (RenderToolsTest runs it): the schema's enum, an app shell rendered by auto, a static
// page read without a browser, always and never, and the render note in structuredContent (which the
// SDK validates against each tool's outputSchema once the tools are listed).
// Usage: node render.mjs   Exits 0 when every check passed; prints one line per check.
import http from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { Checks, assert, text, serverEnv, serverCommand } from './lib.mjs';

const APP = '<!doctype html><html><head><title>Tide app</title></head><body><div id="root"></div><script>'
  + "document.getElementById('root').innerHTML = '<main><h1>Tide app</h1><p>High water at the harbour comes"
  + " fifty minutes later every day, as the Moon moves on in its orbit.</p></main>';</script></body></html>";
const STATIC = '<!doctype html><html><head><title>Tide tables</title></head><body><article><h1>Tide tables</h1>'
  + '<p>Harbour masters publish tide tables a year ahead so that ships can enter shallow ports safely, and'
  + ' pilots read them before every passage over the bar at the mouth of the river.</p></article></body></html>';

const server = http.createServer((req, res) => {
  const route = new URL(req.url, 'http://127.0.0.1').pathname;
  const pages = { '/app': APP, '/static': STATIC };
  if (route === '/robots.txt') res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
  else if (pages[route]) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[route]);
  else res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const client = new Client({ name: 'mcp-web-render-tests', version: '1.0.0' }, { capabilities: {} });
await client.connect(new StdioClientTransport({
  command: serverCommand[0], args: [...serverCommand.slice(1), 'serve'], env: serverEnv(), stderr: 'inherit',
}));
const call = (name, args) => client.callTool({ name, arguments: args }, undefined, { timeout: 120000 });
const checks = new Checks('render');

await checks.check('fetch_url and summarize_urls take render: auto, always or never', async () => {
  const { tools } = await client.listTools();
  for (const name of ['fetch_url', 'summarize_urls']) {
    const render = tools.find((t) => t.name === name).inputSchema.properties.render;
    assert(render?.enum?.join() === 'auto,always,never', `${name} render enum ${JSON.stringify(render)}`);
  }
});

await checks.check('auto renders an app shell and says why', async () => {
  const result = await call('fetch_url', { url: `${base}/app`, render: 'auto' });
  assert(!result.isError, `not an error: ${text(result)}`);
  assert(text(result).includes('fifty minutes later every day'), `rendered text: ${text(result)}`);
  assert(text(result).includes('Rendered in headless Chromium (app_shell: #root is empty'), 'the text says it was rendered');
  const render = result.structuredContent.render;
  assert(render.rendered === true && render.signal === 'app_shell', `render note ${JSON.stringify(render)}`);
});

await checks.check('a static page is read without rendering', async () => {
  const result = await call('fetch_url', { url: `${base}/static` });
  assert(!result.isError, `not an error: ${text(result)}`);
  assert(result.structuredContent.render.rendered === false, `render note ${JSON.stringify(result.structuredContent.render)}`);
  assert(!text(result).includes('Rendered in headless Chromium'), 'no render line');
});

await checks.check('always renders a static page, never refuses an app shell with its reason', async () => {
  const always = await call('fetch_url', { url: `${base}/static`, render: 'always' });
  assert(always.structuredContent.render.rendered === true, `always: ${JSON.stringify(always.structuredContent.render)}`);
  assert(always.structuredContent.render.reason === 'render=always', 'reason render=always');
  const never = await call('fetch_url', { url: `${base}/app`, render: 'never' });
  assert(never.isError === true, 'never on an app shell is an error');
  assert(text(never).includes('is rendered by JavaScript'), `message: ${text(never)}`);
});

await checks.check('a bad render value is an isError result naming the values', async () => {
  const result = await call('fetch_url', { url: `${base}/static`, render: 'sometimes' });
  assert(result.isError === true, 'an error');
  assert(/render.*auto.*always.*never/.test(text(result)), `message: ${text(result)}`);
});

await checks.check('summarize_urls lists the sources it rendered', async () => {
  const result = await call('summarize_urls', { urls: [`${base}/app`, `${base}/static`], render: 'auto', max_length: 60 });
  assert(!result.isError, `not an error: ${text(result)}`);
  const rendered = result.structuredContent.rendered;
  assert(rendered.length === 1 && rendered[0].url === `${base}/app`, `rendered ${JSON.stringify(rendered)}`);
  assert(rendered[0].render.signal === 'app_shell', 'signal app_shell');
  assert(text(result).includes('Rendered in headless Chromium'), 'the text lists the rendered source');
});

await client.close();
server.close();
checks.finish();
