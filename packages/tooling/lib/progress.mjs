/**
 * @module One progress line per step of a workspace command, with how long the step took:
 * `• installing dependencies (pnpm 10.20.0)… 8.1 s`. A step that fails shows what its tool printed.
 */

/** Prints `• label… ` now and the step's time when `work` settles; rethrows its failure. */
export async function step(label, work) {
  const started = performance.now();
  process.stdout.write(`• ${label}… `);
  try {
    const result = await work();
    process.stdout.write(`${seconds(started)}\n`);
    return result;
  } catch (error) {
    const stopped = error instanceof StepFailed && error.status === 0;
    process.stdout.write(`${stopped ? error.message : 'failed'} after ${seconds(started)}\n`);
    throw error;
  }
}

/** Prints a line that is not a step (a note or the command's headline). */
export function note(text) {
  process.stdout.write(`${text}\n`);
}

function seconds(since) {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** A step's failure: its tool's own output, shown once, and the status to exit with. */
export class StepFailed extends Error {
  constructor(message, status, output = '') {
    super(message);
    this.name = 'StepFailed';
    this.status = status;
    this.output = output;
  }
}
