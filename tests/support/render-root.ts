/**
 * The set-up every component test shares: a fresh element to render into for each test, with the fake
 * browser and the English messages reset; afterwards the tree is unmounted and mocks restored.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installMessages } from './i18n';

/** Register the hooks; `use` receives each test's element. */
export function renderRootPerTest(use: (root: HTMLElement) => void): void {
  let root: HTMLElement;
  beforeEach(() => {
    fakeBrowser.reset();
    installMessages('en');
    root = document.createElement('div');
    document.body.append(root);
    use(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.restoreAllMocks();
  });
}

/** Let pending effects and timers of zero run. */
export const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
