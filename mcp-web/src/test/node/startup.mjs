// Measures mcp-web's start-up as an MCP client sees it: from spawning the command to receiving the
// response to `initialize` on stdout. Prints each run and the median, as JSON on the last line, with
// the CPU time the process had used by then (Linux /proc): on a busy machine wall time stretches with
// the load while CPU time does not, so the two together say what an idle machine would see.
// Usage: node startup.mjs [--runs N] [--] command [args...]   (default: ../../../bin/mcp-web serve)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
let args = process.argv.slice(2);
let runs = 7;
if (args[0] === '--runs') { runs = Number(args[1]); args = args.slice(2); }
if (args[0] === '--') args = args.slice(1);
const command = args.length ? args : [path.resolve(here, '../../../../bin/mcp-web'), 'serve'];

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
        const cpu = cpuMs(child.pid);
        clearTimeout(timer);
        child.stdin.end();
        child.on('exit', () => resolve({ ms, cpu }));
      }
    });
    child.on('error', reject);
    child.stdin.write(initialize);
  });
}

/** User plus system CPU time of a process so far, in ms; NaN where /proc is missing. */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms (USER_HZ 100)
  } catch {
    return NaN;
  }
}

const times = [];
const cpus = [];
for (let i = 0; i < runs; i++) {
  const { ms, cpu } = await once();
  times.push(ms);
  cpus.push(cpu);
  console.error(`run ${i + 1}: ${ms.toFixed(0)} ms (CPU ${cpu} ms)`);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sorted = [...times].sort((a, b) => a - b);
const load = fs.existsSync('/proc/loadavg') ? fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0] : 'n/a';
console.log(JSON.stringify({ command: command.join(' '), runs, median_ms: Math.round(median(times)), min_ms: Math.round(sorted[0]), max_ms: Math.round(sorted[sorted.length - 1]), median_cpu_ms: median(cpus), load_average: load }));
