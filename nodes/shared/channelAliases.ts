import type { INodeProperties } from 'n8n-workflow';
import type { ChannelAlias } from '../../lib';

/**
 * The "Channel Aliases" option of Build Profile and Choose Channel: extra spellings of channel names in the data,
 * on top of the built-in ones (e-mail, mail, newsletter -> email; text, mobile -> sms; notification -> push; all, *).
 */
export const channelAliasesOption: INodeProperties = {
	displayName: 'Channel Aliases',
	name: 'channelAliases',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Alias',
	default: {},
	description:
		'Extra spellings of channel names in your data (case, spaces and hyphens never matter). An unsubscribe or complaint naming a channel nobody recognises suppresses every channel of that customer.',
	options: [
		{
			displayName: 'Alias',
			name: 'alias',
			values: [
				{ displayName: 'Alias', name: 'alias', type: 'string', default: '', placeholder: 'e.g. courriel', description: 'The channel name as your data writes it' },
				{ displayName: 'Channel', name: 'channel', type: 'string', default: '', placeholder: 'e.g. email', description: 'The channel it means, such as email, sms or push' },
			],
		},
	],
};

/** The alias rows of the option's value ({ alias: [{ alias, channel }] }). */
export function channelAliasRows(value: unknown): ChannelAlias[] {
	const rows = (value as { alias?: Array<Partial<ChannelAlias>> } | undefined)?.alias ?? [];
	return rows.map((row) => ({ alias: String(row.alias ?? ''), channel: String(row.channel ?? '') }));
}
