/**
 * Whether a node, run as an AI agent tool, can answer for one customer, and if not, why in plain words.
 *
 * n8n runs a tool node on ONE item built from the agent's arguments: no second input, no other customers.
 * Operations that learn from a population (fitting a churn model, building a recommender, analysing a
 * campaign, learning channel response rates) would silently fall back to priors or learn from a single customer; as a tool they refuse with
 * the message returned here instead, naming what to use (a model stored by a batch run, a fixed figure).
 *
 * Cost: constant.
 * Reference: how n8n calls a tool node, n8n-core `makeHandleToolInvocation` (one item `{ json: toolArgs }`).
 * @example toolModeRefusal('scoreChurn', { operation: 'scoreWithModel' }) // null
 * @example toolModeRefusal('scoreChurn', { operation: 'fitAndScore' }) // 'As an AI tool Score Churn sees one customer, ...'
 */

export type LifecycleToolNode = 'buildProfile' | 'assignLifecycleStage' | 'scoreChurn' | 'recommendProducts' | 'chooseChannel' | 'measureUplift';

export interface ToolModeSettings {
	operation?: string;
	/** Assign Lifecycle Stage: purchaseRhythm or churnProbability. */
	atRiskSignal?: string;
	/** Assign Lifecycle Stage: the usual gap of one-time buyers; 0 or missing means "from the population". */
	populationGapDays?: number;
	/** Assign Lifecycle Stage: the top share of buyers that is loyal; 100 leaves only the minimums. */
	loyalTopPercent?: number;
	/** Assign Lifecycle Stage: stored population figures of a scheduled run are given (they stand for the population). */
	populationFigures?: boolean;
	/** Recommend Products: input (build from the items) or stored. */
	modelFrom?: string;
	/** Choose Channel: learn response rates and send hours from the run's customers (default on). */
	fitPriors?: boolean;
}

const ONE_CUSTOMER = 'sees one customer, so it cannot';

export function toolModeRefusal(node: LifecycleToolNode, settings: ToolModeSettings): string | null {
	const operation = settings.operation ?? '';
	if (node === 'scoreChurn' && (operation === 'fitAndScore' || operation === 'evaluate')) {
		return `As an AI tool Score Churn ${ONE_CUSTOMER} ${operation === 'evaluate' ? 'evaluate a model' : 'fit a churn model'} (that needs at least 100 customers). Run Fit and Score in a batch workflow, store its model item, and set this tool to Score With Model (or Score With Remote Endpoint)`;
	}
	if (node === 'recommendProducts') {
		if (operation === 'buildModel' || operation === 'evaluate') {
			return `As an AI tool Recommend Products ${ONE_CUSTOMER} ${operation === 'evaluate' ? 'evaluate recommendations' : 'build a recommender'} (that needs the orders of many customers). Build the model in a batch workflow and set this tool to Recommend with Model From: Stored Model`;
		}
		if ((settings.modelFrom ?? 'input') !== 'stored') {
			return `As an AI tool Recommend Products ${ONE_CUSTOMER} learn what customers buy together, and it gets no catalog on a second input. Build the model (with the catalog) in a batch workflow and set Model From to Stored Model`;
		}
	}
	if (node === 'measureUplift' && (operation === 'analyze' || operation === 'trainUpliftModel')) {
		return `As an AI tool Measure Uplift ${ONE_CUSTOMER} ${operation === 'analyze' ? 'compare a campaign with its holdout' : 'train an uplift model'} (that needs every customer of the campaign). Run it in a batch workflow; as a tool use Assign, Plan or Score Uplift`;
	}
	if (node === 'chooseChannel' && settings.fitPriors !== false) {
		return `As an AI tool Choose Channel ${ONE_CUSTOMER} learn the usual response rates and send hours of your customers (one customer's history would fall back to defaults without saying so). Set Options > Learn Priors From the Batch off: a 5 % response rate and no preferred hour, the same for every call`;
	}
	if (node === 'assignLifecycleStage' && settings.populationFigures !== true) {
		const missing: string[] = [];
		if ((settings.atRiskSignal ?? 'purchaseRhythm') === 'purchaseRhythm' && !(typeof settings.populationGapDays === 'number' && settings.populationGapDays > 0)) {
			missing.push("Options > Population Gap (Days) (the usual gap between purchases in your shop, e.g. 30: a one-time buyer has no rhythm of their own, and the tool cannot take the median of other customers)");
		}
		if ((settings.loyalTopPercent ?? 20) < 100) {
			missing.push('Options > Loyal: Top Percent of Buyers to 100, with Loyal: Minimum Purchase Days and Loyal: Minimum Revenue as the bar (with one customer, "top 20 %" would make every repeat buyer loyal)');
		}
		if (missing.length > 0) return `As an AI tool Assign Lifecycle Stage ${ONE_CUSTOMER} compare them with other customers. Set Options > Population Figures (stored by the scheduled run), or set ${missing.join('; and ')}`;
	}
	return null;
}
