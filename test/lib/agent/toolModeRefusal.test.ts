import { toolModeRefusal } from '../../../lib';

describe('toolModeRefusal', () => {
	it('lets through what answers for one customer', () => {
		expect(toolModeRefusal('scoreChurn', { operation: 'scoreWithModel' })).toBeNull();
		expect(toolModeRefusal('scoreChurn', { operation: 'scoreRemote' })).toBeNull();
		expect(toolModeRefusal('recommendProducts', { operation: 'recommend', modelFrom: 'stored' })).toBeNull();
		expect(toolModeRefusal('measureUplift', { operation: 'assign' })).toBeNull();
		expect(toolModeRefusal('measureUplift', { operation: 'scoreUplift' })).toBeNull();
		expect(toolModeRefusal('buildProfile', {})).toBeNull();
		expect(toolModeRefusal('chooseChannel', { fitPriors: false })).toBeNull();
		expect(toolModeRefusal('assignLifecycleStage', { atRiskSignal: 'purchaseRhythm', populationGapDays: 30, loyalTopPercent: 100 })).toBeNull();
		expect(toolModeRefusal('assignLifecycleStage', { atRiskSignal: 'churnProbability', loyalTopPercent: 100 })).toBeNull();
	});

	it('refuses what needs a population, saying what to use instead', () => {
		expect(toolModeRefusal('scoreChurn', { operation: 'fitAndScore' })).toMatch(/^As an AI tool Score Churn sees one customer, so it cannot fit a churn model .*Score With Model/);
		expect(toolModeRefusal('scoreChurn', { operation: 'evaluate' })).toContain('cannot evaluate a model');
		expect(toolModeRefusal('recommendProducts', { operation: 'buildModel' })).toContain('cannot build a recommender');
		expect(toolModeRefusal('recommendProducts', { operation: 'evaluate' })).toContain('cannot evaluate recommendations');
		expect(toolModeRefusal('recommendProducts', { operation: 'recommend', modelFrom: 'input' })).toContain('set Model From to Stored Model');
		expect(toolModeRefusal('measureUplift', { operation: 'analyze' })).toContain('compare a campaign with its holdout');
		expect(toolModeRefusal('measureUplift', { operation: 'trainUpliftModel' })).toContain('train an uplift model');
		expect(toolModeRefusal('chooseChannel', {})).toContain('Learn Priors From the Batch off');
		expect(toolModeRefusal('chooseChannel', { fitPriors: true })).toContain('learn the usual response rates');
	});

	it('asks Assign Lifecycle Stage for the population figures a batch would compute', () => {
		const both = toolModeRefusal('assignLifecycleStage', {}) as string;
		expect(both).toContain('Population Gap (Days)');
		expect(both).toContain('Loyal: Top Percent of Buyers to 100');
		expect(toolModeRefusal('assignLifecycleStage', { populationGapDays: 30 })).not.toContain('Population Gap');
		expect(toolModeRefusal('assignLifecycleStage', { loyalTopPercent: 100, populationGapDays: 0 })).toContain('Population Gap (Days)');
	});
});
