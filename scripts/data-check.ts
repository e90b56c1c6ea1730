/**
 * `npm run data:check`: validate the dataset and list, per entity, what a fact-checker would flag:
 * missing fields the cards rely on, and facts older than the staleness window.
 * Exits 1 when the dataset is invalid; gaps and staleness are reported, not fatal.
 */
import './lib/quiet-pipe';
import { DatasetError, loadDataset } from '../data/validate';
import { auditEntity } from '../data/audit';

try {
  const { meta, entities } = loadDataset();
  const counts = new Map<string, number>();
  for (const e of entities) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  console.log(`Dataset ${meta.version} (updated ${meta.updated}): ${entities.length} records — ` +
    [...counts].map(([k, n]) => `${n} ${k}`).join(', '));
  let flagged = 0;
  for (const e of entities) {
    const findings = auditEntity(e, meta.updated);
    if (!findings.length) continue;
    flagged++;
    console.log(`  ${e.kind} ${e.id}:`);
    for (const f of findings) console.log(`    - ${f}`);
  }
  console.log(flagged ? `${flagged} record(s) have gaps or stale facts (listed above).` : 'No gaps or stale facts.');
} catch (e) {
  if (e instanceof DatasetError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
