// The risk engine: pure TypeScript, no browser APIs, shared by the content script, popup, options page and tests.
export { CHANNEL_SCOPABLE_REASONS, reasonAllowsChannelScope } from '../vocab';
export { ContactVisibilitySchema, PhoneKindSchema } from '../vocab/schemas';
export { assess, type SafeAssessResult, safeAssess } from './assess';
export { codeInfo, DEADLINE_CODES, type DeadlineCode, REASON_CODES, type ReasonCode } from './codes';
export { describeDeadline, type RecordHint, summarize, whatToRecord } from './explain';
export { englishChannelList, englishChannelName } from './labels';
export {
  type AssessInput,
  AssessInputSchema,
  type ChannelStatus,
  ChannelStatusSchema,
  type Consent,
  ConsentSchema,
  CountrySchema,
  type Deadline,
  DeadlineSchema,
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
