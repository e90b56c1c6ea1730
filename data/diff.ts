/**
 * What changed between two versions of the dataset: for the changelog, and for reviewers of a correction.
 */
import type { Entity } from './schema';

export interface DatasetSnapshot {
  version: string;
  updated: string;
  entities: Entity[];
  /** Claim records (from 2.0.0); absent in older versions. */
  claims?: { id: string; kind: string; about?: { en: string } }[];
}

export interface EntityChange {
  id: string;
  kind: string;
  /** Top-level fields that differ, with a short description of the change. */
  fields: { field: string; before: unknown; after: unknown }[];
}

export interface DatasetDiff {
  from: string;
  to: string;
  added: Entity[];
  removed: Entity[];
  changed: EntityChange[];
  claims: { added: string[]; removed: string[]; changed: string[] };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffDatasets(a: DatasetSnapshot, b: DatasetSnapshot): DatasetDiff {
  const before = new Map(a.entities.map((e) => [e.id, e]));
  const after = new Map(b.entities.map((e) => [e.id, e]));
  const changed: EntityChange[] = [];
  for (const [id, next] of after) {
    const prev = before.get(id);
    if (!prev) continue;
    const keys = new Set([...Object.keys(prev), ...Object.keys(next)]);
    const fields = [...keys]
      .filter((k) => !same((prev as Record<string, unknown>)[k], (next as Record<string, unknown>)[k]))
      .map((field) => ({ field, before: (prev as Record<string, unknown>)[field], after: (next as Record<string, unknown>)[field] }));
    if (fields.length) changed.push({ id, kind: next.kind, fields });
  }
  return {
    from: a.version,
    to: b.version,
    added: b.entities.filter((e) => !before.has(e.id)),
    removed: a.entities.filter((e) => !after.has(e.id)),
    changed,
    claims: diffClaims(a.claims ?? [], b.claims ?? []),
  };
}

function diffClaims(a: NonNullable<DatasetSnapshot['claims']>, b: NonNullable<DatasetSnapshot['claims']>): DatasetDiff['claims'] {
  const before = new Map(a.map((c) => [c.id, c]));
  const after = new Map(b.map((c) => [c.id, c]));
  return {
    added: [...after.keys()].filter((id) => !before.has(id)),
    removed: [...before.keys()].filter((id) => !after.has(id)),
    changed: [...after].filter(([id, c]) => before.has(id) && !same(before.get(id), c)).map(([id]) => id),
  };
}

function describe(before: unknown, after: unknown): string {
  if (Array.isArray(before) && Array.isArray(after)) {
    const b = new Set(before.map((x) => JSON.stringify(x)));
    const a = new Set(after.map((x) => JSON.stringify(x)));
    const plus = [...a].filter((x) => !b.has(x)).length;
    const minus = [...b].filter((x) => !a.has(x)).length;
    return `${plus} added, ${minus} removed`;
  }
  const show = (v: unknown) => (v === undefined ? '(none)' : typeof v === 'string' ? JSON.stringify(v.length > 80 ? v.slice(0, 77) + '…' : v) : JSON.stringify(v).slice(0, 80));
  return `${show(before)} → ${show(after)}`;
}

/** Markdown, ready to paste under a version heading in data/CHANGELOG.md. */
export function formatDiff(d: DatasetDiff): string {
  const lines = [`Dataset ${d.from} → ${d.to}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed.`];
  if (d.added.length) lines.push('', '### Added', ...d.added.map((e) => `- ${e.kind} \`${e.id}\` — ${e.name}`));
  if (d.removed.length) lines.push('', '### Removed', ...d.removed.map((e) => `- ${e.kind} \`${e.id}\` — ${e.name}`));
  if (d.changed.length) {
    lines.push('', '### Changed');
    for (const c of d.changed) {
      lines.push(`- ${c.kind} \`${c.id}\`:`);
      for (const f of c.fields) lines.push(`  - ${f.field}: ${describe(f.before, f.after)}`);
    }
  }
  const c = d.claims;
  if (c.added.length || c.removed.length || c.changed.length) {
    lines.push('', `### Claims: ${c.added.length} added, ${c.removed.length} removed, ${c.changed.length} changed`);
    for (const [label, ids] of [['Added', c.added], ['Removed', c.removed], ['Changed', c.changed]] as const) if (ids.length) lines.push(`- ${label}: ${ids.map((id) => `\`${id}\``).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
