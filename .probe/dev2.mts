import { launchWithExtension } from '/work/wt-reach/scripts/lib/chromium';
const b = await launchWithExtension({ port: 9 });
const p = await b.context.newPage();
await p.goto('chrome://extensions');
const r = await p.evaluate(async (id) => {
  const dp = (chrome as any).developerPrivate;
  const out: any[] = [];
  try { await dp.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_SPECIFIC_SITES' }); out.push('cfg ok'); } catch (e) { out.push('cfg err ' + e); }
  try { await dp.addHostPermission(id, 'http://example.org/*'); out.push('add ok'); } catch (e) { out.push('add err ' + e); }
  const info = await dp.getExtensionInfo(id);
  out.push(JSON.stringify(info.permissions.runtimeHostPermissions).slice(0, 600));
  return out;
}, b.extensionId);
console.log(r);
console.log(JSON.stringify(await b.worker.evaluate(async () => [await chrome.permissions.contains({ origins: ['http://example.org/*'] }), (await chrome.permissions.getAll()).origins?.length])));
await b.close();
