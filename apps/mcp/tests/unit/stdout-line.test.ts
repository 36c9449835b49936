import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';

/** Runs the helper with stdout on a pipe nobody reads for a while, then reads all of it. */
async function linesWritten(count: number, mode: string): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/stdout-lines.ts', String(count), mode], {
    cwd: join(import.meta.dirname, '../..'),
    env: { PATH: process.env.PATH, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.pause();
  await sleep(300); // the pipe (64 KB) fills long before the ~2 MB are written
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stdout.resume();
  const code = await new Promise((resolve) => child.on('close', resolve));
  expect(code).toBe(0);
  return Buffer.concat(chunks).toString().split('\n').slice(0, -1);
}

describe('writeStdoutLine', () => {
  it.each(['direct', 'stream-first'])(
    'writes every line whole and in order through a pipe that fills up (%s)',
    async (mode) => {
      // Act
      const lines = await linesWritten(2000, mode);
      // Assess
      expect(lines).toHaveLength(2000);
      lines.forEach((line, i) =>
        expect(line).toBe(i === 0 && mode !== 'direct' ? 'line 0' : `line ${i} ${'x'.repeat(1000)}`),
      );
    },
  );
});
