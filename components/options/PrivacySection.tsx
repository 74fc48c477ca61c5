import { CONSOLE_HOST_PATTERNS } from '@/lib/platforms/hosts';

/** What the extension can see and what it keeps, in the merchant's words. */
export function PrivacySection() {
  return (
    <div class="stack">
      <p>
        口碑助手只在以下商家后台页面运行，只读取页面自己加载的评价、订单和体验分数据，保存在本机浏览器（IndexedDB）中。不上传、不统计、不加载远程代码。
      </p>
      <ul>
        {CONSOLE_HOST_PATTERNS.map((h) => (
          <li key={h}>
            <code>{h}</code>
          </li>
        ))}
      </ul>
      <p class="muted">
        买家的收件人、手机号和地址在解析时即被丢弃，不会写入本地数据库，也不会出现在导出文件中。
      </p>
    </div>
  );
}
