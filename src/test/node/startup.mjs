// Measures mcp-web's start-up as an MCP client sees it: from spawning the command to receiving the
// response to `initialize` on stdout. Prints each run and the median, as JSON on the last line.
// Usage: node startup.mjs [--runs N] [--] command [args...]   (default: ../../../bin/mcp-web serve)
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
let args = process.argv.slice(2);
let runs = 7;
if (args[0] === '--runs') { runs = Number(args[1]); args = args.slice(2); }
if (args[0] === '--') args = args.slice(1);
const command = args.length ? args : [path.resolve(here, '../../../bin/mcp-web'), 'serve'];

const initialize = JSON.stringify({
  jsonrpc: '2.0', id: 1, method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'measure-startup', version: '1' } },
}) + '\n';

function once() {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error('no initialize response within 30 s')); }, 30000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('"id":1')) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        clearTimeout(timer);
        child.stdin.end();
        child.on('exit', () => resolve(ms));
      }
    });
    child.on('error', reject);
    child.stdin.write(initialize);
  });
}

const times = [];
for (let i = 0; i < runs; i++) {
  const ms = await once();
  times.push(ms);
  console.error(`run ${i + 1}: ${ms.toFixed(0)} ms`);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(JSON.stringify({ command: command.join(' '), runs, median_ms: Math.round(median), min_ms: Math.round(sorted[0]), max_ms: Math.round(sorted[sorted.length - 1]) }));
