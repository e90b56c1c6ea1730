/**
 * `npm run data:check`: validate the dataset, list every record by the day it was last verified (oldest first,
 * those past the staleness window marked), then what a fact-checker would flag per record.
 * Staleness is measured from today; `--today=YYYY-MM-DD` checks as of another day (reproducible reports).
 * Exits 1 when the dataset is invalid, or when a title or status it presents as current was not checked within
 * six months of today (listed as FAIL); other gaps and stale records are reported, not fatal.
 */
import './lib/quiet-pipe';
import { DatasetError, loadDataset } from '../data/validate';
import { checkReport, currentFailures } from '../data/audit';
import { IsoDate } from '../data/schema';

const arg = process.argv.slice(2).find((a) => a.startsWith('--today='))?.slice('--today='.length);
if (arg !== undefined && !IsoDate.safeParse(arg).success) {
  console.error(`--today: expected YYYY-MM-DD, got ${JSON.stringify(arg)}`);
  process.exit(2);
}
const today = arg ?? new Date().toISOString().slice(0, 10);

try {
  const { meta, entities, claims } = loadDataset();
  console.log(checkReport(meta, entities, today, claims).join('\n'));
  if (currentFailures(entities, claims, today).length) process.exitCode = 1;
} catch (e) {
  if (e instanceof DatasetError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
