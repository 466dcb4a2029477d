/** The synced settings: loaded once, kept in step with changes made elsewhere. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../utils/settings.ts';
import { loadSettings, saveSettings, watchSettings } from '../../utils/settings-item.ts';

export interface SettingsHandle {
  /** null until loaded. */
  settings: Settings | null;
  save(next: Settings): Promise<void>;
}

export function useSettings(): SettingsHandle {
  const [settings, setSettingsState] = useState<Settings | null>(null);
  const current = useRef<Settings | null>(null);
  const setSettings = useCallback((next: Settings | null) => {
    current.current = next;
    setSettingsState(next);
  }, []);

  useEffect(() => {
    let live = true;
    const unwatch = watchSettings((next) => {
      if (live) setSettings(next);
    });
    loadSettings().then((loaded) => {
      if (live && !current.current) setSettings(loaded);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [setSettings]);

  /** Shows the change at once; puts the old value back if storage refuses it. */
  const save = useCallback(
    async (next: Settings) => {
      const previous = current.current;
      setSettings(next);
      try {
        await saveSettings(next);
      } catch (error) {
        setSettings(previous);
        throw error;
      }
    },
    [setSettings],
  );

  return { settings, save };
}
