/**
 * Read the stage a customer had before (e.g. the CRM property read earlier in the workflow) into the
 * stage of the model it names. Accepted: an output name of the model or a stage key (`at_risk`), trimmed,
 * ignoring case. Empty (undefined, null, blank) means unknown and gives null. Anything else is an error
 * naming the accepted stages: a stage outside the model cannot give a transition.
 * Reference: CRM lifecycle properties hold one value of a picklist, e.g. HubSpot's lifecycle stages,
 * https://knowledge.hubspot.com/records/use-lifecycle-stages.
 *
 * Cost: O(1) (a Map look-up; user text never touches an object's prototype).
 * @example readPreviousStage(' At_Risk ', 0, resolved) // { name: 'at_risk', stages: ['at_risk'] }
 */
import type { PreviousStageMatch, ResolvedLifecycleOptions } from './resolveLifecycleOptions';
import { isBlank } from '../fieldValues';
import { inputError } from './readLifecycleFacts';

export function readPreviousStage(value: unknown, itemIndex: number, options: ResolvedLifecycleOptions): PreviousStageMatch | null {
	if (isBlank(value)) return null;
	const match = typeof value === 'string' ? options.previousLookup.get(value.trim().toLowerCase()) : undefined;
	if (match) return match;
	const accepted = options.modelNames.join(', ');
	throw inputError(
		options,
		itemIndex,
		'previousStage',
		`to be a stage of the model (${accepted}) or empty`,
		value,
		`Map the CRM's values to these stage names under Stage Names (or with custom rules), or leave Previous Stage empty for customers without one`,
	);
}
