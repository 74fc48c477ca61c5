/** Input and result shapes of the diagnosis (diagnosis.ts). */
import type { DimensionId, Order, Review } from '../model';
import type { Categorize, CauseId } from './classify';
import type { Estimate } from './estimate';
import type { Profile } from './profile-types';

export interface DiagnosisInput {
  profile: Profile;
  /** Estimate as of the earlier date. */
  before: Estimate;
  /** Estimate as of the later date. */
  after: Estimate;
  /** Negative records counted on days that entered the window (see `windowShift`). */
  entered?: readonly (Review | Order)[];
  /** Negative records counted on days that left it. */
  left?: readonly (Review | Order)[];
  /** Review-text classifier (lib/text); stars decide when absent. */
  categorize?: Categorize;
}

export interface RecordRef {
  key: string;
  kind: 'review' | 'order';
  day: string;
  causes: CauseId[];
  /** Points it costs (entered, in `after`) or gave back (left, in `before`). */
  points: number;
  /** What went wrong ("发货超时") and the day that is counted on. */
  phrase: string;
  phraseDay: string;
}

export interface CauseDelta {
  cause: CauseId;
  label: string;
  /** Signed points attributed to this cause (negative = cost). */
  points: number;
  entered: RecordRef[];
  left: RecordRef[];
}

export interface Diagnosis {
  from: string;
  to: string;
  delta: number | null;
  deltaFivePoint: number | null;
  dimensions: {
    id: DimensionId;
    name: string;
    before: number;
    after: number;
    weight: number;
    deltaPoints: number;
  }[];
  indicators: {
    id: string;
    name: string;
    dimension: DimensionId;
    before: string;
    after: string;
    scoreBefore: number | null;
    scoreAfter: number | null;
    tiered: boolean;
    /** −Δ(lost): the indicator's effect on the total. */
    deltaPoints: number;
  }[];
  causes: CauseDelta[];
  mainCause: CauseId | null;
  summary: string;
}
