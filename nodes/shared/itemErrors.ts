import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { InputIssue } from '../../lib';
import { LifecycleInputError } from '../../lib';

/** A lib error (or any error) as the NodeOperationError n8n shows: message, item and what to do. */
export function toNodeError(context: IExecuteFunctions, error: unknown, itemIndex?: number): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	if (error instanceof LifecycleInputError) {
		const index = error.itemIndex ?? itemIndex;
		const field = error.field ? `Field: ${error.field}. ` : '';
		return new NodeOperationError(context.getNode(), error.message, {
			itemIndex: index,
			description: `${field}${error.hint ?? ''}`.trim() || undefined,
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(context.getNode(), message, { itemIndex });
}

export function issueToNodeError(context: IExecuteFunctions, issue: InputIssue): NodeOperationError {
	return toNodeError(context, new LifecycleInputError(issue.message, issue), issue.itemIndex);
}

/** The error item n8n expects under "Continue on fail": the message, the error and the item it came from. */
export function errorItem(error: NodeOperationError, itemIndex: number): INodeExecutionData {
	return {
		json: { error: error.message, description: error.description ?? null, itemIndex },
		error,
		pairedItem: { item: itemIndex },
	};
}

/**
 * Collects per-item failures: under "Continue on fail" each becomes an error item, otherwise the
 * first one stops the node with its item index.
 */
export class ItemErrorCollector {
	readonly items: INodeExecutionData[] = [];
	private readonly continueOnFail: boolean;

	constructor(private readonly context: IExecuteFunctions) {
		this.continueOnFail = context.continueOnFail();
	}

	fail(error: unknown, itemIndex: number): void {
		const nodeError = toNodeError(this.context, error, itemIndex);
		if (!this.continueOnFail) throw nodeError;
		this.items.push(errorItem(nodeError, itemIndex));
	}

	/** A problem of the whole run (a parameter, not an item): always stops the node. */
	fatal(error: unknown): NodeOperationError {
		return toNodeError(this.context, error);
	}

	failIssue(issue: InputIssue): void {
		this.fail(new LifecycleInputError(issue.message, issue), issue.itemIndex);
	}
}
