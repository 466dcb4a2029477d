import { defineConfig } from 'wxt';

// One config for both targets: `wxt build` (Chrome MV3) and `wxt build -b firefox`.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Auto-imports match names in the source text: a `t` inside a phrase regex in utils/ made them import
  // components/i18n.ts, and with it webextension-polyfill, into the analysis. Our modules import what
  // they use, so the UI components are left out of the auto-imports.
  imports: { dirsScanOptions: { fileFilter: (file: string) => !/[\\/]components[\\/]/.test(file) } },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // Every browser we support (Chrome 111, Firefox 140) has <link rel=modulepreload>: no polyfill in the pages.
    build: { modulePreload: { polyfill: false } },
  }),
  hooks: {
    // WXT takes the toolbar tooltip from the popup's <title>; keep it localised instead.
    'build:manifestGenerated': (_wxt, manifest) => {
      // Firefox MV2 gets `browser_action` (and may still carry `action` at this point).
      for (const action of [manifest.action, manifest.browser_action]) {
        if (action) action.default_title = '__MSG_actionTitle__';
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings (synced). Content scripts on http(s) pages are the only host access.
    // offscreen (Chrome): a hidden extension document that parses a copy of the page for analysis (no warning).
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'offscreen'],
    action: { default_title: '__MSG_actionTitle__' },
    // Chrome: the in-page analysis, imported by the content script only where no offscreen document can be had.
    ...(browser === 'firefox'
      ? {}
      : {
          web_accessible_resources: [
            { resources: ['analysis-fallback.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
          ],
        }),
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandToggleHighlights__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'article-lens@example.org',
              // 140: the first Firefox that reads data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing is collected or transmitted: all analysis stays in the browser.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : // 111: CSS color-mix() in the highlight styles (the rest needs less).
        { minimum_chrome_version: '111' }),
  }),
});
