// Measures rendering as an MCP client sees it: `serve` over stdio, fetch_url with render=always on a
// small single-page app on 127.0.0.1. The first call starts the browser (cold); the next ones reuse it
// (warm). Prints each call on stderr and the figures as JSON on the last line of stdout.
// Usage: node render-bench.mjs [--runs N] [--] command [args...]   (default: ../../../../bin/mcp-web serve)
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { serverEnv } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
let args = process.argv.slice(2);
let runs = 21;
if (args[0] === '--runs') { runs = Number(args[1]); args = args.slice(2); }
if (args[0] === '--') args = args.slice(1);
const command = args.length ? args : [path.resolve(here, '../../../../bin/mcp-web'), 'serve'];

// A small app: a shell whose script draws a list from a same-origin JSON API.
const APP = '<!doctype html><html><head><title>Small app</title></head><body><div id="root"></div><script>'
  + "fetch('/api/items.json').then(r => r.json()).then(items => { document.getElementById('root').innerHTML ="
  + " '<main><h1>Harbour notices</h1>' + items.map(i => '<p>' + i + '</p>').join('') + '</main>'; });</script></body></html>";
const ITEMS = JSON.stringify(Array.from({ length: 20 }, (_, i) => `Notice ${i + 1}: the harbour office posts tide times, berth changes and pilot orders every morning.`));
const server = http.createServer((req, res) => {
  if (req.url === '/app') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(APP);
  else if (req.url === '/api/items.json') res.writeHead(200, { 'content-type': 'application/json' }).end(ITEMS);
  else res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/app`;

const client = new Client({ name: 'render-bench', version: '1' }, { capabilities: {} });
await client.connect(new StdioClientTransport({
  command: command[0], args: command.slice(1), env: serverEnv({ MCP_WEB_FETCHER_RESPECT_ROBOTS: 'false', MCP_WEB_CACHE_ENABLED: 'false' }), stderr: 'ignore',
}));
async function once() {
  const start = process.hrtime.bigint();
  const result = await client.callTool({ name: 'fetch_url', arguments: { url, render: 'always' } }, undefined, { timeout: 120000 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.isError || !result.structuredContent.content.includes('Notice 20')) throw new Error(`render failed: ${JSON.stringify(result.content)}`);
  return ms;
}
const cold = await once();
console.error(`cold (browser start + render): ${cold.toFixed(0)} ms`);
const warm = [];
for (let i = 0; i < runs; i++) {
  warm.push(await once());
  console.error(`warm ${i + 1}: ${warm[i].toFixed(0)} ms`);
}
await client.close();
server.close();
const sorted = [...warm].sort((a, b) => a - b);
const at = (q) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
const median = at(0.5);
const load = (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
console.log(JSON.stringify({ command: command.join(' '), runs, cold_ms: Math.round(cold), browser_start_ms: Math.round(cold - median), warm_p50_ms: median, warm_p90_ms: at(0.9), warm_min_ms: at(0), load_average: load }));
