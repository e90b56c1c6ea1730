/**
 * The real English messages for components under test: fakeBrowser has no i18n, and asserting on real
 * strings catches a missing or misnamed key.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Tree = { [key: string]: string | Tree };

export function flattenMessages(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}_${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flattenMessages(v, key)) out.set(kk, vv);
  }
  return out;
}

export function loadMessages(locale = 'en'): Map<string, string> {
  return flattenMessages(JSON.parse(readFileSync(join(import.meta.dirname, `../../locales/${locale}.json`), 'utf8')));
}

export function installMessages(locale = 'en'): Map<string, string> {
  const messages = loadMessages(locale);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
    const text = messages.get(key);
    if (text === undefined) throw new Error(`missing message ${key}`);
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return text.replace(/\$(\d)/g, (_, n) => list[Number(n) - 1] ?? '');
  }) as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(locale);
  return messages;
}
