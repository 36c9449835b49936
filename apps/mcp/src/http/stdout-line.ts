/**
 * @module Log lines to standard output without Node's stdout stream. `process.stdout` on a pipe (how Lambda and the
 * bench run the function) is a `net.Socket`: making it on the first log line loads net and the stream machinery,
 * ~4 ms of a cold start whose work is one small JSON answer (measured: `node -e` with one `process.stdout.write`
 * 30.4 ms, with one `fs.writeSync(1)` 27.0 ms, bare 26.0 ms). So lines are written to fd 1 directly, whole and in
 * order; if the descriptor ever refuses (EAGAIN on a full non-blocking pipe), what is left of the line and every
 * later line go through `process.stdout`, which queues them.
 */
import { writeSync } from 'node:fs';

let throughStream = false;

/**
 * Writes `line` and a newline to standard output.
 *
 * @example
 * ```ts
 * writeStdoutLine(JSON.stringify({ level: 'info', msg: 'request' }));
 * ```
 */
export function writeStdoutLine(line: string): void {
  const bytes = Buffer.from(`${line}\n`);
  let written = 0;
  if (!throughStream) {
    try {
      while (written < bytes.length) written += writeSync(1, bytes, written);
      return;
    } catch {
      throughStream = true;
    }
  }
  process.stdout.write(bytes.subarray(written));
}
