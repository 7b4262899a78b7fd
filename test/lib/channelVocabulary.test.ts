import { channelKey, createChannelVocabulary, EVERY_CHANNEL } from '../../lib/channelVocabulary';

describe('channel vocabulary', () => {
	const vocabulary = createChannelVocabulary();

	it.each([
		['email', 'email'], ['Email', 'email'], ['EMAIL', 'email'], [' email ', 'email'], ['e-mail', 'email'], ['E-Mail', 'email'],
		['E Mail', 'email'], ['mail', 'email'], ['Newsletter', 'email'], ['SMS', 'sms'], ['text', 'sms'], ['Mobile', 'sms'],
		['push', 'push'], ['Notification', 'push'], ['ALL', EVERY_CHANNEL], ['All', EVERY_CHANNEL], ['*', EVERY_CHANNEL], [' * ', EVERY_CHANNEL],
	])('reads %j as %j whatever the case, spaces and hyphens', (name, canonical) => {
		expect(vocabulary.canonical(name)).toBe(canonical);
	});

	it.each(['fax', 'toString', '__proto__', 'constructor', 'hasOwnProperty', '', '   '])('recognises nobody called %j (prototype names are plain unknown names)', (name) => {
		expect(vocabulary.canonical(name)).toBeUndefined();
	});

	it('reads non-text as unrecognised instead of crashing', () => {
		for (const value of [null, undefined, 3, {}, []]) expect(vocabulary.canonical(value)).toBeUndefined();
		expect(channelKey(42)).toBe('');
	});

	it('takes user aliases (which win over the built-in ones) and configured channel names', () => {
		const custom = createChannelVocabulary([{ alias: 'Courriel', channel: 'E-Mail' }, { alias: 'wa', channel: 'WhatsApp' }, { alias: 'text', channel: 'whatsapp' }], ['Line']);
		expect(custom.canonical('courriel')).toBe('email');
		expect(custom.canonical('WA')).toBe('whatsapp');
		expect(custom.canonical('Text')).toBe('whatsapp');
		expect(custom.canonical('LINE')).toBe('Line');
		expect(custom.channels).toEqual(expect.arrayContaining(['email', 'sms', 'push', 'whatsapp', 'Line']));
		expect(custom.channels).not.toContain(EVERY_CHANNEL);
	});

	it('refuses an alias row without alias or channel, naming the row', () => {
		expect(() => createChannelVocabulary([{ alias: ' ', channel: 'email' }])).toThrow(/Channel alias 1/);
	});
});
