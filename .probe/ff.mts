import { launchFirefoxWithExtension } from '/work/wt-reach/scripts/lib/firefox';
const b = await launchFirefoxWithExtension({ port: 9, keepFirstRun: true, prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
for (let i = 0; i < 5; i++) { console.log((await b.browser.pages()).map((p) => p.url())); await new Promise((r) => setTimeout(r, 1000)); }
const r = await b.inExtension(async () => { const api = (globalThis as any).browser; const tabs = await api.tabs.query({}); return tabs.map((t: any) => [t.id, t.url, t.title]); }, 0);
console.log(JSON.stringify(r));
await b.close();
