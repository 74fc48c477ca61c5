/**
 * The score engine: pure functions over daily aggregates (no browser APIs, no Dexie). See the module
 * files for details; this barrel is the public API for the background, popup, side panel and alarms.
 */
export * from './aggregates';
export * from './alerts';
export * from './calibration';
export { CAUSES, CAUSE_LABELS, SLA, afterSaleClass, causesOfCategory } from './classify';
export type { AfterSaleClass, Categorize, CauseId, Sla } from './classify';
export { contributions } from './contributions';
export type { Contributions, RecordCost } from './contributions';
export { BAD_COUNTERS, COUNTERS } from './counters';
export type { CounterId, Counters } from './counters';
export * from './diagnosis';
export * from './estimate';
export * from './forecast';
export { formatValue, signed } from './format';
export * from './history';
export * from './profiles';
export { douyinFivePoint, douyinScoreForFivePoint, starBand, tierScore, tiersFromBenchmarks } from './tiers';
export * from './urgent';
export { leavesWindowOn, prefixSums, sumWindow, windowRange } from './window';
export type { PrefixSums, WindowTotals } from './window';
