/**
 * Where the capture path's time goes (issue #15): the console benchmark's capture-path pass
 * (scripts/bench/console.ts `capturePath`: the real hook, 抖店 adapter and posting, 1,000-row responses in
 * an extension page), with each run's JS time per 100 rows and the top functions of the last run's profile.
 *
 *   npm run build && node --import tsx scripts/bench/capture-profile.ts [--runs=3] [--top=40] [--profile-out=FILE]
 */
import { writeFileSync } from 'node:fs';
import { capturePath } from './console';
import { consoleDemo } from './console-page';
import { selfTimes, type CpuProfile } from './profile';

const arg = (name: string, dflt: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
let last: CpuProfile | undefined;
const runs = await capturePath(consoleDemo(), 10, Number(arg('runs', '3')), (p) => (last = p));
console.log(`JS time per 100 rows: ${runs.map((x) => x.toFixed(2)).join(' / ')} ms`);
if (last) console.log(selfTimes(last, Number(arg('top', '40'))));
if (last && arg('profile-out', '')) writeFileSync(arg('profile-out', ''), JSON.stringify(last));
