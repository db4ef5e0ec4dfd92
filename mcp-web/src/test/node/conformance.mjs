// Runs the official MCP conformance suite (@modelcontextprotocol/conformance 0.1.13) against
// `mcp-web serve --http`, with the scenarios mcp-web cannot pass listed, with reasons, in
// conformance-expected-failures.yaml. Exits non-zero on an unexpected failure or a stale entry.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { serverEnv, startHttpServer } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const suite = path.join(path.dirname(require.resolve('@modelcontextprotocol/conformance/package.json')), 'dist/index.js');
const http = await startHttpServer(serverEnv());
const args = [suite, 'server', '--url', http.url, '--expected-failures', path.join(here, 'conformance-expected-failures.yaml'), ...process.argv.slice(2)];
const code = await new Promise((resolve) => {
  spawn('node', args, { stdio: 'inherit' }).on('exit', resolve);
});
await http.stop();
console.log(`conformance: exit ${code}`);
process.exitCode = code;
