// The risk engine: pure TypeScript, no browser APIs, shared by the content script, popup, options page and tests.
export { CHANNEL_SCOPABLE_REASONS, reasonAllowsChannelScope } from '../vocab';
export { assess, type SafeAssessResult, safeAssess } from './assess';
export { codeInfo, DEADLINE_CODES, type DeadlineCode, REASON_CODES, type ReasonCode } from './codes';
export { describeDeadline, type RecordHint, summarize, whatToRecord } from './explain';
export { channelLabel, listChannels } from './labels';
export {
  type AssessInput,
  AssessInputSchema,
  type ChannelStatus,
  ChannelStatusSchema,
  type Consent,
  ConsentSchema,
  ContactVisibilitySchema,
  CountrySchema,
  type Deadline,
  DeadlineSchema,
  PhoneKindSchema,
  type Reason,
  type ReasonLevel,
  ReasonLevelSchema,
  ReasonSchema,
  RegionSchema,
  SoftOptInSchema,
  type Suppression,
  SuppressionSchema,
  TimeZoneSchema,
  type Verdict,
  VerdictSchema,
} from './schema';
