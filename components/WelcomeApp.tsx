/**
 * The first-run page, opened when the extension is installed (and from the popup and the options page): what
 * the extension does, in one screen, and the choice of where it reads pages.
 */
import { i18n } from '#i18n';
import { ReachChoice, type ReachApi } from './ReachChoice';

export function WelcomeApp({ api, openSettings }: { api: ReachApi; openSettings: () => void }) {
  return (
    <main class="welcome">
      <h1>{i18n.t('welcome.title')}</h1>
      <p>{i18n.t('welcome.what')}</p>
      <p>
        <strong>{i18n.t('welcome.privacy')}</strong>
      </p>
      <ReachChoice api={api} />
      <p>{i18n.t('welcome.anywhere')}</p>
      <p class="muted">{i18n.t('welcome.done')}</p>
      <p>
        <button type="button" class="secondary" onClick={openSettings}>
          {i18n.t('welcome.settings')}
        </button>
      </p>
    </main>
  );
}
