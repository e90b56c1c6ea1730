import { launchWithExtension } from '/work/wt-reach/scripts/lib/chromium';
const b = await launchWithExtension({ port: 9, extraArgs: ['--apps-gallery-install-auto-confirm-for-tests=accept'] } as any);
const p = await b.context.newPage();
await p.goto(`chrome-extension://${b.extensionId}/popup.html`);
await p.evaluate(() => { document.body.insertAdjacentHTML('beforeend', '<button id="x">go</button>'); document.getElementById('x')!.onclick = () => { (window as any).res = 'pending'; chrome.permissions.request({ origins: ['*://example.org/*'] }).then((g) => ((window as any).res = g), (e) => ((window as any).res = 'err ' + e)); }; });
await p.click('#x');
for (let i = 0; i < 10; i++) { await new Promise((r) => setTimeout(r, 500)); console.log(await p.evaluate(() => (window as any).res)); }
console.log(await p.evaluate(() => chrome.permissions.getAll()));
await b.close();
