import { launchWithExtension } from '/work/wt-reach/scripts/lib/chromium';
const b = await launchWithExtension({ port: 9 });
await b.worker.evaluate(() => { (globalThis as any).added = []; chrome.permissions.onAdded.addListener((p) => (globalThis as any).added.push(p)); });
const p = await b.context.newPage();
await p.goto('chrome://extensions');
const r = await p.evaluate(async (id) => {
  const dp = (chrome as any).developerPrivate;
  try { await dp.addHostPermission(id, '*://example.org/*'); } catch (e) { return 'err ' + e; }
  return 'ok';
}, b.extensionId);
console.log(r);
console.log(JSON.stringify(await b.worker.evaluate(async () => [(globalThis as any).added, await chrome.permissions.contains({ origins: ['*://example.org/*'] }), (await chrome.permissions.getAll()).origins?.filter((o) => o.includes('example'))])));
await b.close();
