// `npm run bench -- lifecycle`: Assign Lifecycle Stage on CDNOW master (23,570 customers): stage counts at
// 1997-09-30, and the transition matrix into 1998-06-30 (first stages as previous stages), with timings.
import { assignLifecycleStages } from '../../lib';
import { CDNOW_FIRST_END, CDNOW_SECOND_END, cdnowEvents, cdnowLifecycle, cdnowProfiles } from '../lib/lifecycle/cdnowLifecycle';
import { readCdnowMaster } from '../support/sharedData';
import { report, time } from './report';

const events = cdnowEvents(readCdnowMaster());
const firstProfiles = time(() => cdnowProfiles(events, CDNOW_FIRST_END), { warmUp: false });
const secondProfiles = time(() => cdnowProfiles(events, CDNOW_SECOND_END), { warmUp: false });
report('lifecycle.cdnow.buildProfiles', events.length, firstProfiles.ms + secondProfiles.ms, {
	customers: [firstProfiles.result.profiles.length, secondProfiles.result.profiles.length],
	observationEnds: [CDNOW_FIRST_END, CDNOW_SECOND_END],
});

const first = time(() => assignLifecycleStages(firstProfiles.result.profiles), { repeats: 5 });
const { summary } = first.result;
report(`lifecycle.cdnow.stages.${CDNOW_FIRST_END}`, summary.customers, first.ms, {
	stageCounts: summary.stageCounts,
	populationGapDays: summary.populationGapDays,
	repeatBuyers: summary.repeatBuyers,
	loyalCutoffs: [summary.loyalPurchaseCutoff, summary.loyalRevenueCutoff],
});

const both = time(() => cdnowLifecycle(firstProfiles.result, secondProfiles.result), { repeats: 3 });
const second = both.result.second.summary;
report(`lifecycle.cdnow.transitions.${CDNOW_FIRST_END}.${CDNOW_SECOND_END}`, second.customers, both.ms, {
	stageCounts: second.stageCounts,
	changed: second.changed,
	populationGapDays: second.populationGapDays,
	transitionMatrix: second.transitionMatrix,
	note: 'ms covers both assignments; rows = stage at the first end, columns = stage at the second',
});
