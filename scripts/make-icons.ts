/** Renders assets/icon.svg to the PNG sizes browsers want (public/icon/*.png), with the system Chromium. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './lib/chromium';

const ROOT = resolve(import.meta.dirname, '..');
const svg = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: join(ROOT, `public/icon/${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
