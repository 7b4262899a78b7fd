import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * A stored model as a parameter gives it: JSON text (a file's content, a database column) or an object (an
 * expression such as {{ $json }} on the model item of an earlier run). The model item's marker `modelItem` is
 * dropped; the lib parser of the model checks the rest (including that it is an object).
 */
export function readModelJson(context: IExecuteFunctions, value: unknown, label: string, hint: string): unknown {
	let parsed: unknown = value;
	if (typeof value === 'string') {
		if (value.trim() === '') throw new NodeOperationError(context.getNode(), `${label} is empty`, { description: hint });
		try {
			parsed = JSON.parse(value) as unknown;
		} catch {
			parsed = undefined;
		}
		if (parsed === undefined) throw new NodeOperationError(context.getNode(), `The ${label.toLowerCase()} is not valid JSON`, { description: hint });
	}
	// Anything but a plain object goes to the model's own parser as it is, which says what is wrong with it.
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return parsed;
	const model = { ...(parsed as Record<string, unknown>) };
	delete model.modelItem;
	return model;
}
