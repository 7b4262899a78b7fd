/**
 * Build Profile in lib on UCI Online Retail (541,909 lines) and on a 10x scale-up.
 * Reference point: pandas builds the BTYD summary of cleaned Online Retail in about 0.2 s on this machine.
 */
import type { LifecycleEvent } from '../../lib';
import { buildProfiles, summarizeTransactions } from '../../lib';
import { onlineRetailEvents } from '../support/onlineRetailEvents';

import { cleanOnlineRetail, readOnlineRetail } from '../support/sharedData';
import { peakMemoryMb, report, time } from './report';

const raw = readOnlineRetail();
const clean = cleanOnlineRetail(raw);

const transactions = clean.map((line) => ({ customerId: line.customerId, timestamp: line.invoiceDate, value: line.quantity * line.unitPrice }));
const summary = time(() => summarizeTransactions(transactions, { periodUnit: 'day' }), { repeats: 3 });
report('profile.summarizeTransactions.onlineRetail', transactions.length, summary.ms, {
	customers: summary.result.length,
	pandasReferenceMs: 200,
	note: 'timestamps parsed from strings inside the timing',
});

const mapped = time(() => onlineRetailEvents(raw), { repeats: 1 });
report('profile.mapRecords.onlineRetail.raw', raw.length, mapped.ms, { events: mapped.result.events.length, withoutIdentity: mapped.result.withoutIdentity });

const options = { refunds: 'ignore' as const, zeroValuePurchases: 'ignore' as const };
const full = time(() => buildProfiles(mapped.result.events, options), { repeats: 3 });
report('profile.buildProfiles.onlineRetail.raw', raw.length, full.ms, {
	events: mapped.result.events.length,
	profiles: full.result.profiles.length,
	buyers: full.result.profiles.filter((p) => p.orders > 0).length,
	skipped: full.result.summary.eventsSkipped,
	vsPandasSummary: Math.round((full.ms / 200) * 100) / 100,
});

const cleanEvents = onlineRetailEvents(clean).events;
const cleanFull = time(() => buildProfiles(cleanEvents), { repeats: 3 });
report('profile.buildProfiles.onlineRetail.clean', cleanEvents.length, cleanFull.ms, {
	profiles: cleanFull.result.profiles.length,
	revenue: Math.round(cleanFull.result.profiles.reduce((t, p) => t + (p.revenue ?? 0), 0) * 100) / 100,
});

// 10x: ten copies of every customer, shifted so they are distinct people with the same behaviour.
function scaleUp(events: LifecycleEvent[], factor: number): LifecycleEvent[] {
	const out: LifecycleEvent[] = [];
	for (let copy = 0; copy < factor; copy++) {
		for (const event of events) out.push({ ...event, customerId: `${event.customerId}-${copy}`, orderId: event.orderId && `${event.orderId}-${copy}`, sourceIndex: out.length });
	}
	return out;
}
for (const factor of [10]) {
	const scaled = scaleUp(mapped.result.events, factor);
	const result = time(() => buildProfiles(scaled, options), { repeats: 1, warmUp: false });
	report(`profile.buildProfiles.onlineRetail.x${factor}`, raw.length * factor, result.ms, {
		events: scaled.length,
		profiles: result.result.profiles.length,
		msPerMillionEvents: Math.round(result.ms / (scaled.length / 1e6)),
		rssMb: peakMemoryMb(),
	});
}
