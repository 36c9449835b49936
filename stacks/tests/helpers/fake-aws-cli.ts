/**
 * Stand-ins for the `aws` and `terraform` commands the restore script runs, on a PATH of their own.
 * Each logs its arguments (one JSON line per call) and answers what the real command prints for the
 * script's `--query … --output text` / `output -raw` calls, from a scenario the test sets.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the fake account holds. */
export interface RestoreScenario {
  readonly outputs: Record<string, string>;
  readonly stateAddresses: string[];
  readonly fileSystemArn: string;
  readonly latestRecoveryPoint: string;
  readonly jobId: string;
  /** Statuses `describe-restore-job` reports, one per poll; the last repeats. */
  readonly statuses: string[];
  readonly createdResourceArn: string;
}

const FAKE = `#!/usr/bin/env node
const { appendFileSync, readFileSync, writeFileSync, existsSync } = require('node:fs');
const dir = __dirname;
const args = process.argv.slice(2);
const tool = require('node:path').basename(process.argv[1]);
appendFileSync(dir + '/calls.jsonl', JSON.stringify([tool, ...args]) + '\\n');
const s = JSON.parse(readFileSync(dir + '/scenario.json', 'utf8'));
const has = (...words) => words.every((w) => args.includes(w));
const query = args[args.indexOf('--query') + 1];
const say = (text) => process.stdout.write(text + '\\n');
if (tool === 'terraform') {
  if (has('output', '-raw')) say(s.outputs[args.at(-1)]);
  else if (has('state', 'list')) say(s.stateAddresses.join('\\n'));
} else if (has('efs', 'describe-file-systems')) say(s.fileSystemArn);
else if (has('backup', 'list-recovery-points-by-backup-vault')) say(s.latestRecoveryPoint);
else if (has('backup', 'start-restore-job')) say(s.jobId);
else if (has('backup', 'describe-restore-job')) {
  if (query === 'Status') {
    const file = dir + '/polls';
    const polls = existsSync(file) ? Number(readFileSync(file, 'utf8')) : 0;
    writeFileSync(file, String(polls + 1));
    say(s.statuses[Math.min(polls, s.statuses.length - 1)]);
  } else if (query === 'StatusMessage') say('the recovery point is expired');
  else if (query === 'CreatedResourceArn') say(s.createdResourceArn);
}
`;

/** A directory of fakes; `calls()` reads back what was run. */
export function fakeAwsCli(scenario: RestoreScenario): { bin: string; calls: () => string[][] } {
  const bin = mkdtempSync(join(tmpdir(), 'wikibot-fake-aws-'));
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'scenario.json'), JSON.stringify(scenario));
  for (const tool of ['aws', 'terraform']) {
    writeFileSync(join(bin, tool), FAKE);
    chmodSync(join(bin, tool), 0o755);
  }
  const calls = () => {
    try {
      return readFileSync(join(bin, 'calls.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as string[]);
    } catch {
      return [];
    }
  };
  return { bin, calls };
}
