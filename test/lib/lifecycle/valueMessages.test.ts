import { assignLifecycleStages } from '../../../lib/lifecycle/assignLifecycleStages';

describe('lifecycle messages say what is wrong', () => {
	it('reports a NaN option as NaN, not as null', () => {
		expect(() => assignLifecycleStages([], { atRiskMultiple: Number.NaN })).toThrow('atRiskMultiple to be a number above 0; got NaN');
	});

	it('names text where a whole number is expected as text', () => {
		const { issues } = assignLifecycleStages([{ observationEnd: '2024-03-31', orders: '2.5' as unknown as number }], { onInvalid: 'collect' });
		expect(issues[0].message).toBe('assignLifecycleStages requires orders to be a whole number, 0 or more; got the text "2.5"');
	});
});
