// Smoke test with the MCP Inspector CLI (@modelcontextprotocol/inspector 0.15.0 --cli), over stdio
// and Streamable HTTP: list the tools, call one with bad arguments, set the log level.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Checks, assert, serverEnv, startHttpServer, serverCommand } from './lib.mjs';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const inspector = path.join(path.dirname(require.resolve('@modelcontextprotocol/inspector/package.json')), 'cli/build/cli.js');
const env = serverEnv();
const envFlags = Object.entries(env)
  .filter(([k]) => k.startsWith('MCP_WEB_') || k === 'JAVA_HOME' || k === 'HOME' || k === 'PATH')
  .flatMap(([k, v]) => ['-e', `${k}=${v}`]);

async function inspect(target, ...args) {
  const { stdout } = await run('node', [inspector, '--cli', ...target, ...args], { env, timeout: 90000, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout);
}

const checks = new Checks('inspector');
const stdio = [...envFlags, ...serverCommand, 'serve'];

await checks.check('lists the seven tools over stdio (search_web needs a provider)', async () => {
  const out = await inspect(stdio, '--method', 'tools/list');
  assert(out.tools.length === 7, `tools: ${out.tools.map((t) => t.name)}`);
});

await checks.check('calls fetch_url over stdio and gets an isError result for a missing url', async () => {
  const out = await inspect(stdio, '--method', 'tools/call', '--tool-name', 'fetch_url');
  assert(out.isError === true && /'url' is required/.test(out.content[0].text), JSON.stringify(out));
});

await checks.check('sets the log level over stdio', async () => {
  await inspect(stdio, '--method', 'logging/setLevel', '--log-level', 'debug');
});

const http = await startHttpServer(env);
await checks.check('lists the tools and calls one over Streamable HTTP', async () => {
  const list = await inspect([http.url], '--transport', 'http', '--method', 'tools/list');
  assert(list.tools.some((t) => t.name === 'summarize_urls'), JSON.stringify(list));
  const call = await inspect([http.url], '--transport', 'http', '--method', 'tools/call', '--tool-name', 'clear_cache', '--tool-arg', 'namespace=nowhere');
  assert(call.isError === true && /namespace/.test(call.content[0].text), JSON.stringify(call));
});
await http.stop();
checks.finish();
