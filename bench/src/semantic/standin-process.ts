/**
 * @module The Bedrock stand-in in its own process, as Bedrock is on AWS: its model's CPU time is then not counted in
 * the wiki process's figures (it still shares this machine's two cores, which the report says).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./standin-child.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx');

/** A running stand-in process. */
export interface StandinProcess {
  readonly url: string;
  readonly region: string;
  /** The process's peak resident memory so far (VmHWM), in MB. */
  peakRssMb(): number;
  close(): Promise<void>;
}

/** Starts `standin-child.ts` and waits for the URL it prints. */
export async function startStandinProcess(): Promise<StandinProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', TSX, CHILD], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^listening (\S+)$/m.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the Bedrock stand-in exited with ${code}`)));
  });
  return {
    url,
    region: 'us-east-1',
    peakRssMb: () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024,
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
