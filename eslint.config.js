// @ts-check
import tseslint from 'typescript-eslint';

/**
 * Lint rules that matter for an extension running on pages it does not control (issue #8): no HTML
 * sinks and no dynamic code anywhere in shipped code. Review text is page-derived data; Preact escapes
 * it, so the only way to make it live is one of these sinks.
 */
const bannedSinks = [
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'No innerHTML/outerHTML: render text with textContent or JSX.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'No insertAdjacentHTML: build nodes instead.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'No dangerouslySetInnerHTML: page-derived text must stay text.',
  },
  { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
  {
    selector: "CallExpression[callee.property.name='eval']",
    message: 'No eval (window.eval / globalThis.eval).',
  },
  {
    selector: "CallExpression[callee.type='SequenceExpression'][callee.expressions.1.name='eval']",
    message: 'No indirect eval.',
  },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
  { selector: "CallExpression[callee.name='Function']", message: 'No Function(): it is new Function.' },
  {
    selector:
      'AssignmentExpression[left.computed=true][left.property.value=/^(innerHTML|outerHTML|srcdoc)$/]',
    message: 'No innerHTML/outerHTML/srcdoc, not even as el["innerHTML"].',
  },
  {
    selector: "AssignmentExpression[left.property.name='srcdoc']",
    message: 'No srcdoc: it is an HTML sink.',
  },
  {
    selector: 'Property[key.name=/^(innerHTML|outerHTML|srcdoc)$/]',
    message: 'No innerHTML/outerHTML/srcdoc in object literals (Object.assign(el, {innerHTML})).',
  },
  {
    selector: "CallExpression[callee.property.name='createContextualFragment']",
    message: 'No createContextualFragment: it parses HTML.',
  },
  { selector: "CallExpression[callee.property.name='setHTMLUnsafe']", message: 'No setHTMLUnsafe.' },
  { selector: "JSXAttribute[name.name='srcdoc']", message: 'No srcdoc: it is an HTML sink.' },
  {
    selector: "CallExpression[callee.property.name='write'][callee.object.name='document']",
    message: 'No document.write.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.output/',
      '.wxt/',
      'out/',
      'test-results/',
      'playwright-report/',
      '**/__fixtures__/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-syntax': ['error', ...bannedSinks],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // One clock (issue #13, lib/clock.ts): shipped code takes calendar time from `now()`, so tests and the
    // demo can pin it. Durations use performance.now().
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    ignores: [
      '**/*.test.{ts,tsx}',
      'lib/reliability/**',
      '**/testing.ts',
      '**/*-testing.ts',
      '**/testing/**',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'Calendar time comes from now() in lib/clock.ts; durations use performance.now().',
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...bannedSinks,
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'new Date() reads the machine clock: use new Date(now()) with lib/clock.ts.',
        },
      ],
    },
  },
  {
    // Demo consoles imitate the merchant consoles; they are not shipped in the extension, but keep the
    // same discipline so fixtures with hostile text stay inert there too.
    files: ['demo/**/*.js'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
);
