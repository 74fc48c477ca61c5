import { OPTIONS_SECTIONS } from '@/components/options/sections';

export function App() {
  return (
    <main style="max-width:860px;margin:0 auto;padding:20px" class="stack">
      <h1 style="font-size:18px">
        口碑助手 · 设置 <small class="en">Settings</small>
      </h1>
      {OPTIONS_SECTIONS.map((s) => (
        <section key={s.id} class="card stack" id={s.id}>
          <h2 style="font-size:15px">
            {s.title} <small class="en">{s.en}</small>
          </h2>
          <s.component />
        </section>
      ))}
    </main>
  );
}
