import type { INodeExecutionData, IPairedItemData } from 'n8n-workflow';

/** pairedItem for an output built from several input items. */
export function pairedItemsOf(itemIndexes: readonly number[]): IPairedItemData[] {
	return itemIndexes.map((item) => ({ item }));
}

/** The input item an output item comes from; items built from several inputs (a model, a summary) sort last. */
function sourceIndexOf(item: INodeExecutionData): number {
	const paired = item.pairedItem;
	if (Array.isArray(paired)) return paired.length === 1 ? paired[0].item : Number.POSITIVE_INFINITY;
	if (typeof paired === 'number') return paired;
	return paired ? paired.item : Number.POSITIVE_INFINITY;
}

/** Result items and error items (Continue on fail) merged back into the order of their input items. */
export function inInputOrder(items: INodeExecutionData[]): INodeExecutionData[] {
	return items.sort((x, y) => sourceIndexOf(x) - sourceIndexOf(y));
}
