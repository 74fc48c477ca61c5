/**
 * 团队协作 (options, issue #14): group robots per store (飞书 / 钉钉 / 企业微信), the daily digest time,
 * and a test button. Saving asks for the webhook's origin as an optional host permission — nothing is
 * sent before that. Webhooks and secrets stay in this browser's local extension storage.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import { teamSettingsItem } from '@/lib/settings';
import { redactUrl } from '@/lib/team/targets';
import { ROBOT_NAMES, type RobotPlatform, type TeamSettings } from '@/lib/team/types';
import { useLive, useStorageItem } from '../hooks';
import { BoardSettings } from './BoardSettings';
import { saveTarget, type TargetDraft } from './target-save';

const field = 'flex:1;font:inherit;padding:4px 6px;border:1px solid var(--line);border-radius:6px';
const PLACEHOLDER: Record<RobotPlatform, string> = {
  feishu: 'https://open.feishu.cn/open-apis/bot/v2/hook/…',
  dingtalk: 'https://oapi.dingtalk.com/robot/send?access_token=…',
  wecom: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
};
const blank = (storeKey: string): TargetDraft => ({
  storeKey,
  platform: 'feishu',
  name: '',
  webhook: '',
  secret: '',
});
const value = (e: Event) => (e.target as HTMLInputElement).value;

export function TeamSection() {
  const [settings] = useStorageItem(teamSettingsItem);
  const stores = useLive(() => getDb().stores.toArray(), []);
  const [draft, setDraft] = useState<TargetDraft | undefined>();
  const [note, setNote] = useState('');
  if (!settings || !stores.data) return <div class="muted">加载中…</div>;
  const storeName = (k: string) => stores.data?.find((s) => s.key === k)?.name ?? k;
  const put = (v: TeamSettings) => teamSettingsItem.setValue(v);
  const d = draft ?? blank(stores.data[0]?.key ?? '');
  const set = (patch: Partial<TargetDraft>) => setDraft({ ...d, ...patch });
  const save = async () => {
    const r = await saveTarget(settings, d, {
      request: (origins) => browser.permissions.request({ origins }),
      store: put,
      newId: () => crypto.randomUUID(),
    });
    setNote(r.note);
    if (r.saved) setDraft(undefined);
  };
  const test = async (id: string) => {
    const r = await sendMessage('ui-bg/team-test', { targetId: id }).catch(() => ({ queued: false }));
    setNote(r.queued ? '测试消息已排队，几秒内送达；失败原因会显示在 侧边栏 → 采集健康' : '未能排队测试消息');
  };
  return (
    <div class="stack" data-testid="team-settings">
      <p class="muted" style="margin:0;font-size:12px">
        把新预警（评分下降、差评激增、回复即将截止）和每日摘要发到团队的飞书、钉钉或企业微信群。Webhook
        与密钥只保存在本机浏览器的扩展本地存储中，不会出现在备份或导出文件里；发送的内容只有店铺名、分数、条数、问题类别和预警说明，不含买家昵称、手机号、地址或订单号。
      </p>
      {settings.targets.length > 0 && (
        <div class="table-scroll">
          <table class="grid">
            <tbody>
              {settings.targets.map((t) => (
                <tr key={t.id} data-target={t.id}>
                  <td>
                    <b>{ROBOT_NAMES[t.platform]}</b> · {t.name}
                    <div class="muted" style="font-size:11px">
                      {storeName(t.storeKey)} · {redactUrl(t.webhook)}
                      {t.secret ? ' · 已设签名密钥' : ''}
                    </div>
                  </td>
                  <td style="white-space:nowrap">
                    <label>
                      <input
                        type="checkbox"
                        checked={t.enabled}
                        onChange={() =>
                          void put({
                            ...settings,
                            targets: settings.targets.map((x) =>
                              x.id === t.id ? { ...x, enabled: !x.enabled } : x,
                            ),
                          })
                        }
                      />
                      启用
                    </label>{' '}
                    <button onClick={() => void test(t.id)}>发送测试消息</button>{' '}
                    <button onClick={() => setDraft({ ...t, secret: t.secret })}>修改</button>{' '}
                    <button
                      onClick={() =>
                        void put({ ...settings, targets: settings.targets.filter((x) => x.id !== t.id) })
                      }
                    >
                      删除
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="card stack" style="padding:10px" data-testid="target-form">
        <b style="font-size:13px">{d.id ? '修改机器人' : '添加机器人'}</b>
        <div class="row">
          <span style="width:72px">店铺</span>
          <select aria-label="店铺" value={d.storeKey} onChange={(e) => set({ storeKey: value(e) })}>
            {stores.data.length === 0 && <option value="">（先打开一个控制台页面采集店铺）</option>}
            {stores.data.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name ?? s.key}
              </option>
            ))}
          </select>
          <select
            aria-label="平台"
            value={d.platform}
            onChange={(e) => set({ platform: value(e) as RobotPlatform })}
          >
            {(Object.keys(ROBOT_NAMES) as RobotPlatform[]).map((p) => (
              <option key={p} value={p}>
                {ROBOT_NAMES[p]}
              </option>
            ))}
          </select>
          <input
            aria-label="名称"
            style={field}
            placeholder="名称，如 客服群"
            value={d.name}
            onInput={(e) => set({ name: value(e) })}
          />
        </div>
        <div class="row">
          <span style="width:72px">Webhook</span>
          <input
            aria-label="Webhook 地址"
            style={field}
            autoComplete="off"
            placeholder={PLACEHOLDER[d.platform]}
            value={d.webhook}
            onInput={(e) => set({ webhook: value(e) })}
          />
        </div>
        {d.platform !== 'wecom' && (
          <div class="row">
            <span style="width:72px">签名密钥</span>
            <input
              aria-label="签名密钥"
              type="password"
              autoComplete="off"
              style={field}
              placeholder={d.platform === 'dingtalk' ? '加签密钥 SEC…（可选）' : '签名校验密钥（可选）'}
              value={d.secret}
              onInput={(e) => set({ secret: value(e) })}
            />
          </div>
        )}
        <div class="row">
          <button class="primary" onClick={() => void save()}>
            保存
          </button>
          {d.id && <button onClick={() => setDraft(undefined)}>取消</button>}
        </div>
      </div>
      <div class="row">
        <label>
          <input
            type="checkbox"
            checked={settings.digest.enabled}
            onChange={() =>
              void put({ ...settings, digest: { ...settings.digest, enabled: !settings.digest.enabled } })
            }
          />
          每日摘要
        </label>
        <input
          aria-label="每日摘要时间"
          type="time"
          value={settings.digest.time}
          onChange={(e) =>
            void put({ ...settings, digest: { ...settings.digest, time: value(e) || '09:00' } })
          }
        />
        <span class="muted" style="font-size:12px">
          （本机时间；内容：评分与较昨日变化、新增差评按类别、待回复数与最近截止时间、集中问题）
        </span>
      </div>
      <BoardSettings />
      {note && (
        <div class="muted" role="status" data-testid="team-note">
          {note}
        </div>
      )}
    </div>
  );
}
