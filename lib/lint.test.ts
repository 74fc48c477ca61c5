/**
 * The HTML-sink and dynamic-code bans of eslint.config.js can't silently disappear (issue #8): a fixture
 * with one sink per line is linted with the project's real config, under the path of shipped code, and
 * every sink must be reported — the safe forms must not. The fixture folder itself stays out of the
 * normal `eslint .` run.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = 'lib/__fixtures__/lint/sinks.tsx';
const code = readFileSync(new URL(`./__fixtures__/lint/sinks.tsx`, import.meta.url), 'utf8');
const lines = code.split('\n');
const sinks = lines.flatMap((l, i) => {
  const m = /\/\/ sink: (.+)$/.exec(l);
  return m ? [{ line: i + 1, sink: m[1]! }] : [];
});

const eslint = new ESLint({ cwd: root });
// Linted as if it were a component and a content-script helper: both must get the rules.
const asShipped = [
  'components/LintProbe.tsx',
  'lib/capture/lint-probe.tsx',
  'entrypoints/popup/LintProbe.tsx',
];

describe('eslint bans HTML sinks and dynamic code', () => {
  it('the fixture has the fifteen sinks', () => {
    expect(sinks.map((s) => s.sink)).toEqual([
      'innerHTML',
      'outerHTML',
      'insertAdjacentHTML',
      'document.write',
      'eval',
      'new Function',
      'dangerouslySetInnerHTML',
      'window.eval',
      'indirect eval',
      'Function()',
      'computed innerHTML',
      'Object.assign innerHTML',
      'createContextualFragment',
      'srcdoc',
      'JSX srcdoc',
    ]);
  });

  it.each(asShipped)('reports every sink in %s, and nothing on the safe lines', async (filePath) => {
    const [result] = await eslint.lintText(code, { filePath });
    const banned = result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax');
    expect(banned.map((m) => m.line).sort((a, b) => a - b)).toEqual(sinks.map((s) => s.line));
    for (const s of sinks) expect(banned.find((m) => m.line === s.line)!.message).toMatch(/^No /);
  });

  it('keeps the fixture folder out of the normal run, and shipped folders in it', async () => {
    expect(await eslint.isPathIgnored(fixture)).toBe(true);
    for (const p of [
      'lib/capture/hook.ts',
      'components/ReviewItem.tsx',
      'entrypoints/background.ts',
      'lib/overlay/host.ts',
    ])
      expect(await eslint.isPathIgnored(p), p).toBe(false);
  });
});
