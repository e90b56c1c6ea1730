import { launchFirefoxWithExtension } from '/work/wt-reach/scripts/lib/firefox';
const b = await launchFirefoxWithExtension({ port: 9, keepFirstRun: true });
await new Promise((r) => setTimeout(r, 1500));
for (const p of await b.browser.pages()) console.log(p.url(), await Promise.race([p.evaluate(() => location.href).catch((e) => 'err ' + e), new Promise((r) => setTimeout(() => r('timeout'), 3000))]));
await b.close();
