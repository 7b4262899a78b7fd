import type { IPairedItemData } from 'n8n-workflow';

/** pairedItem for an output built from several input items. */
export function pairedItemsOf(itemIndexes: readonly number[]): IPairedItemData[] {
	return itemIndexes.map((item) => ({ item }));
}
