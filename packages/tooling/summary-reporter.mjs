/**
 * A jest reporter that records each package's totals, and every skipped test by name, under the
 * workspace's .test-results/ so `npm test` can close with one summary of the whole workspace.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

function workspaceRoot(from) {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export default class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const skipped = [];
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === 'pending' || test.status === 'skipped' || test.status === 'todo') {
          skipped.push(test.fullName);
        }
      }
    }
    const workspace = workspaceRoot(this.rootDir);
    const dir = join(workspace, '.test-results');
    mkdirSync(dir, { recursive: true });
    const name = relative(workspace, this.rootDir).replaceAll('/', '-') || 'root';
    writeFileSync(
      join(dir, `${name}.json`),
      JSON.stringify({
        package: name,
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
        skippedTests: skipped,
      }),
    );
  }
}
