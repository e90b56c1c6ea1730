/** The options page (options_ui): every setting in one place (components/OptionsApp.tsx). */
import { render } from 'preact';
import { i18n } from '#i18n';
import { OptionsApp, type OptionsApi } from '@/components/OptionsApp';
import { addAlwaysSite, alwaysSitesWithGrants, chooseReach, openFirstRun, removeAlwaysSite } from '@/utils/reach-actions';
import { readCardLang, readDisabledSites, readReach, readUnderlineMode, setCardLang, setSiteEnabled, setUnderlineMode } from '@/utils/settings';
import '@/assets/settings-page.css';

const api: OptionsApi = {
  reach: readReach,
  setReach: chooseReach,
  alwaysSites: alwaysSitesWithGrants,
  addAlwaysSite,
  removeAlwaysSite,
  disabledSites: readDisabledSites,
  enableSite: (host) => setSiteEnabled(host, true),
  underlineMode: readUnderlineMode,
  setUnderlineMode,
  cardLang: readCardLang,
  setCardLang,
  openFirstRun: () => void openFirstRun(),
};

document.documentElement.lang = browser.i18n.getUILanguage().split('-')[0] || 'en';
document.title = i18n.t('options.title');
render(<OptionsApp api={api} />, document.getElementById('app')!);
