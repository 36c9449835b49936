/**
 * @module Soak (c): sends the hostile-input corpus to a running local system (gateway, both functions,
 * stand-in) over raw HTTP and judges every answer: no 5xx, no crash, and each case answered the way
 * its expectation says. Prints counts per category and per outcome.
 */
import { request } from 'node:http';
import { MAX_INVOKE_REQUEST_BYTES, MAX_REQUEST_BYTES } from '@wikibot/local-gateway';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseRpcBody } from '../mcp-rpc.js';
import { startSignedInSystem } from '../signed-in-system.js';
import { loopback } from '../warm-mcp.js';
import { forgedAuthorizations } from './forged-tokens.js';
import { fuzzCorpus, percentEncode, type FuzzCase } from './fuzz-corpus.js';

/** Counts of soak (c). */
export interface FuzzReport {
  cases: number;
  /** category → outcome → count. */
  byCategory: Record<string, Record<string, number>>;
  failures: number;
  /** category → wrongly answered cases. */
  failuresByCategory: Record<string, number>;
  serverErrors: number;
  /**
   * Bodies between Lambda's 6 MiB invoke limit and API Gateway's 10 MiB request limit: Lambda refuses the
   * invocation and API Gateway answers 500 `{"message":"Internal Server Error"}` before any code of ours runs
   * (Lambda guide, "Handling Lambda errors with an API Gateway API"). Counted apart from serverErrors because no
   * function can answer them differently on AWS; the gateway must still never invoke a function with one.
   */
  invokeRefusals: number;
  crashes: number;
  examples: string[];
}

export interface Answer {
  status: number;
  body: string;
  error?: string;
}

const guarded = new WeakSet<object>();

/** Sends one case over raw HTTP and reads (the start of) its answer. */
export function send(base: URL, c: FuzzCase): Promise<Answer> {
  return new Promise((resolvePromise) => {
    let path = c.path;
    // Node refuses raw control characters and spaces in a request target; send them percent-encoded.
    path = path.replace(/[\u0000-\u0020\u007f-\uffff]/g, (ch) => percentEncode(ch));
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        method: c.method,
        path,
        headers: { ...c.headers, ...(c.body ? { 'content-length': String(c.body.length) } : {}) },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.length < 64 && chunks.push(d));
        res.on('end', () =>
          resolvePromise({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', (e) => resolvePromise({ status: res.statusCode ?? 0, body: '', error: e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    // A server that answers an oversized upload early and resets the connection makes the socket fail after
    // the answer was read, when the request no longer listens; the answer is already recorded.
    req.on('socket', (socket) => {
      if (guarded.has(socket)) return;
      guarded.add(socket);
      socket.on('error', () => undefined);
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolvePromise({ status: 0, body: '', error: e.code ?? e.message }));
    req.end(c.body);
  });
}

/** True when a body is JSON-RPC messages that are all responses or notifications (none is a request). */
function isResponseOrNotification(body: Buffer | undefined): boolean {
  try {
    const parsed: unknown = JSON.parse(body?.toString('utf8') ?? '');
    const messages = Array.isArray(parsed) ? parsed : [parsed];
    return (
      messages.length > 0 && messages.every((m) => typeof m === 'object' && m !== null && !('method' in m && 'id' in m))
    );
  } catch {
    return false;
  }
}

/** Whether a case's body is one Lambda refuses to be invoked with but API Gateway still accepts. */
function beyondInvokeLimit(c: FuzzCase): boolean {
  const size = c.body?.length ?? 0;
  return c.category === 'oversized body' && size > MAX_INVOKE_REQUEST_BYTES && size <= MAX_REQUEST_BYTES;
}

/** The answer API Gateway gives when Lambda refuses the invocation: 500 and its generic JSON, nothing else. */
function isInvokeRefusal(a: Answer): boolean {
  if (a.status !== 500) return false;
  try {
    return (JSON.parse(a.body) as { message?: unknown }).message === 'Internal Server Error';
  } catch {
    return false;
  }
}

/** Names the outcome of a case and says whether it is acceptable. */
function judge(c: FuzzCase, a: Answer): { outcome: string; ok: boolean; detail?: string } {
  if (a.status === 0) {
    // A server may close the connection on an oversized upload it refuses to read.
    if (c.category === 'oversized body' && /EPIPE|ECONNRESET/.test(a.error ?? ''))
      return { outcome: 'closed while uploading', ok: true };
    return { outcome: `no answer (${a.error})`, ok: false };
  }
  if (beyondInvokeLimit(c)) {
    const ok = isInvokeRefusal(a);
    return { outcome: ok ? '500 invoke refused (AWS)' : `${a.status} (wanted the invoke refusal)`, ok };
  }
  if (a.status >= 500) return { outcome: `${a.status}`, ok: false };
  if (c.expect === 'unauthorized')
    return { outcome: a.status === 401 ? '401' : `${a.status} (wanted 401)`, ok: a.status === 401 };
  if (c.expect === 'no-5xx') return { outcome: `${Math.floor(a.status / 100)}xx`, ok: true };
  if (a.status >= 400) return { outcome: `${a.status}`, ok: true };
  // MCP: a JSON-RPC response or notification posted to the server is acknowledged with 202 and no body.
  if (a.status === 202 && a.body === '' && isResponseOrNotification(c.body))
    return { outcome: '202 (response/notification, per MCP)', ok: true };
  const message = parseRpcBody(a.body);
  if (message?.error) return { outcome: 'JSON-RPC error', ok: true };
  if ((message?.result as { isError?: boolean } | undefined)?.isError) return { outcome: 'tool error', ok: true };
  return { outcome: `${a.status} accepted`, ok: false, detail: a.body.slice(0, 100).replace(/\s+/g, ' ') };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs `count` cases with `concurrency` in flight against a fresh local system under `root`. */
export async function soakFuzz(root: string, count: number, concurrency = 8): Promise<FuzzReport> {
  const stateDir = join(root, 'state');
  const dataDir = join(root, 'wiki');
  const system = await startSignedInSystem({ dataDir, stateDir });
  const report: FuzzReport = {
    cases: 0,
    byCategory: {},
    failures: 0,
    failuresByCategory: {},
    serverErrors: 0,
    invokeRefusals: 0,
    crashes: 0,
    examples: [],
  };
  try {
    const { url, host } = loopback(system.url);
    const base = new URL(url);
    const corpus = fuzzCorpus(count, {
      token: system.token,
      forged: forgedAuthorizations(system.token, join(stateDir, 'authkit')),
      host,
    });
    const worker = async () => {
      for (let next = corpus.next(); !next.done; next = corpus.next()) {
        const c = next.value;
        const answer = await send(base, c);
        const { outcome, ok, detail } = judge(c, answer);
        report.cases++;
        const counts = (report.byCategory[c.category] ??= {});
        counts[outcome] = (counts[outcome] ?? 0) + 1;
        if (beyondInvokeLimit(c) && ok) report.invokeRefusals++;
        else if (answer.status >= 500) report.serverErrors++;
        if (!ok) {
          report.failures++;
          report.failuresByCategory[c.category] = (report.failuresByCategory[c.category] ?? 0) + 1;
          if (report.examples.length < 20)
            report.examples.push(
              `${c.category}: ${c.method} ${c.path.slice(0, 80)} → ${outcome}${detail ? `: ${detail}` : ''}`,
            );
        }
        if (!alive(system.pid)) {
          report.crashes++;
          throw new Error(`the local system died after ${report.cases} cases: ${system.stderr().slice(-1000)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const health = await fetch(`${url}.well-known/oauth-protected-resource/mcp`, { headers: { host } });
    if (health.status !== 200) {
      report.crashes++;
      report.examples.push(`after the corpus the gateway answers ${health.status} to the protected-resource metadata`);
    }
    // Nothing may have been written outside the repository.
    for (const dir of [root, dirname(root)]) {
      for (const name of readdirSync(dir)) {
        if (!name.includes('fuzz-escape')) continue;
        report.failures++;
        report.failuresByCategory['hostile page path'] = (report.failuresByCategory['hostile page path'] ?? 0) + 1;
        report.examples.push(`escaped the repository: ${join(dir, name)}`);
      }
    }
    return report;
  } finally {
    await system.close();
  }
}
