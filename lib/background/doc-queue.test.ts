import { describe, expect, it } from 'vitest';
import { docQueue } from './doc-queue';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('docQueue', () => {
  it('runs one document’s work in arrival order, even when the first is slower', async () => {
    const q = docQueue();
    const log: string[] = [];
    const a = q('tab1', async () => {
      await tick(30);
      log.push('identify');
    });
    const b = q('tab1', async () => {
      log.push('batch');
      return 7;
    });
    await expect(b).resolves.toBe(7);
    await a;
    expect(log).toEqual(['identify', 'batch']);
  });

  it('does not make another document wait', async () => {
    const q = docQueue();
    const log: string[] = [];
    const slow = q('tab1', async () => {
      await tick(30);
      log.push('tab1');
    });
    await q('tab2', async () => void log.push('tab2'));
    await slow;
    expect(log).toEqual(['tab2', 'tab1']);
  });

  it('keeps going after a failure, and the failure reaches its own caller', async () => {
    const q = docQueue();
    const bad = q('tab1', async () => {
      throw new Error('写入失败');
    });
    const good = q('tab1', async () => 'ok');
    await expect(bad).rejects.toThrow('写入失败');
    await expect(good).resolves.toBe('ok');
  });
});
