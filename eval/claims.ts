/**
 * The claim checks against a labelled development set written in the style of real coverage
 * (eval/claims/dev.json; its README says how it was made and labelled). Used by `npm run eval` and held at its
 * goals by a unit test. "Today" is pinned to the day the labels were set: a verdict depends on what is true
 * today, and the set says what was true then.
 *
 * Per labelled claim: right (the engine gave that claim that verdict), wrong (it gave the claim another
 * verdict), missed (no verdict). Any verdict the set does not expect is wrong too (a verdict on a history
 * sentence, a negative, or a claim the dataset should not settle); so is a verdict whose statement is a date
 * alone ("July"), which is never a claim.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { claims as dataClaims } from '../data';
import { compileClaims, prepareClaims, type ClaimCheck } from '../engine';
import { parseDateExpr } from '../engine/dates';

export const LABELS_DAY = '2026-12-07';

export interface ClaimItem {
  id: string;
  lang: 'en' | 'es';
  published: string | null;
  style: string;
  text: string;
  expect: { claim: string; verdict: 'agrees' | 'outdated' | 'differs'; part: string; span: string }[];
  history: boolean;
  pattern?: string;
  note?: string;
}

export interface ItemResult {
  item: ClaimItem;
  checks: ClaimCheck[];
  right: number;
  wrong: { claim: string; got: string; want: string; text: string }[];
  missed: ClaimItem['expect'];
}

export interface ClaimFigures {
  items: number;
  labelled: number;
  right: number;
  wrong: number;
  missed: number;
  /** Share of labelled claims given the right verdict. */
  recall: number;
  /** Verdicts given on sentences the set marks as history (none is due as the present's). */
  onHistory: number;
  /** Verdicts whose statement is a date alone. */
  bareDates: number;
}

export const CLAIMS_DEV = join(import.meta.dirname, 'claims/dev.json');

/** A statement that is nothing but a date ("July", "Aug. 12", "el lunes"): never a claim of its own. */
export const isBareDate = (text: string): boolean => {
  const t = text.trim().replace(/[.,;:]+$/, '');
  return t.length > 0 && parseDateExpr(t, t) !== null && !/\s(?:that|when|after|before|judge|court|sued|filed)\b/i.test(t);
};

export function runClaimEval(file = CLAIMS_DEV, today = LABELS_DAY): ItemResult[] {
  const items = JSON.parse(readFileSync(file, 'utf8')) as ClaimItem[];
  const finder = compileClaims(prepareClaims(dataClaims));
  return items.map((item) => {
    const checks = finder.find(item.text, { published: item.published, today }).filter((c) => c.verdict !== null);
    const used = new Set<ClaimCheck>();
    let right = 0;
    const wrong: ItemResult['wrong'] = [];
    const missed: ClaimItem['expect'] = [];
    for (const want of item.expect) {
      const same = checks.filter((c) => c.id === want.claim && !used.has(c));
      const hit = same.find((c) => c.verdict === want.verdict);
      if (hit) {
        used.add(hit);
        right++;
      } else if (same.length) {
        used.add(same[0]);
        wrong.push({ claim: want.claim, got: same[0].verdict!, want: want.verdict, text: same[0].text });
      } else missed.push(want);
    }
    for (const c of checks) if (!used.has(c)) wrong.push({ claim: c.id, got: c.verdict!, want: 'none', text: c.text });
    return { item, checks, right, wrong, missed };
  });
}

export function claimFigures(results: ItemResult[]): ClaimFigures {
  const labelled = results.reduce((n, r) => n + r.item.expect.length, 0);
  const right = results.reduce((n, r) => n + r.right, 0);
  const wrong = results.reduce((n, r) => n + r.wrong.length, 0);
  return {
    items: results.length,
    labelled,
    right,
    wrong,
    missed: results.reduce((n, r) => n + r.missed.length, 0),
    recall: labelled ? right / labelled : 1,
    onHistory: results.filter((r) => r.item.history).reduce((n, r) => n + r.wrong.filter((w) => w.want === 'none').length, 0),
    bareDates: results.reduce((n, r) => n + r.checks.filter((c) => isBareDate(c.text)).length, 0),
  };
}
