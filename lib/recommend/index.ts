/**
 * Recommend Products' pure library: build a recommender model from interactions and a catalog, recommend for a
 * customer, a product or a cart with business rules and reasons, and evaluate offline against MostPopular.
 * The only door the nodes use into lib/recommend.
 */
export { buildRecommender } from './buildRecommender';
export type { BuildRecommenderOptions } from './buildRecommender';
export { createRecommender, recommend, RECOMMEND_STRATEGIES } from './recommend';
export type { Recommendation, RecommendOptions, RecommendResult, Recommender, RecommendStrategy } from './recommend';
export { evaluateRecommender, rankingScores } from './evaluateRecommender';
export type { EvaluateRecommenderOptions, RankingMetrics, RecommenderEvaluation } from './evaluateRecommender';
export { isAllowed, resolveBusinessRules } from './businessRules';
export type { BusinessRules, ResolvedRules } from './businessRules';
export { productIndexOf, readCustomerHistory } from './readCustomerHistory';
export { profileInteractions } from './profileInteractions';
export type { CustomerHistory, HistoryEntry, RecommendCustomer } from './readCustomerHistory';
export { parseRecommenderModel } from './parseRecommenderModel';
export { RECOMMENDER_MODEL_VERSION, RecommenderModelSchema } from './recommenderModelSchema';
export type { RecommenderModel } from './recommenderModelSchema';
export type { Interaction } from './readInteractions';
export type { CatalogItem } from './readCatalog';
export { parseStockValue, readStockStatus, readStockStatusOrError } from './readStockStatus';
export { readPrice } from './readPrice';
export { withCatalogStock } from './withCatalogStock';
