import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CONSOLE_HOST_PATTERNS } from './lib/platforms/hosts';

// See README "权限与隐私 / Permissions": every permission here is listed and justified there, and
// lib/manifest.test.ts freezes this list.
export default defineConfig({
  imports: false,
  manifest: {
    // Localised in public/_locales (zh_CN default, en); UI strings stay Chinese-first.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // public/icon/*.png, rendered from scripts/icon.svg by scripts/make-icons.ts; alert-*.png is the
    // toolbar's 有预警 state (lib/background/alert-signals.ts).
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    permissions: ['storage', 'sidePanel', 'alarms', 'notifications'],
    host_permissions: [...CONSOLE_HOST_PATTERNS],
    // Asked at run time only when the merchant switches on model drafting (options → 回复话术), for the
    // one endpoint they entered: https anywhere, or a model server on this computer.
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    action: {
      default_title: '__MSG_actionTitle__',
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    },
    // The console page's UI (lib/capture/page-ui.ts), imported by the content script only when a page
    // captures a list. Reachable from the console hosts only, under a per-session URL (use_dynamic_url),
    // so other sites cannot probe for the extension with it.
    web_accessible_resources: [
      { resources: ['page-ui.js'], matches: [...CONSOLE_HOST_PATTERNS], use_dynamic_url: true },
    ],
    minimum_chrome_version: '116',
  },
  hooks: {
    // WXT takes the action title from popup.html's <title>; the manifest's is the localised one.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_actionTitle__';
    },
  },
  vite: () => ({
    plugins: [preact()],
    build: { target: 'chrome116' },
  }),
});
