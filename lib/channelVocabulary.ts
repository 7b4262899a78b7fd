/**
 * Channel vocabulary: the one way every node reads a channel name (a consent, an unsubscribe, a complaint,
 * a message event), so that "E-Mail", " EMAIL ", "mail" and "newsletter" all mean email.
 *
 *   key(name)       = name lowercased (Unicode NFKC), with spaces, "-", "_" and "." removed
 *   canonical(name) = aliases[key(name)] (built-in aliases, then the user's, then configured channels)
 *
 * Built-in aliases: email, e-mail, mail, newsletter -> email; sms, text, mobile -> sms;
 * push, notification -> push; whatsapp -> whatsapp; all, * -> every channel ("all").
 * A name nobody recognises is `undefined`: callers that suppress must then suppress every channel
 * (fail closed), callers that grant must not grant anything.
 * Lookups go through a Map, so names such as "toString" or "__proto__" are plain unknown names.
 *
 * Cost: O(length of the name) per lookup; O(aliases) to build.
 * @example createChannelVocabulary().canonical(' E-Mail ') // 'email'
 */
import { LifecycleInputError } from './errors';

/** The channel name that stands for every channel. */
export const EVERY_CHANNEL = 'all';

/** Channels every node knows without configuration. */
export const CANONICAL_CHANNELS: readonly string[] = ['email', 'sms', 'push'];

/** Built-in aliases, by key (see channelKey). */
export const DEFAULT_CHANNEL_ALIASES: Readonly<Record<string, string>> = {
	email: 'email',
	emails: 'email',
	mail: 'email',
	newsletter: 'email',
	sms: 'sms',
	text: 'sms',
	textmessage: 'sms',
	mobile: 'sms',
	push: 'push',
	pushnotification: 'push',
	notification: 'push',
	notifications: 'push',
	whatsapp: 'whatsapp',
	all: EVERY_CHANNEL,
	'*': EVERY_CHANNEL,
};

/** One user alias: what the data says, and the channel it means. */
export interface ChannelAlias {
	alias: string;
	channel: string;
}

export interface ChannelVocabulary {
	/** The canonical channel of a name, 'all' for every channel, undefined when nobody recognises it. */
	canonical(name: unknown): string | undefined;
	/** Every channel the vocabulary can name (without 'all'), sorted. */
	readonly channels: readonly string[];
}

/** Lowercase (NFKC), without spaces, "-", "_" and "."; '' for anything that is not text. */
export function channelKey(name: unknown): string {
	if (typeof name !== 'string') return '';
	return name.normalize('NFKC').toLowerCase().replace(/[\s\-_.]+/g, '');
}

function addAlias(aliases: Map<string, string>, alias: string, channel: string, position: string): void {
	const key = channelKey(alias);
	const target = channelKey(channel);
	const resolved = aliases.get(target) ?? target;
	if (key === '' || resolved === '') {
		throw new LifecycleInputError(`Channel alias ${position} needs both an alias and a channel; got "${alias}" -> "${channel}"`, {
			field: 'channelAliases',
			hint: 'Give each alias as the text your data uses and the channel it means, such as "courriel" -> "email"',
		});
	}
	aliases.set(key, resolved);
	if (!aliases.has(resolved)) aliases.set(resolved, resolved);
}

/**
 * The vocabulary of a run: built-in aliases, the user's aliases (which win), and the configured channel
 * names (each its own alias). Throws LifecycleInputError for an alias row without alias or channel.
 */
export function createChannelVocabulary(userAliases: readonly ChannelAlias[] = [], configuredChannels: readonly string[] = []): ChannelVocabulary {
	const aliases = new Map<string, string>(Object.entries(DEFAULT_CHANNEL_ALIASES));
	for (const channel of configuredChannels) {
		const key = channelKey(channel);
		if (key !== '' && !aliases.has(key)) aliases.set(key, channel.trim());
	}
	userAliases.forEach((row, index) => addAlias(aliases, row.alias, row.channel, `${index + 1}`));
	const channels = [...new Set(aliases.values())].filter((channel) => channel !== EVERY_CHANNEL).sort();
	return {
		canonical: (name) => aliases.get(channelKey(name)),
		channels,
	};
}
