export { buildProfiles } from './buildProfiles';
export type { BuildProfilesOptions, BuildProfilesResult, BuildProfilesSummary, CurrencyHandling } from './buildProfiles';
export { IdentityGraph, identityKey, normalizeEmail, normalizePhone } from './IdentityGraph';
export { parseExchangeRates } from './parseExchangeRates';
export { mapRecordToEvent, parseNumber, readPath } from './mapRecordToEvent';
export type { MapOptions } from './mapRecordToEvent';
export { MS_PER_DAY, parseTimestamp, utcDayIndex } from './parseTimestamp';
export * from './schemas';
export { assignRfmScores, assignRfmScoresFromEdges, quintileEdges, quintileScores, rfmEdges, rfmSegment, scoreFromEdges } from './scoreRfm';
export type { RfmEdges, RfmFigures } from './scoreRfm';
export {
	POPULATION_FIGURES_KIND,
	POPULATION_FIGURES_VERSION,
	populationAfterUpdate,
	populationFiguresPart,
	profilePopulationFigures,
	readPopulationFigures,
	readProfilePopulationFigures,
} from './populationFigures';
export type { PopulationFigures, ProfilePopulationFigures, StoredRfmEdges } from './populationFigures';
export { COMMON_TYPE_VALUES, CUSTOM_MAPPING, PRESET_MAPPINGS, presetMapping, SOURCE_PRESETS } from './sourcePresets';
export type { PresetOptions, SourceMapping, SourcePreset } from './sourcePresets';
export { currencyMinorUnits, fromMinorUnits } from './currencyMinorUnits';
export { mapSourceRecord } from './mapSourceRecord';
export { resolveOrderSnapshots } from './resolveOrderSnapshots';
export type { FlatRecord, SourceReader } from './readers/sourceRecord';
export { summarizeTransactions } from './summarizeTransactions';
export type { PeriodUnit, SummarizeOptions, Transaction, TransactionSummary } from './summarizeTransactions';
export { updateStoredProfiles } from './updateStoredProfiles';
export type { UpdateStoredProfilesOptions, UpdateStoredProfilesResult } from './updateStoredProfiles';
export { encodeProfileState, PROFILE_STATE_VERSION, readStoredProfileRow, STORED_PROFILE_COLUMNS, toStoredProfileRow } from './storedProfileRow';
export type { StoredColumnType, StoredProfile, StoredProfileRow } from './storedProfileRow';
export { eventContentText, toStoredEvent } from './storedEvent';
export type { StoredEvent } from './storedEvent';
export { eventIdentityKeys } from './eventIdentityKeys';
