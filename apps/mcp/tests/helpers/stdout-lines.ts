/**
 * For the stdout-line test: `tsx tests/helpers/stdout-lines.ts <count> [stream-first]` writes `count` numbered
 * lines of ~1 KB with writeStdoutLine; with `stream-first`, a line through `process.stdout` comes first (making
 * the stream, which leaves a pipe non-blocking, so a full pipe refuses a direct write).
 */
import { writeStdoutLine } from '../../src/http/stdout-line.js';

const [count = '1', mode] = process.argv.slice(2);
if (mode === 'stream-first') process.stdout.write('line 0\n');
for (let i = mode === 'stream-first' ? 1 : 0; i < Number(count); i++) writeStdoutLine(`line ${i} ${'x'.repeat(1000)}`);
