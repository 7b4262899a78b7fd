/**
 * Counts per stage and the transition matrix (previous stage -> current stage) of a run, for a Slack
 * or email report and for checking a model over time.
 *
 * stageCounts[s] = #customers now in s, for every output name s of the model (zeros included, model order).
 * transitionMatrix[p][s] = #customers whose previous stage was p and current stage is s; p = "(none)" for
 * customers without a previous stage. Row sums are the counts of the previous stages; column sums are
 * stageCounts. transitions["p->s"] lists the changes only (p != s, p known), largest first.
 * Keys are stage names chosen by users: the maps are objects without a prototype, so a stage named
 * "__proto__" is a plain key.
 * Reference: the transition (migration) matrix of customer states, Pfeifer & Carraway (2000), "Modeling
 * customer relationships as Markov chains", Journal of Interactive Marketing 14(2).
 *
 * Cost: O(n + s^2) for n customers and s stages.
 * @example summarizeLifecycleStages([{ lifecycleStage: 'repeat', previousStage: 'at_risk' }], ['repeat', 'at_risk']).transitions // { 'at_risk->repeat': 1 }
 */
export interface StageAssignmentCounts {
	lifecycleStage: string;
	previousStage: string | null;
}

export interface LifecycleStageCounts {
	stageCounts: Record<string, number>;
	transitionMatrix: Record<string, Record<string, number>>;
	transitions: Record<string, number>;
	/** Customers whose stage differs from a known previous stage. */
	changed: number;
	withPreviousStage: number;
}

export const NO_PREVIOUS_STAGE = '(none)';

function emptyCounts(names: readonly string[]): Record<string, number> {
	const counts = Object.create(null) as Record<string, number>;
	for (const name of names) counts[name] = 0;
	return counts;
}

export function summarizeLifecycleStages(assignments: readonly StageAssignmentCounts[], modelNames: readonly string[]): LifecycleStageCounts {
	const names = [...modelNames];
	for (const assignment of assignments) {
		if (!names.includes(assignment.lifecycleStage)) names.push(assignment.lifecycleStage);
		if (assignment.previousStage !== null && !names.includes(assignment.previousStage)) names.push(assignment.previousStage);
	}
	const stageCounts = emptyCounts(names);
	const transitionMatrix = Object.create(null) as Record<string, Record<string, number>>;
	for (const name of names) transitionMatrix[name] = emptyCounts(names);
	const changes = new Map<string, number>();
	let changed = 0;
	let withPreviousStage = 0;
	for (const { lifecycleStage, previousStage } of assignments) {
		stageCounts[lifecycleStage]++;
		const row = previousStage ?? NO_PREVIOUS_STAGE;
		if (!(row in transitionMatrix)) transitionMatrix[row] = emptyCounts(names);
		transitionMatrix[row][lifecycleStage]++;
		if (previousStage === null) continue;
		withPreviousStage++;
		if (previousStage === lifecycleStage) continue;
		changed++;
		const key = `${previousStage}->${lifecycleStage}`;
		changes.set(key, (changes.get(key) ?? 0) + 1);
	}
	const transitions = Object.create(null) as Record<string, number>;
	for (const [key, count] of [...changes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) transitions[key] = count;
	return { stageCounts, transitionMatrix, transitions, changed, withPreviousStage };
}
