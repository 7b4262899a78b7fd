// `npm run bench -- channel`: Choose Channel throughput, the known-truth simulation, off-policy evaluation
// from logged propensities, and Thompson sampling's regret against epsilon-greedy (0.1) over 100k rounds.
import { DateTime } from 'luxon';

import { chooseChannels, ZoneClock } from '../../lib/channel';
import type { ChannelPolicy } from '../../lib/channel';
import { seededRandom } from '../../lib/stats/seededRandom';
import {
	compareBandits,
	evaluateDecisions,
	inversePropensityEstimate,
	regretGrowthExponent,
	simulatePopulation,
	simulationOptions,
} from '../lib/channel/channelSimulation';
import { checkBatch, emptyViolations, randomBatch } from '../lib/channel/randomChannelCases';
import { report, time } from './report';

function round(value: number, digits = 4): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

// 1. Throughput on the random batches of the invariant test (DST days, caps, campaigns, all policies), checked.
{
	const random = seededRandom(99);
	const batches = Array.from({ length: 100 }, () => randomBatch(random, 2000));
	const { result, ms } = time(() => batches.map((batch) => chooseChannels(batch.profiles, batch.options).decisions), { repeats: 2 });
	const violations = emptyViolations();
	batches.forEach((batch, i) => checkBatch(batch, result[i], violations));
	const broken = violations.consent + violations.quietHours + violations.cap + violations.allowedDay + violations.suppression + violations.offset + violations.perRun;
	report('channel.decisions.random', violations.checked, ms, { microsecondsPerDecision: round((ms * 1000) / violations.checked, 2), sends: violations.sends, violations: broken });
}

// 1b. One million random decisions with suppression entries in random spellings (case, spaces, hyphens, aliases,
// 'all', '*', unknown and prototype names) and user channel aliases in half the batches: no send on a suppressed channel.
{
	const random = seededRandom(1313);
	const violations = emptyViolations();
	const counts = { listed: 0, listedSent: 0, unrecognised: 0 };
	const { ms } = time(() => {
		for (let decided = 0; decided < 1_000_000; decided += 2000) {
			const batch = randomBatch(random, 2000, { spelledSuppressions: true });
			const { decisions } = chooseChannels(batch.profiles, batch.options);
			checkBatch(batch, decisions, violations);
			for (const decision of decisions) {
				const profile = batch.profiles[decision.itemIndex];
				if (!profile.unsubscribed && !profile.complained) continue;
				counts.listed++;
				if (decision.channel !== 'none') counts.listedSent++;
				if (Object.values(decision.blockedChannels).some((reason) => reason.includes('every channel is suppressed'))) counts.unrecognised++;
			}
		}
	}, { warmUp: false });
	report('channel.decisions.spelledSuppressions', violations.checked, ms, {
		microsecondsPerDecision: round((ms * 1000) / violations.checked, 2),
		decisionsWithSuppressionEntries: counts.listed,
		sendsToThemOnUnsuppressedChannels: counts.listedSent,
		decisionsWithUnrecognisedChannelSuppression: counts.unrecognised,
		sendsOnSuppressedChannels: violations.suppression,
		otherViolations: violations.consent + violations.address + violations.quietHours + violations.cap + violations.allowedDay + violations.offset + violations.perRun + violations.propensity,
	});
}

// 2. ZoneClock against luxon for local offsets.
{
	const random = seededRandom(3);
	const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata'];
	const instants = Array.from({ length: 200_000 }, () => Date.UTC(2024, 0, 1) + Math.floor(random() * 3 * 365 * 86_400_000));
	const clocks = zones.map((zone) => ZoneClock.of(zone) as ZoneClock);
	const fast = time(() => instants.reduce((sum, instant, i) => sum + clocks[i % 4].offsetMinutes(instant), 0));
	const slow = time(() => instants.reduce((sum, instant, i) => sum + DateTime.fromMillis(instant, { zone: zones[i % 4] }).offset, 0));
	report('channel.zoneClock.offsets', instants.length, fast.ms, { luxonMs: round(slow.ms, 1), speedup: round(slow.ms / fast.ms, 1), same: fast.result === slow.result });
}

// 3. Known truth: value against email-to-everyone at 09:00 and the oracle; send hour against the true best hour.
const population = simulatePopulation(2025, 20_000);
const decisionsOf: Record<string, ReturnType<typeof chooseChannels>['decisions']> = {};
for (const policy of ['expectedValue', 'thompson', 'epsilonGreedy', 'priority'] as ChannelPolicy[]) {
	const { result, ms } = time(() => chooseChannels(population.profiles, simulationOptions(population.now, policy)), { warmUp: false });
	decisionsOf[policy] = result.decisions;
	const evaluation = evaluateDecisions(population, result.decisions);
	report(`channel.simulation.${policy}`, evaluation.customers, ms, {
		policyValue: round(evaluation.policyValue, 5),
		emailAt9Value: round(evaluation.baselineValue, 5),
		oracleValue: round(evaluation.oracleValue, 5),
		gapClosed: round(evaluation.gapClosed, 3),
		hourWithinOneHour: round(evaluation.hourWithinOne, 3),
		hourExact: round(evaluation.hourExact, 3),
		customersWith10Engagements: evaluation.hourCustomers,
		bestChannelShare: round(evaluation.channelAccuracy, 3),
		meetsHourTarget: evaluation.hourWithinOne >= 0.7,
	});
}
{
	const options = { ...simulationOptions(population.now, 'expectedValue'), sendTime: { optimize: false } };
	const { result, ms } = time(() => chooseChannels(population.profiles, options), { warmUp: false });
	const evaluation = evaluateDecisions(population, result.decisions);
	report('channel.simulation.expectedValueWithoutSendTime', evaluation.customers, ms, {
		policyValue: round(evaluation.policyValue, 5),
		hourWithinOneHour: round(evaluation.hourWithinOne, 3),
	});
}

// 4. Off-policy evaluation: the expected-value policy's value estimated from Thompson's logged propensities.
{
	const truth = evaluateDecisions(population, decisionsOf.expectedValue).policyValue;
	const { result: estimate, ms } = time(() => inversePropensityEstimate(population, decisionsOf.thompson, decisionsOf.expectedValue));
	report('channel.offPolicy.ipsFromThompson', population.truth.length, ms, {
		targetTrueValue: round(truth, 5),
		ipsEstimate: round(estimate, 5),
		relativeError: round(Math.abs(estimate - truth) / truth, 4),
	});
}

// 5. Regret over 100k rounds, 3 arms with rates uniform in [0.02, 0.2], 20 instances.
{
	const checkpoints = [1000, 10_000, 100_000];
	const { result, ms } = time(() => compareBandits(20, 100_000, checkpoints), { warmUp: false });
	report('channel.regret.100k', 20 * 100_000 * 2, ms, {
		thompson: Object.fromEntries(checkpoints.map((t) => [t, round(result.thompson[t], 1)])),
		epsilonGreedy: Object.fromEntries(checkpoints.map((t) => [t, round(result.epsilonGreedy[t], 1)])),
		thompsonGrowthExponent10kTo100k: round(regretGrowthExponent(result.thompson, 10_000, 100_000), 3),
		epsilonGreedyGrowthExponent10kTo100k: round(regretGrowthExponent(result.epsilonGreedy, 10_000, 100_000), 3),
		thompsonBelowEpsilonGreedy: result.thompson[100_000] < result.epsilonGreedy[100_000],
	});
}
