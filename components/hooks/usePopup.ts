/** Wires the popup view to the tab's content script, the settings and the clipboard. */
import { useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { normalizeHost } from '../../utils/settings.ts';
import type { PopupActions } from '../PopupView.tsx';
import { type SettingsHandle, useSettings } from './useSettings.ts';
import { type PopupState, useTabState } from './useTabState.ts';

export interface PopupHandle {
  state: PopupState;
  settings: SettingsHandle['settings'];
  actions: PopupActions;
}

export function usePopup(search?: string): PopupHandle {
  const tab = useTabState(search);
  const { settings, save } = useSettings();

  const actions = useMemo<PopupActions>(
    () => ({
      analyze: (force) => void tab.send({ type: 'analyze', force }),
      setHighlights: (on) => void tab.send({ type: 'set-highlights', on }),
      setClutterHidden: (hidden) => void tab.send({ type: 'set-clutter-hidden', hidden }),
      revealFlag: (id) => void tab.send({ type: 'reveal-flag', id }),
      markText: (text) => void tab.send({ type: 'mark-text', text }),
      disableSite: async (host) => {
        if (!settings) return;
        const site = normalizeHost(host);
        if (!site) return;
        await save({ ...settings, disabledSites: [...settings.disabledSites.filter((s) => s !== site), site] });
        tab.replace({ status: 'disabled-site', host: site });
      },
      enableSite: async (host) => {
        if (!settings) return;
        const site = normalizeHost(host) ?? host;
        // Remove every entry that covers this host, parent domains included.
        const disabledSites = settings.disabledSites.filter((s) => site !== s && !site.endsWith(`.${s}`));
        await save({ ...settings, disabledSites });
        await tab.refresh({ waitWhile: 'disabled-site' });
      },
      copy: async (text) => {
        await navigator.clipboard.writeText(text);
      },
      openOptions: () => {
        void browser.runtime.openOptionsPage();
      },
    }),
    [tab, settings, save],
  );

  return { state: tab.state, settings, actions };
}
