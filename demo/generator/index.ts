/** Public entry of the demo world generator. */
export { createWorld, DEFAULT_NOW, DEFAULT_SHOP } from './world';
export { worldStats, type WorldStats } from './stats';
export {
  experienceScore,
  scoreHistory,
  type ExperienceScore,
  type DimensionScore,
  type IndicatorScore,
} from './score';
export { fivePoint, DIMENSION_WEIGHTS, NODES } from './score-config';
export { promisedShipBy, formatDateTime } from './time';
export { scenarioStart } from './scenario';
export { receiverOf, type Receiver } from './people';
export { trackingNoOf, CARRIERS } from './ids';
export type * from './types';
