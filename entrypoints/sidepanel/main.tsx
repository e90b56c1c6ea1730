import { render } from 'preact';
import { i18n } from '#i18n';
import { SidePanelApp } from '@/components/SidePanelApp';
import { pageLanguage } from '@/components/translate';
import { followArticleTab, pinnedTab } from './article-tab';
import { backgroundChecker } from './text-checker';
import './sidepanel.css';

const ui = browser.i18n.getUILanguage();
document.documentElement.lang = ui.split('-')[0] || 'en';
document.title = `${i18n.t('extName')} · ${i18n.t('panel.title')}`;
render(
  <SidePanelApp link={followArticleTab(pinnedTab(location.search))} lang={pageLanguage(null, ui)} today={new Date().toISOString().slice(0, 10)} checker={backgroundChecker()} />,
  document.getElementById('app')!,
);
