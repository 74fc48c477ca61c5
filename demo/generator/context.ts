/** Shared generation state: random streams, catalogue, id issuers and the scenario's windows. */
import type { IdIssuer } from './ids';
import type { Rng } from './prng';
import type { DemoProduct } from './types';

export interface GenContext {
  rng: Rng;
  products: DemoProduct[];
  /** Draws a product index by sales weight (a few best sellers dominate). */
  pickProduct(rng: Rng): number;
  orderIds: IdIssuer;
  subOrderIds: IdIssuer;
  afterSaleIds: IdIssuer;
  reviewIds: IdIssuer;
  /** Whether after-sales applied at `ms` hit the post-spike backlog (slow 审核). */
  inBacklog(ms: number): boolean;
}
