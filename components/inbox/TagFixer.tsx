/**
 * A review's complaint tags, each correctable in one click (issue #11): × removes a wrong tag, the
 * select adds a missing one. The background stores the correction and the store's adapter learns it;
 * the inbox shows the corrected tags at once (it reads `textCorrections` live).
 */
import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging';
import { toggleCategory } from '@/lib/text/corrections';
import { CATEGORY_LABEL, REVIEW_CATEGORIES, type ReviewCategory } from '@/lib/text/types';

export interface TagFixerProps {
  reviewKey: string;
  categories: readonly ReviewCategory[];
  corrected: boolean;
}

export function TagFixer({ reviewKey, categories, corrected }: TagFixerProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const fix = async (c: ReviewCategory) => {
    setBusy(true);
    setError(undefined);
    try {
      await sendMessage('ui-bg/correct-review', { reviewKey, categories: toggleCategory(categories, c) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const missing = REVIEW_CATEGORIES.filter((c) => !categories.includes(c));
  return (
    <>
      {categories.map((c) => (
        <span key={c} class="tag warn" data-testid="inbox-tag" data-category={c}>
          {CATEGORY_LABEL[c]}
          <button
            type="button"
            class="tag-x"
            title={`不是「${CATEGORY_LABEL[c]}」：去掉这个分类（会记住并学习）`}
            aria-label={`去掉分类 ${CATEGORY_LABEL[c]}`}
            disabled={busy}
            onClick={() => void fix(c)}
          >
            ×
          </button>
        </span>
      ))}
      {corrected && (
        <span class="tag" title="分类已由你修正" data-testid="inbox-corrected">
          已修正
        </span>
      )}
      <select
        class="tag-add"
        aria-label="补充分类"
        title="补充漏掉的分类（会记住并学习）"
        data-testid="inbox-tag-add"
        disabled={busy}
        value=""
        onChange={(e) => {
          const v = e.currentTarget.value as ReviewCategory;
          e.currentTarget.value = '';
          if (v) void fix(v);
        }}
      >
        <option value="">＋分类</option>
        {missing.map((c) => (
          <option key={c} value={c}>
            {CATEGORY_LABEL[c]}
          </option>
        ))}
      </select>
      {error && <span class="tag bad">{error}</span>}
    </>
  );
}
