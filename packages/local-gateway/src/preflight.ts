/**
 * @module `npm start`'s first step, before the workspace is installed or built: reads the settings, checks the
 * ports and the data directory, and prints one line saying what will start — or the mistake and the variable
 * to change (exit 2). Node 22 runs this TypeScript as it is (built-ins only).
 */
import { describePlan, inspectDataDir } from './data-dir.ts';
import { SettingsError } from './errors.ts';
import { checkPorts } from './port-check.ts';
import { readSettings } from './config.ts';

try {
  const settings = readSettings();
  await checkPorts(settings);
  const plan = describePlan(settings.dataDir, inspectDataDir(settings.dataDir));
  console.log(`  PORT ${settings.port}, AUTH_PORT ${settings.authPort}; ${plan}`);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exit(2);
}
