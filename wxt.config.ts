import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CONSOLE_HOST_PATTERNS } from './lib/platforms/hosts';

// See README "权限与隐私 / Permissions": every permission here is listed and justified there, and
// lib/manifest.test.ts freezes this list.
export default defineConfig({
  imports: false,
  manifest: {
    name: '口碑助手 Koubei',
    description: '为电商商家保存评价与体验分历史、解释分数变化、起草合规回复。数据只保存在本机。',
    default_locale: undefined,
    permissions: ['storage', 'sidePanel', 'alarms', 'notifications'],
    host_permissions: [...CONSOLE_HOST_PATTERNS],
    // Asked at run time only when the merchant switches on model drafting (options → 回复话术), for the
    // one endpoint they entered: https anywhere, or a model server on this computer.
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    action: { default_title: '口碑助手' },
    minimum_chrome_version: '116',
  },
  vite: () => ({
    plugins: [preact()],
    build: { target: 'chrome116' },
  }),
});
