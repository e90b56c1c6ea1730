import { render } from 'preact';
import { i18n } from '#i18n';
import { PopupApp } from '@/components/PopupApp';
import { connectActiveTab } from './active-tab';
import './popup.css';

document.documentElement.lang = browser.i18n.getUILanguage().split('-')[0] || 'en';
document.title = i18n.t('extName');
render(<PopupApp tab={connectActiveTab()} />, document.getElementById('app')!);
