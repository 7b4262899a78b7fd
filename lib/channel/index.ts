/**
 * Choose Channel: which channel (or none) and when to message each customer, under consent, suppression,
 * frequency caps, quiet hours in the customer's zone, send-time optimisation and a logged-propensity policy.
 * The only door the nodes use into lib/channel.
 */

// Decisions
export { chooseChannel, decideChannel, sendAtMillis, SUPPRESSION_CODES } from './chooseChannel';
export type { ChannelDecision, PlannedMessage, SuppressionCode } from './chooseChannel';
export { chooseChannels } from './chooseChannels';
export type { ChooseChannelsResult, ChooseChannelsSummary } from './chooseChannels';

// Options and input
export { ChannelOptionsSchema, DEFAULT_RESPONSE_PRIOR, isResolvedChannelOptions, readInstant, resolveChannelOptions } from './resolveChannelOptions';
export type { ChannelPriors, ChooseChannelOptions, ResolvedCampaign, ResolvedChannel, ResolvedChannelOptions } from './resolveChannelOptions';
export { readChannelProfile } from './readChannelProfile';
export type { ChannelCustomer, ChannelProfile, EngagementHistoryEntry, MessageHistoryEntry } from './readChannelProfile';

// Rules
export { checkEligibility } from './checkEligibility';
export { checkFrequencyCaps } from './checkFrequencyCaps';
export type { CapViolation, FrequencyCap, SentMessage } from './checkFrequencyCaps';

// Local time
export { ZoneClock, isoWeekdayOf, localDayOf, localMinuteOf } from './ZoneClock';
export { createSendSchedule, formatClockTime, isAllowedLocalTime, isQuietMinute, parseClockTime } from './sendSchedule';
export type { QuietHours, SendSchedule } from './sendSchedule';
export { localTimeOf, nextAllowedMoment } from './nextAllowedMoment';

// Estimation
export { estimateBestHour } from './estimateBestHour';
export type { BestHourEstimate } from './estimateBestHour';
export { smoothCircular } from './smoothCircular';
export { fitHourPrior } from './fitHourPrior';
export type { FitHourPriorOptions, HourPrior } from './fitHourPrior';
export { fitResponsePrior } from './fitResponsePrior';
export type { BetaPrior, FittedBetaPrior } from './fitResponsePrior';
export { fitChannelPriors, fitChannelPriorsFromCustomers } from './fitChannelPriors';
export type { FittedChannelPriors } from './fitChannelPriors';
export { goldenSectionMaximum } from './goldenSectionMaximum';
export { logRisingFactorial } from './logRisingFactorial';

// Policies and randomness
export { CHANNEL_POLICIES, expectedValueOf, selectChannel } from './selectChannel';
export type { ChannelArm, ChannelPolicy, ChannelSelection, SelectChannelSettings } from './selectChannel';
export { customerRandom, hashString } from './customerRandom';
