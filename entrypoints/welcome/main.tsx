/** The first-run page (an unlisted page the background opens on install): components/WelcomeApp.tsx. */
import { render } from 'preact';
import { i18n } from '#i18n';
import { WelcomeApp } from '@/components/WelcomeApp';
import { chooseReach, openSettings } from '@/utils/reach-actions';
import { readReach } from '@/utils/settings';
import '@/assets/settings-page.css';

document.documentElement.lang = browser.i18n.getUILanguage().split('-')[0] || 'en';
document.title = i18n.t('welcome.title');
render(<WelcomeApp api={{ reach: readReach, setReach: chooseReach }} openSettings={() => void openSettings()} />, document.getElementById('app')!);
