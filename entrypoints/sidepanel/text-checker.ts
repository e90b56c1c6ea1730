/**
 * The side panel's link to the background for "Check text": the background checks the text with its warm
 * engine, and holds the text the reader sent with the menu item until the panel takes it (once).
 */
import type { TextChecker } from '@/components/panel/TextCheck';
import type { BackgroundRequest } from '@/utils/background-request';
import type { TextCheckAnswer } from '@/utils/text-check';

const today = () => new Date().toISOString().slice(0, 10);

export function backgroundChecker(): TextChecker {
  return {
    async check(text, published) {
      const request: BackgroundRequest = { type: 'text:check', text, published, today: today() };
      return ((await browser.runtime.sendMessage(request).catch(() => null)) as TextCheckAnswer | null) ?? null;
    },
    onMenuText(listener) {
      const take = async () => {
        const answer = (await browser.runtime.sendMessage({ type: 'text:take' } satisfies BackgroundRequest).catch(() => null)) as { text: string | null } | null;
        if (answer?.text) listener(answer.text);
      };
      // Not an async listener: one that returns a Promise would answer every message sent to the extension.
      const pending = (message: unknown) => {
        if ((message as { type?: unknown })?.type === 'text:pending') void take();
        return undefined;
      };
      browser.runtime.onMessage.addListener(pending);
      void take();
      return () => browser.runtime.onMessage.removeListener(pending);
    },
  };
}
