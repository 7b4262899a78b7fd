/**
 * An input problem the user can fix: which item, which field, what is wrong and what to do.
 * lib/ throws it (or returns it when asked to collect); nodes turn it into a NodeOperationError
 * with `itemIndex`, or into an error item under "Continue on fail".
 */
export class LifecycleInputError extends Error {
	readonly itemIndex: number | undefined;
	readonly field: string | undefined;
	readonly hint: string | undefined;

	constructor(message: string, details: { itemIndex?: number; field?: string; hint?: string } = {}) {
		super(message);
		this.name = 'LifecycleInputError';
		this.itemIndex = details.itemIndex;
		this.field = details.field;
		this.hint = details.hint;
	}
}

/** A problem found while collecting rather than throwing, so good items can still go through. */
export interface InputIssue {
	itemIndex: number;
	field: string;
	message: string;
	hint: string;
}

export function toInputError(issue: InputIssue): LifecycleInputError {
	return new LifecycleInputError(issue.message, { itemIndex: issue.itemIndex, field: issue.field, hint: issue.hint });
}
