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
      <p class="muted">
        例外只有你自己开启的：在“团队协作”里添加群机器人或飞书多维表格后，预警、每日摘要和差评统计会发到你填写的地址（保存时请求该地址的访问权限）；Webhook、密钥和
        App Secret 只保存在本机，不会出现在备份或导出中。
      </p>
    </div>
  );
}
