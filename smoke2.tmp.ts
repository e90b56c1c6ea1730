import { annotationsFor, launchWithExtension, sendToActiveTab } from './scripts/lib/chromium';
import { serve } from './scripts/lib/serve';
import { routes } from './tests/e2e/pages';
import { centreOfText } from './scripts/lib/in-page';
const server = await serve(routes);
const b = await launchWithExtension({ port: server.port });
const page = b.context.pages()[0] ?? (await b.context.newPage());
page.on('pageerror', (e) => console.log('pageerror', e.message));
const state = async () => (await sendToActiveTab(b, { type: 'card:state' })) as any;
const hover = async (text: string) => { const p = await page.evaluate(centreOfText, text); await page.mouse.move(p.x - 3, p.y); await page.mouse.move(p.x, p.y); await page.waitForTimeout(700); };
await page.goto('http://apnews.com/article/sample');
console.log('count', (await annotationsFor(b)).annotations.length);
// 1. page removes host
await hover('Andrew Nixon');
console.log('open1', (await state()).open);
await page.mouse.move(5, 5); await page.waitForTimeout(800);
await page.evaluate(() => document.querySelector('medicaid-data-context')?.remove());
await hover('Privacy Act of 1974');
console.log('after host removed, open:', (await state()).open, (await state()).id);
// 2. overlay + dialog
await page.evaluate(() => { const d = document.createElement('div'); d.id='ov'; d.style.cssText='position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.1)'; document.body.append(d); });
await page.mouse.move(5, 5); await page.waitForTimeout(800);
await sendToActiveTab(b, { type: 'annotations:reveal', id: 'gavin-newsom' });
await page.waitForTimeout(500);
let s = await state();
console.log('overlay: open', s.open, 'top element is host:', await page.evaluate((c) => document.elementFromPoint(c.left + c.width / 2, c.top + c.height / 2)?.tagName, s.card));
await page.keyboard.press('Escape'); await page.waitForTimeout(300);
await page.evaluate(() => { document.getElementById('ov')!.remove(); const dlg = document.createElement('dialog'); dlg.textContent = 'Subscribe!'; dlg.style.cssText='width:90vw;height:90vh'; document.body.append(dlg); dlg.showModal(); });
await sendToActiveTab(b, { type: 'annotations:reveal', id: 'cms' });
await page.waitForTimeout(500);
s = await state();
console.log('dialog: open', s.open, 'top:', await page.evaluate((c) => document.elementFromPoint(c.left + c.width / 2, c.top + c.height / 2)?.tagName, s.card));
await page.keyboard.press('Escape'); await page.waitForTimeout(300);
await page.evaluate(() => document.querySelector('dialog')?.close());
// 3. body re-render
await page.evaluate(() => { document.body.innerHTML = document.body.innerHTML; });
await page.waitForTimeout(1500);
console.log('after body rerender', (await annotationsFor(b)).annotations.length, await page.evaluate(() => CSS.highlights.size));
await hover('Andrew Nixon');
console.log('hover after rerender', (await state()).open);
await page.mouse.move(5,5); await page.waitForTimeout(600);
// 4. synthetic events
await page.evaluate(() => { document.dispatchEvent(new KeyboardEvent('keydown', { key: 'N', code: 'KeyN', altKey: true, shiftKey: true, bubbles: true })); });
await page.waitForTimeout(400);
console.log('synthetic key opened card?', (await state()).open);
// 5. char data edit: remove Medicaid everywhere
await page.evaluate(() => { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); for (let n = w.nextNode(); n; n = w.nextNode()) (n as Text).data = (n as Text).data.replace(/Medicaid|Medi-Cal|Medicare/g, 'Healthcare'); });
await page.waitForTimeout(2000);
const after = await annotationsFor(b);
console.log('after edits detected', after.detected, after.annotations.length, await page.evaluate(() => [...CSS.highlights.values()].reduce((a, h) => a + h.size, 0)));
await b.close(); await server.close();
