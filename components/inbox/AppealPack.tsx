/** The appeal text for one flagged review, fitted to the platform's form (抖店: ≤ 100 字, ≤ 6 张图). */
import { useState } from 'preact/hooks';
import type { Review } from '@/lib/model';
import { buildAppealPack } from '@/lib/text/appeal';
import type { SuspicionFlag } from '@/lib/text/suspicion-types';

export function AppealPack(props: { review: Review; flags: readonly SuspicionFlag[] }) {
  const pack = buildAppealPack(props.review, props.flags);
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(pack.description);
      setCopied('已复制申诉说明');
    } catch (e) {
      setCopied(`复制失败：${String(e)}`);
    }
  };
  const len = Array.from(pack.description).length;
  return (
    <div class="card stack" style="margin-top:6px;background:var(--bg2)" data-testid="appeal-pack">
      <div>
        <b>申诉理由</b>：{pack.reason.label}
      </div>
      <div>
        <b>申诉说明</b>
        <span class="muted">
          （{len}/{pack.limits.descriptionMax} 字{pack.truncated ? '，已按上限截取' : ''}）
        </span>
        <div class="text reply" data-testid="appeal-text">
          {pack.description}
        </div>
      </div>
      <div class="muted" style="font-size:12px">
        图片：最多 {pack.limits.imagesMax} 张。建议上传评价截图、与买家的聊天记录截图、订单或物流截图。
      </div>
      {pack.evidence.length > 1 && (
        <details>
          <summary>全部证据（{pack.evidence.length} 条，留档或与平台客服沟通用）</summary>
          <ul style="margin:4px 0;padding-left:18px">
            {pack.evidence.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </details>
      )}
      {pack.warnings.map((w) => (
        <div key={w} style="color:var(--warn);font-size:12px">
          {w}
        </div>
      ))}
      <div class="row">
        <button class="primary" onClick={copy}>
          复制申诉说明
        </button>
        <span class="muted">{copied}</span>
      </div>
    </div>
  );
}
