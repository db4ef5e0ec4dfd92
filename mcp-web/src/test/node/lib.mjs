// Shared pieces of the client tests: a page server on 127.0.0.1, starting mcp-web, and checks.
import http from 'node:http';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const launcher = path.resolve(here, '../../../bin/mcp-web');

/**
 * How to start mcp-web: bin/mcp-web, unless the JUnit driver passes the command it wants tested
 * (a JSON array in MCPWEB_TEST_COMMAND, e.g. java with the test class path and the main class).
 */
export const serverCommand = process.env.MCPWEB_TEST_COMMAND ? JSON.parse(process.env.MCPWEB_TEST_COMMAND) : [launcher];

/** A counted list of named checks; `check` records a failure instead of throwing, `finish` exits. */
export class Checks {
  constructor(suite) { this.suite = suite; this.failed = []; this.passed = 0; }
  async check(name, body) {
    const start = Date.now();
    try {
      await body();
      this.passed++;
      console.log(`ok   ${this.suite}: ${name} (${Date.now() - start} ms)`);
    } catch (e) {
      this.failed.push(name);
      console.log(`FAIL ${this.suite}: ${name}: ${e?.stack ?? e}`);
    }
  }
  finish() {
    console.log(`${this.suite}: ${this.passed} passed, ${this.failed.length} failed${this.failed.length ? ': ' + this.failed.join('; ') : ''}`);
    process.exitCode = this.failed.length ? 1 : 0;
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function text(result) {
  return (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('\n');
}

/** Articles with known sentences, a slow page that never finishes, and a robots.txt that allows all. */
export const ARTICLE_ONE = {
  title: 'The Lighthouse Keepers of Ardnamurchan',
  sentences: [
    'The lighthouse at Ardnamurchan Point was completed in 1849 and stands on the most westerly point of mainland Britain.',
    'Its keepers climbed one hundred and fifty steps every evening to light the lamp before sunset.',
    'Alan Stevenson designed the tower in an Egyptian style, using granite quarried on the Isle of Mull.',
    'The light was automated in 1988, and the last keepers left the station that same year.',
    'Today the keepers cottages house a visitor centre that explains how the light warned ships away from the rocks.',
  ],
};
export const ARTICLE_TWO = {
  title: 'Tide Tables and the Moon',
  sentences: [
    'Tides rise and fall twice a day because the Moon pulls the oceans towards it and away from the far side of the Earth.',
    'Spring tides, the highest and lowest, come when the Sun and the Moon line up at new and full moon.',
    'Neap tides, with the smallest range, come when the Sun and the Moon pull at right angles.',
    'Harbour masters publish tide tables a year ahead so that ships can enter shallow ports safely.',
  ],
};

function articleHtml(article, paragraphsPerSentence = 1) {
  const body = article.sentences
    .map((s) => `<p>${Array(paragraphsPerSentence).fill(s).join(' ')}</p>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${article.title}</title></head>
<body><nav><a href="/">Home</a> | <a href="/about">About</a></nav>
<article><h1>${article.title}</h1>
${body}
</article><footer>Copyright the coast society</footer></body></html>`;
}

export async function startPages() {
  const slowRequests = [];
  const server = http.createServer((req, res) => {
    const route = new URL(req.url, 'http://127.0.0.1').pathname;
    if (route === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    } else if (route === '/one') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(ARTICLE_ONE));
    } else if (route === '/two') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(ARTICLE_TWO));
    } else if (route === '/long') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(ARTICLE_ONE, 40));
    } else if (route.startsWith('/slow')) {
      // Sends the head of a page, then nothing: only cancellation (or a timeout) ends the request.
      const entry = { url: req.url, closedAt: null };
      slowRequests.push(entry);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<!doctype html><html><head><title>Slow</title></head><body><p>');
      req.socket.on('close', () => { entry.closedAt = Date.now(); });
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    slowRequests,
    close: () => { server.closeAllConnections?.(); return new Promise((r) => server.close(r)); },
  };
}

/** The environment mcp-web runs with in tests: its own cache, the page server's address allowed. */
export function serverEnv(extra = {}) {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-web-test-cache-'));
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('MCP_WEB_')) env[k] = v;
  return {
    ...env,
    MCP_WEB_CACHE_DIR: cacheDir,
    MCP_WEB_FETCHER_ALLOWED_HOSTS: '127.0.0.1',
    MCP_WEB_SERVER_RATE_LIMIT: '0',
    MCP_WEB_LOG_LEVEL: 'warn',
    ...llm(),
    ...extra,
  };
}

/**
 * Summaries go to the simulated LLM when the driver started one (its OpenAI-compatible base URL in
 * MCPWEB_TEST_LLM, as McpClientsTest does), else to the embedded extractive summarizer.
 */
function llm() {
  const base = process.env.MCPWEB_TEST_LLM;
  if (!base) return {};
  return {
    MCP_WEB_SUMMARIZER_PROVIDER: 'openai',
    MCP_WEB_SUMMARIZER_API_BASE: base,
    MCP_WEB_SUMMARIZER_MODEL: 'gpt-4o-mini',
    MCP_WEB_SUMMARIZER_API_KEY: 'sk-simulated-llm-key-for-tests',
  };
}

/** Starts `mcp-web serve --http --port 0 ...` and resolves with its MCP URL (read from stderr). */
export function startHttpServer(env, args = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(serverCommand[0], [...serverCommand.slice(1), 'serve', '--http', '--port', '0', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`server did not start in 60 s:\n${err}`)); }, 60000);
    child.stderr.on('data', (chunk) => {
      err += chunk;
      process.stderr.write(chunk);
      const m = err.match(/MCP on (http:\/\/\S+\/mcp)/);
      if (m) { clearTimeout(timer); resolve({ url: m[1], child, stop: () => stop(child) }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(Object.assign(new Error(`server exited with ${code}:\n${err}`), { code, stderr: err })); });
  });
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.on('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+)/)[1]) / 1024;
}
