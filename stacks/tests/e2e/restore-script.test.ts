import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/index.js';
import { fakeAwsCli, type RestoreScenario } from '../helpers/fake-aws-cli.js';

const SCRIPT = join(REPO_ROOT, 'stacks', 'scripts', 'restore-from-backup.sh');
const FS_ADDRESS = 'aws_efs_file_system.storage_fs_1A2B3C4D';
const SCENARIO: RestoreScenario = {
  outputs: {
    region: 'eu-west-1',
    file_system_id: 'fs-0old',
    backup_vault_name: 'wikibot-prod-wiki',
    backup_role_arn: 'arn:aws:iam::123456789012:role/wikibot-prod-backup',
  },
  stateAddresses: [
    'aws_backup_vault.backup_vault_9F8E7D6C',
    FS_ADDRESS,
    'aws_efs_mount_target.storage_mount-0_11111111',
  ],
  fileSystemArn: 'arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0old',
  latestRecoveryPoint: 'arn:aws:backup:eu-west-1:123456789012:recovery-point:rp-latest',
  jobId: 'restore-job-1',
  statuses: ['PENDING', 'RUNNING', 'COMPLETED'],
  createdResourceArn: 'arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0new',
};

const cleanups: string[] = [];
afterEach(() => cleanups.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs the script from a root holding a synthesized `prod` stack, with the fakes first on PATH. */
function restore(scenario: RestoreScenario, ...args: string[]) {
  const root = mkdtempSync(join(tmpdir(), 'wikibot-restore-'));
  mkdirSync(join(root, 'cdktf.out', 'stacks', 'prod'), { recursive: true });
  writeFileSync(join(root, 'cdktf.out', 'stacks', 'prod', 'cdk.tf.json'), '{}');
  const fake = fakeAwsCli(scenario);
  cleanups.push(root, fake.bin);
  const result = spawnSync('bash', [SCRIPT, 'prod', ...args], {
    cwd: root,
    env: { PATH: `${fake.bin}:${process.env.PATH}`, HOME: root, RESTORE_POLL_SECONDS: '0' },
    encoding: 'utf8',
  });
  return { result, calls: fake.calls() };
}

describe('stacks/scripts/restore-from-backup.sh', () => {
  it("restores the latest completed recovery point into a new encrypted file system with the stack's backup role", () => {
    // Act
    const { result, calls } = restore(SCENARIO);

    // Assess
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    const start = calls.find((c) => c.includes('start-restore-job')) ?? [];
    const option = (name: string) => start[start.indexOf(name) + 1];
    expect([option('--recovery-point-arn'), option('--iam-role-arn'), option('--resource-type')]).toEqual([
      SCENARIO.latestRecoveryPoint,
      SCENARIO.outputs.backup_role_arn,
      'EFS',
    ]);
    expect(JSON.parse(option('--metadata'))).toEqual({
      'file-system-id': 'fs-0old',
      newFileSystem: 'true',
      Encrypted: 'true',
      PerformanceMode: 'generalPurpose',
      CreationToken: expect.stringMatching(/^wikibot-prod-wiki-restored-\d{14}$/),
    });
    const listed = calls.find((c) => c.includes('list-recovery-points-by-backup-vault')) ?? [];
    expect(listed).toEqual(
      expect.arrayContaining(['--backup-vault-name', 'wikibot-prod-wiki', '--by-resource-arn', SCENARIO.fileSystemArn]),
    );
    // Without --swap the state is left alone and the commands are printed.
    expect(calls.filter((c) => c[0] === 'terraform' && (c.includes('rm') || c.includes('import')))).toEqual([]);
    expect(result.stdout).toContain(`terraform -chdir=cdktf.out/stacks/prod import ${FS_ADDRESS} fs-0new`);
  });

  it('with --swap and a chosen recovery point, puts the new file system in the state in place of the old one', () => {
    // Act
    const { result, calls } = restore(
      SCENARIO,
      '--recovery-point',
      'arn:aws:backup:eu-west-1:123456789012:recovery-point:rp-older',
      '--swap',
    );

    // Assess
    expect(result.status).toBe(0);
    expect(calls.some((c) => c.includes('list-recovery-points-by-backup-vault'))).toBe(false);
    const start = calls.find((c) => c.includes('start-restore-job')) ?? [];
    expect(start[start.indexOf('--recovery-point-arn') + 1]).toBe(
      'arn:aws:backup:eu-west-1:123456789012:recovery-point:rp-older',
    );
    const stateChanges = calls
      .filter((c) => c[0] === 'terraform' && (c.includes('rm') || c.includes('import')))
      .map((c) => c.slice(1));
    expect(stateChanges).toEqual([
      ['-chdir=cdktf.out/stacks/prod', 'state', 'rm', FS_ADDRESS],
      ['-chdir=cdktf.out/stacks/prod', 'import', FS_ADDRESS, 'fs-0new'],
    ]);
  });

  it("stops with the job's reason, touching no state, when the restore job fails", () => {
    // Act
    const { result, calls } = restore({ ...SCENARIO, statuses: ['RUNNING', 'FAILED'] }, '--swap');

    // Assess
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('restore job restore-job-1 FAILED: the recovery point is expired');
    expect(calls.filter((c) => c[0] === 'terraform' && (c.includes('rm') || c.includes('import')))).toEqual([]);
  });

  it('refuses to run before the stack is synthesized', () => {
    const root = mkdtempSync(join(tmpdir(), 'wikibot-restore-'));
    cleanups.push(root);
    const result = spawnSync('bash', [SCRIPT, 'prod'], { cwd: root, encoding: 'utf8' });
    expect([result.status, result.stderr]).toEqual([
      1,
      expect.stringContaining('cdktf.out/stacks/prod/cdk.tf.json is missing'),
    ]);
  });
});
