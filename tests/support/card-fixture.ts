/** Test pages built from the extension's own components (bundled with esbuild), for checks that need an open shadow root. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '../..');

/** A test fixture (TSX with Preact) bundled into one script for a page, with esbuild. */
export async function bundleFixture(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

let bundle: Promise<string> | null = null;
/** The card fixture's script (tests/fixtures/card-page.tsx), built once per run. */
export function cardFixtureScript(): Promise<string> {
  return (bundle ??= bundleFixture(join(ROOT, 'tests/fixtures/card-page.tsx')));
}

/** The page: a light or dark background like the extension's pages, and the card script. */
export async function cardFixturePage(): Promise<string> {
  const script = (await cardFixtureScript()).replace(/<\/script/gi, '<\\/script');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Card fixture</title><style>body{margin:0;min-height:100vh;background:#fff}@media (prefers-color-scheme: dark){body{background:#121316}}</style></head>
<body><script>${script}</script></body></html>`;
}

/** axe-core's browser build, to evaluate in a page. */
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** In the page (after AXE_SOURCE): axe violations inside `selector` (open shadow roots included), as "rule: target" lines. */
export const axeViolations = async (selector: string) => {
  const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
  const res = await axe.run({ include: [[selector]] }, { resultTypes: ['violations'] });
  return res.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
};
