/** The popup: the view of the tab's state, driven by usePopup. */
import { useEffect } from 'preact/hooks';
import { usePopup } from './hooks/usePopup.ts';
import { uiLanguage } from './i18n.ts';
import { PopupView } from './PopupView.tsx';

export function Popup() {
  const { state, settings, actions } = usePopup();
  const lang = uiLanguage();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <PopupView state={state} settings={settings} actions={actions} lang={lang} />;
}
