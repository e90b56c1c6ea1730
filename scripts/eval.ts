/** `npm run eval`: precision and recall of recognition on the project's labelled articles, by language. */
import './lib/quiet-pipe';
import { figures, runEval, type CaseResult } from '../eval/evaluate';

const results = runEval();
const pct = (x: number) => (x * 100).toFixed(1) + '%';
const row = (name: string, rs: CaseResult[]) => {
  const f = figures(rs);
  return `${name.padEnd(8)} n=${String(f.n).padStart(3)}  precision ${pct(f.precision).padStart(6)}  recall ${pct(f.recall).padStart(6)}  entity recall ${pct(f.entityRecall).padStart(6)}  (tp ${f.tp}, fp ${f.fp}, fn ${f.fn}, tn ${f.tn})`;
};
console.log('Recognition on eval/articles (labelled texts written for this project)');
console.log(row('all', results));
console.log(row('English', results.filter((r) => r.lang === 'en')));
console.log(row('Spanish', results.filter((r) => r.lang === 'es')));
const wrong = results.filter((r) => (r.label === 'positive') !== r.detected);
if (wrong.length) {
  console.log('\nMisclassified:');
  for (const r of wrong) console.log(`  ${r.file} (${r.label}, ${r.category}) score ${r.score}`);
}
const misses = results.filter((r) => r.label === 'positive' && r.detected && r.missing.length);
if (misses.length) {
  console.log('\nEntities not found in recognised positives:');
  for (const r of misses) console.log(`  ${r.file}: ${r.missing.join(', ')}`);
}

// Claim checks on the labelled development set (eval/claims/dev.json, written in the style of real coverage).
const { claimFigures, runClaimEval, LABELS_DAY } = await import('../eval/claims');
const claimResults = runClaimEval();
const cf = (rs: typeof claimResults) => claimFigures(rs);
const claimRow = (name: string, rs: typeof claimResults) => {
  const f = cf(rs);
  return `${name.padEnd(8)} ${String(f.labelled).padStart(4)} labelled  right ${String(f.right).padStart(4)} (${pct(f.recall).padStart(6)})  wrong ${f.wrong}  missed ${f.missed}  verdicts on history ${f.onHistory}  bare dates ${f.bareDates}`;
};
console.log(`\nClaim checks on eval/claims/dev.json (${claimResults.length} items written in the style of real coverage; judged as of ${LABELS_DAY})`);
console.log(claimRow('all', claimResults));
console.log(claimRow('English', claimResults.filter((r) => r.item.lang === 'en')));
console.log(claimRow('Spanish', claimResults.filter((r) => r.item.lang === 'es')));
const wrongClaims = claimResults.flatMap((r) => r.wrong.map((w) => `  ${r.item.id}: ${w.claim} ${w.got} (labelled ${w.want}): "${w.text}"`));
if (wrongClaims.length) console.log(`\nWrong verdicts:\n${wrongClaims.join('\n')}`);
if (process.argv.includes('--misses'))
  for (const r of claimResults) for (const m of r.missed) console.log(`  missed ${r.item.id}: ${m.claim} ${m.verdict} (${m.part}): "${m.span}"`);

const agreement = (await import('./main-content')).compareWithReadability();
if (agreement) {
  console.log('\nMain content: the engine’s landmark heuristic against Mozilla Readability (../shared/corpus/pages)');
  console.log(`  ${agreement.pages} pages; median share of Readability's article words the heuristic keeps: ${pct(agreement.coverage)}`);
  console.log(`  median share of the heuristic's main-text words outside Readability's article: ${pct(agreement.extra)}`);
}
