/**
 * @module `npm run soak`: the bounded load, fault and hostile-input soak on loopback. It stops by itself,
 * prints its counts and exits non-zero on any loss. SOAK_SECONDS (default 60), SOAK_KILLS (20) and
 * SOAK_FUZZ_CASES (10000) size it.
 */
import { renderSoakReport, runSoak } from './soak/run-soak.js';

const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

const report = await runSoak({
  seconds: numberFrom('SOAK_SECONDS', 60),
  kills: numberFrom('SOAK_KILLS', 20),
  fuzzCases: numberFrom('SOAK_FUZZ_CASES', 10_000),
});
process.stdout.write(`${renderSoakReport(report)}\n`);
process.exit(report.failures.length ? 1 : 0);
