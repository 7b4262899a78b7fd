import type { INodeProperties } from 'n8n-workflow';
import { channelAliasesOption } from '../shared/channelAliases';
import { toolOutputOption } from '../shared/toolOutput';

const WEEKDAYS = [
	{ name: 'Friday', value: 'friday' },
	{ name: 'Monday', value: 'monday' },
	{ name: 'Saturday', value: 'saturday' },
	{ name: 'Sunday', value: 'sunday' },
	{ name: 'Thursday', value: 'thursday' },
	{ name: 'Tuesday', value: 'tuesday' },
	{ name: 'Wednesday', value: 'wednesday' },
];

const CHANNEL_OPTIONS = [
	{ name: 'Email', value: 'email', description: 'Address in the field email' },
	{ name: 'Push', value: 'push', description: 'Device token in the field pushToken' },
	{ name: 'SMS', value: 'sms', description: 'Phone number in the field phone' },
];

export const chooseChannelProperties: INodeProperties[] = [
	{
		displayName: 'Channels Offered',
		name: 'channels',
		type: 'fixedCollection',
		placeholder: 'Add Channel',
		typeOptions: { multipleValues: true, sortable: true },
		default: {
			channel: [
				{ name: 'email', valuePerResponse: 1, costPerMessage: 0 },
				{ name: 'sms', valuePerResponse: 1, costPerMessage: 0 },
				{ name: 'push', valuePerResponse: 1, costPerMessage: 0 },
			],
		},
		description: 'Channels this message can go out on, in priority order (drag to reorder): the order decides ties and the Fixed Priority Order policy',
		options: [
			{
				name: 'channel',
				displayName: 'Channel',
				values: [
					{
						displayName: 'Channel',
						name: 'name',
						type: 'options',
						options: CHANNEL_OPTIONS,
						default: 'email',
					},
					{
						displayName: 'Value per Response',
						name: 'valuePerResponse',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 4 },
						default: 1,
						description: 'What one response (a click; an open for push) is worth, e.g. average order value times conversion rate',
					},
					{
						displayName: 'Cost per Message',
						name: 'costPerMessage',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 4 },
						default: 0,
						description: 'What sending one message costs, in the same unit as the value',
					},
				],
			},
		],
	},
	{
		displayName: 'Policy',
		name: 'policy',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Best Expected Value',
				value: 'expectedValue',
				description: 'The channel with the highest value x response rate - cost, from each customer\'s own responses, leaning on the whole batch when they have few',
			},
			{
				name: 'Fixed Priority Order',
				value: 'priority',
				description: 'The first allowed channel in the order of Channels Offered',
			},
			{
				name: 'Thompson Sampling',
				value: 'thompson',
				description: 'Usually the best channel, sometimes one with little evidence, to learn about it. Same result for the same Seed.',
			},
		],
		default: 'expectedValue',
		hint: 'Thompson Sampling draws each channel response rate from its posterior (Beta) and takes the best draw',
		description: 'How to pick among the channels a customer may receive',
	},
	{
		displayName: 'Seed',
		name: 'seed',
		type: 'number',
		default: 0,
		description: 'Seed of the random draws: the same items, Now and seed give the same choices',
		displayOptions: { show: { policy: ['thompson'] } },
	},
	{
		displayName: 'Frequency Caps',
		name: 'frequencyCaps',
		type: 'fixedCollection',
		placeholder: 'Add Cap',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'At most this many messages in a rolling window, counted from the messageHistory field (or from the sent counts and last send date of Build Profile, as an upper bound) plus the messages this run plans',
		options: [
			{
				name: 'cap',
				displayName: 'Cap',
				values: [
					{
						displayName: 'Channel',
						name: 'channel',
						type: 'options',
						options: [{ name: 'All Channels', value: 'all', description: 'Messages on every channel count' }, ...CHANNEL_OPTIONS],
						default: 'all',
					},
					{
						displayName: 'Max Messages',
						name: 'maxMessages',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 3,
						description: 'Whole number, 0 or more (0 blocks the channel)',
					},
					{
						displayName: 'Window (Days)',
						name: 'windowDays',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 2 },
						default: 7,
						description: 'Length of the rolling window ending at the planned send time',
					},
				],
			},
		],
	},
	{
		displayName: 'Quiet Hours Start',
		name: 'quietHoursStart',
		type: 'string',
		default: '21:00',
		placeholder: 'e.g. 21:00',
		description: "Local time (HH:MM, 24 h, in each customer's time zone) from which no message goes out; leave both quiet-hours fields empty for none",
	},
	{
		displayName: 'Quiet Hours End',
		name: 'quietHoursEnd',
		type: 'string',
		default: '08:00',
		placeholder: 'e.g. 08:00',
		description: 'Local time (HH:MM, 24 h) at which sending may resume',
	},
	{
		displayName: 'Allowed Days',
		name: 'allowedDays',
		type: 'multiOptions',
		options: WEEKDAYS,
		default: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
		description: "Local weekdays on which messages may go out, in each customer's time zone",
	},
	{
		displayName: 'Default Time Zone',
		name: 'defaultTimeZone',
		type: 'string',
		default: '',
		placeholder: 'e.g. Europe/Berlin',
		description: "IANA time zone of customers whose profile has no timeZone. Empty: the workflow's time zone.",
	},
	{
		displayName: 'Campaign',
		name: 'campaign',
		type: 'string',
		default: '',
		placeholder: 'e.g. spring-sale',
		description:
			'Campaign these messages belong to. When several items of one run are for the same customer, the higher Campaign Priority wins. Empty: each item keeps its own campaign and campaignPriority fields, if any.',
	},
	{
		displayName: 'Campaign Priority',
		name: 'campaignPriority',
		type: 'number',
		default: 0,
		description: 'Priority of the campaign when it competes with others for the same customer in one run (higher wins); used when Campaign is set',
	},
	{
		displayName: 'Now',
		name: 'now',
		type: 'dateTime',
		default: '',
		description:
			'The moment of the decision: send times are at or after it and caps count back from it. Empty: the time this node starts, read once so all items share it. Set it to reproduce a run exactly. Without an offset it is read in the workflow time zone.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			channelAliasesOption,
			{
				displayName: 'Default Send Hour',
				name: 'defaultHour',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 23 },
				default: 10,
				description: 'Local hour to aim at when neither the customer nor the batch has any engagement times',
			},
			{
				displayName: 'Include Run Summary',
				name: 'includeRunSummary',
				type: 'boolean',
				default: false,
				description: 'Whether to add one last item with the counts of the run: sent per channel, suppressed per reason, the typical response rates used',
			},
			{
				displayName: 'Learn Priors From the Batch',
				name: 'fitPriors',
				type: 'boolean',
				default: true,
				description: "Whether to estimate the typical response rate of each channel and the typical engagement hours from all input items, and lean on them where a customer's own history is short; off: a 5% response rate and a flat day",
			},
			{
				displayName: 'Max Messages per Customer per Run',
				name: 'maxMessagesPerRun',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'When several items are for the same customer (competing campaigns), how many of them may get a message; the others get none with the winner named',
			},
			{
				displayName: 'Minimum Expected Value',
				name: 'minimumExpectedValue',
				type: 'number',
				typeOptions: { numberPrecision: 4 },
				default: 0,
				description: 'Do not send on a channel whose expected value (value x response rate - cost) is below this',
			},
			{
				displayName: 'Optimize Send Time',
				name: 'optimizeSendTime',
				type: 'boolean',
				default: true,
				description: "Whether to aim at each customer's best local hour, learned from the engagementHistory field (times of opens and clicks); off: the first allowed moment",
			},
			{
				displayName: 'Suppress After Bounces',
				name: 'suppressAfterBounces',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Stop using a channel for a customer after this many bounces',
			},
			toolOutputOption,
		],
	},
];
