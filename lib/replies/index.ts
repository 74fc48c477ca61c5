/**
 * Reply engine: templates, compensation ladder, compliance check, deadlines and optional model drafting.
 * Pure functions (no browser APIs, no storage). See DESIGN.md "Replies".
 */
export * from './types';
export { DEFAULT_TEMPLATES } from './templates';
export { DEFAULT_LADDER, remedyFor } from './compensation';
export { classifyForReply, type ReplyClass } from './severity';
export {
  draftReply,
  fillSlots,
  problemPhrase,
  DEFAULT_REMEDY,
  type DraftInput,
  type DraftResult,
} from './draft';
export {
  UserTemplate,
  CompensationStepSchema,
  ReplySettings,
  DEFAULT_REPLY_SETTINGS,
  mergeTemplates,
  effectiveLadder,
  validateTemplate,
  type TemplateProblem,
} from './schema';
export {
  checkCompliance,
  canInsert,
  type ComplianceContext,
  type ComplianceIssue,
  type ComplianceResult,
  type ComplianceRule,
} from './compliance';
export { REPLY_LIMITS, PLATFORM_LABEL, replyLength, type ReplyLimit } from './limits';
export * from './deadline';
export * from './model-draft';
