import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { BusinessRules, CatalogItem, Interaction, RecommenderModel, RecommendStrategy } from '../../lib';
import { buildRecommender, createRecommender, evaluateRecommender, LifecycleInputError, ownField, parseRecommenderModel, profileInteractions, readPrice, readStockStatusOrError, withCatalogStock } from '../../lib';
import { errorItem, ItemErrorCollector, toNodeError } from '../shared/itemErrors';
import { readModelJson } from '../shared/modelParameter';
import { inInputOrder, pairedItemsOf } from '../shared/pairedItems';
import { compactItems, refuseWhatNeedsAPopulation, wantsCompact } from '../shared/toolOutput';

type Fields = Partial<Record<'country' | 'customerId' | 'type' | 'orderId' | 'price' | 'productId' | 'timestamp' | 'title', string>>;
type CatalogFields = Partial<Record<'brand' | 'category' | 'description' | 'inStock' | 'price' | 'productId' | 'tags' | 'title', string>>;

interface NodeOptions {
	minCoCustomers?: number;
	minLift?: number;
	minSupport?: number;
	modelOutput?: 'item' | 'binary';
	neighbours?: number;
	similarity?: 'cosine' | 'jaccard' | 'lift';
	trendingWindowDays?: number;
}


function list(text: string | undefined): string[] {
	return (text ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
}

/** The catalog on the second input with the problems found reading it: error items (Continue on fail) and prices. */
interface CatalogInput {
	catalog: CatalogItem[] | undefined;
	errorItems: INodeExecutionData[];
}

/** A catalog item's stock, read in the shop nodes' vocabularies; unreadable stock fails its item, closed. */
function catalogStock(context: IExecuteFunctions, json: IDataObject, index: number, field: string, errorItems: INodeExecutionData[]): boolean | null {
	const stock = readStockStatusOrError(json, field);
	if (!(stock instanceof LifecycleInputError)) return stock;
	const nodeError = toNodeError(context, new LifecycleInputError(`Catalog item ${index} (second input) ${stock.message}`, { field: stock.field, hint: stock.hint }));
	if (!context.continueOnFail()) throw nodeError;
	errorItems.push({ ...errorItem(nodeError, index), pairedItem: { item: index, input: 1 } });
	// Never recommended: its stock could not be read.
	return false;
}

function readCatalogInput(context: IExecuteFunctions): CatalogInput {
	let items: INodeExecutionData[] = [];
	try {
		items = context.getInputData(1);
	} catch {
		return { catalog: undefined, errorItems: [] };
	}
	if (!items || items.length === 0) return { catalog: undefined, errorItems: [] };
	const fields = context.getNodeParameter('catalogFields', 0, {}) as CatalogFields;
	const name = (key: keyof CatalogFields) => fields[key] ?? key;
	const errorItems: INodeExecutionData[] = [];
	const catalog = items.map((item, index) => ({
		productId: ownField(item.json, name('productId')) as string | number | undefined,
		title: ownField(item.json, name('title')) as string | undefined,
		description: ownField(item.json, name('description')) as string | undefined,
		category: ownField(item.json, name('category')) as string | undefined,
		brand: ownField(item.json, name('brand')) as string | undefined,
		tags: ownField(item.json, name('tags')) as string | string[] | undefined,
		price: ownField(item.json, name('price')) as number | string | undefined,
		inStock: catalogStock(context, item.json, index, name('inStock'), errorItems),
	}));
	return { catalog, errorItems };
}

/** An execution hint for prices that could not be read (the products keep no price; price rules leave them out). */
function hintUnreadablePrices(context: IExecuteFunctions, catalogPrices: number, interactionPrices: number): void {
	const parts = [catalogPrices > 0 ? `${catalogPrices} in the catalog` : '', interactionPrices > 0 ? `${interactionPrices} in the interactions` : ''].filter(Boolean);
	if (parts.length === 0) return;
	context.addExecutionHints({
		message: `${catalogPrices + interactionPrices} prices could not be read (${parts.join(', ')}): write them as numbers such as 12.50; those products have no price, so price rules leave them out`,
		location: 'outputPane',
	});
}

/** Order lines mapped by the user's field names, and how many of their prices could not be read. */
function interactionsOf(context: IExecuteFunctions, items: INodeExecutionData[]): { interactions: Interaction[]; unreadablePrices: number } {
	const inputForm = context.getNodeParameter('inputForm', 0, 'interactions') as string;
	if (inputForm === 'profiles') return { interactions: profileInteractions(items.map((item) => item.json)), unreadablePrices: 0 };
	const fields = context.getNodeParameter('fields', 0, {}) as Fields;
	const name = (key: keyof Fields) => fields[key] ?? key;
	let unreadablePrices = 0;
	const interactions = items.map((item) => {
		const price = readPrice(ownField(item.json, name('price')));
		if (price === undefined) unreadablePrices++;
		return {
			customerId: ownField(item.json, name('customerId')) as string,
			productId: ownField(item.json, name('productId')) as string,
			type: (ownField(item.json, name('type')) as string | undefined) || undefined,
			timestamp: ownField(item.json, name('timestamp')) as string | undefined,
			orderId: ownField(item.json, name('orderId')) as string | undefined,
			title: ownField(item.json, name('title')) as string | undefined,
			price: price ?? undefined,
			country: ownField(item.json, name('country')) as string | undefined,
		};
	});
	return { interactions, unreadablePrices };
}

function buildOptions(context: IExecuteFunctions, catalog: CatalogItem[] | undefined) {
	const options = context.getNodeParameter('options', 0, {}) as NodeOptions;
	return {
		catalog,
		similarity: options.similarity,
		neighbours: options.neighbours,
		minCoCustomers: options.minCoCustomers,
		trending: options.trendingWindowDays ? { windowDays: options.trendingWindowDays } : undefined,
		boughtTogether: { minSupport: options.minSupport, minLift: options.minLift },
	};
}

function readRules(context: IExecuteFunctions): BusinessRules {
	const rules = context.getNodeParameter('rules', 0, {}) as Record<string, unknown>;
	const boosted = Object.create(null) as Record<string, number>;
	for (const entry of list(rules.boosted as string | undefined)) {
		const [id, factor] = entry.split('=').map((part) => part.trim());
		if (!id || !(Number(factor) > 0)) throw new NodeOperationError(context.getNode(), `Boosted Products has "${entry}", not ID=factor`, { description: 'Write it as SKU-1=1.5, SKU-2=2' });
		boosted[id] = Number(factor);
	}
	return {
		excludePurchased: rules.excludePurchased as boolean | undefined,
		excludeOutOfStock: rules.excludeOutOfStock as boolean | undefined,
		repurchaseDays: rules.repurchaseDays as number | undefined,
		minPrice: rules.minPrice as number | undefined,
		maxPrice: rules.maxPrice as number | undefined,
		maxPerCategory: rules.maxPerCategory as number | undefined,
		includeCategories: list(rules.includeCategories as string | undefined),
		excludeCategories: list(rules.excludeCategories as string | undefined),
		excludeProducts: list(rules.excludeProducts as string | undefined),
		pinned: list(rules.pinned as string | undefined),
		boosted,
	};
}

function storedModel(context: IExecuteFunctions): RecommenderModel {
	const hint = 'Map the model item of a Build Model run, for example {{ $json }} after reading it back, unchanged';
	const record = readModelJson(context, context.getNodeParameter('storedModel', 0, '') as unknown, 'Stored Model', hint);
	try {
		return parseRecommenderModel(record);
	} catch (error) {
		throw new NodeOperationError(context.getNode(), error instanceof Error ? error.message : String(error), { description: 'Rebuild the model with Build Model, or pass it unchanged' });
	}
}

/** The stored model with today's stock from the catalog on the second input, when there is one. */
function storedWithStock(context: IExecuteFunctions, catalog: CatalogItem[] | undefined): RecommenderModel {
	const model = storedModel(context);
	if (!catalog) return model;
	try {
		return withCatalogStock(model, catalog);
	} catch (error) {
		throw toRunError(context, error);
	}
}

function build(context: IExecuteFunctions, interactions: Interaction[], catalog: CatalogItem[] | undefined): RecommenderModel {
	try {
		return buildRecommender(interactions, buildOptions(context, catalog));
	} catch (error) {
		throw toRunError(context, error);
	}
}

function toRunError(context: IExecuteFunctions, error: unknown): NodeOperationError {
	const hint = error instanceof LifecycleInputError ? error.hint : undefined;
	return new NodeOperationError(context.getNode(), error instanceof Error ? error.message : String(error), { description: hint ?? 'Check the mapped fields and the options' });
}

async function buildModelOperation(context: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const { interactions, unreadablePrices } = interactionsOf(context, items);
	const { catalog, errorItems } = readCatalogInput(context);
	const model = build(context, interactions, catalog);
	hintUnreadablePrices(context, model.summary.catalog?.skipped.invalidPrice ?? 0, unreadablePrices);
	const options = context.getNodeParameter('options', 0, {}) as NodeOptions;
	const summary = { modelItem: true, kind: model.kind, products: model.products.ids.length, customers: model.summary.customers, asOf: model.asOf };
	if (options.modelOutput === 'binary') {
		const data = await context.helpers.prepareBinaryData(Buffer.from(JSON.stringify(model), 'utf8'), 'recommender-model.json', 'application/json');
		return [[{ json: summary, binary: { data }, pairedItem: { item: 0 } }, ...errorItems]];
	}
	return [[{ json: { ...(model as unknown as IDataObject), modelItem: true }, pairedItem: { item: 0 } }, ...errorItems]];
}

async function recommendOperation(context: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const strategy = context.getNodeParameter('strategy', 0, 'personalised') as RecommendStrategy;
	const count = context.getNodeParameter('count', 0, 5) as number;
	const productsField = (context.getNodeParameter('productsField', 0, '') as string).trim();
	const modelFrom = context.getNodeParameter('modelFrom', 0, 'input') as string;
	const { catalog, errorItems } = readCatalogInput(context);
	const model = modelFrom === 'stored' ? storedWithStock(context, catalog) : build(context, profileInteractions(items.map((item) => item.json)), catalog);
	if (modelFrom !== 'stored') hintUnreadablePrices(context, model.summary.catalog?.skipped.invalidPrice ?? 0, 0);
	const rules = readRules(context);
	const recommender = createRecommender(model);
	const errors = new ItemErrorCollector(context);
	const output: INodeExecutionData[] = [];
	let unknownProducts = 0;
	items.forEach((item, itemIndex) => {
		try {
			const anchorValue = productsField ? ownField(item.json, productsField) : undefined;
			if (productsField && (anchorValue === undefined || anchorValue === null || anchorValue === '')) {
				throw new LifecycleInputError(`Item ${itemIndex} has no product in ${productsField}`, { itemIndex, field: productsField, hint: 'Map Products Field to the field with the product ID or the cart\'s product IDs' });
			}
			const products = anchorValue === undefined ? undefined : Array.isArray(anchorValue) ? anchorValue.map(String) : [String(anchorValue)];
			const result = recommender(item.json as never, { strategy, count, products, rules });
			unknownProducts += result.unknownProducts;
			const json: IDataObject = { ...item.json, recommendations: result.recommendations as unknown as IDataObject[], recommendationCount: result.recommendations.length, recommendationStrategy: strategy, recommendationFallback: result.fallbackUsed.join(', ') };
			for (let i = 0; i < count; i++) {
				const entry = result.recommendations[i];
				json[`rec${i + 1}Id`] = entry?.productId ?? null;
				// A product without a known title shows its ID, so an email template never prints a blank line.
				json[`rec${i + 1}Title`] = entry ? (entry.title ?? entry.productId) : null;
				json[`rec${i + 1}Reason`] = entry?.reason ?? null;
				json[`rec${i + 1}Score`] = entry?.score ?? null;
			}
			output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (error instanceof LifecycleInputError && error.itemIndex === undefined) errors.fail(new LifecycleInputError(`Item ${itemIndex}: ${error.message}`, { itemIndex, field: error.field, hint: error.hint }), itemIndex);
			else errors.fail(error, itemIndex);
		}
	});
	if (unknownProducts > 0) context.addExecutionHints({ message: `${unknownProducts} products in the items are not in the model (new products or other IDs); they were left out`, location: 'outputPane' });
	return [[...inInputOrder([...output, ...errors.items]), ...errorItems]];
}

async function evaluateOperation(context: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const splitAt = context.getNodeParameter('splitAt', 0, '') as string;
	if (!splitAt) throw new NodeOperationError(context.getNode(), 'Split Date is empty', { description: 'Set the date that separates training (before) from testing (after)' });
	const count = context.getNodeParameter('count', 0, 10) as number;
	const options = buildOptions(context, undefined);
	let evaluation;
	try {
		evaluation = evaluateRecommender(interactionsOf(context, items).interactions, { splitAt, k: count, strategies: ['personalised', 'boughtTogether', 'trending'], build: options });
	} catch (error) {
		throw toRunError(context, error);
	}
	const popular = evaluation.results.find((result) => result.strategy === 'mostPopular');
	return [
		evaluation.results.map((result) => ({
			json: {
				strategy: result.strategy,
				k: evaluation.k,
				customers: result.customers,
				trainInteractions: evaluation.trainInteractions,
				[`precisionAt${evaluation.k}`]: result.precision,
				[`recallAt${evaluation.k}`]: result.recall,
				[`ndcgAt${evaluation.k}`]: result.ndcg,
				map: result.map,
				coverage: result.coverage,
				ndcgVsMostPopular: popular && popular.ndcg > 0 ? Math.round((result.ndcg / popular.ndcg) * 1000) / 1000 : null,
			},
			pairedItem: pairedItemsOf([0]),
		})),
	];
}

export async function executeRecommendProducts(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData(0);
	const operation = this.getNodeParameter('operation', 0, 'recommend') as string;
	refuseWhatNeedsAPopulation(this, 'recommendProducts', { operation, modelFrom: operation === 'recommend' ? (this.getNodeParameter('modelFrom', 0, 'input') as string) : undefined });
	if (operation === 'buildModel') return await buildModelOperation(this, items);
	if (operation === 'evaluate') return await evaluateOperation(this, items);
	const output = await recommendOperation(this, items);
	const { toolOutput } = this.getNodeParameter('options', 0, {}) as { toolOutput?: string };
	return wantsCompact(this, toolOutput) ? output.map((branch) => compactItems(branch, 'recommendations')) : output;
}
