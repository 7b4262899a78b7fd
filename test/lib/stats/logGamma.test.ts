import { logGamma } from '../../../lib/stats/logGamma';

describe('logGamma', () => {
	it('matches ln((n-1)!) at integers', () => {
		let factorial = 1;
		for (let n = 1; n <= 30; n++) {
			expect(logGamma(n)).toBeCloseTo(Math.log(factorial), 10);
			factorial *= n;
		}
	});

	it('matches ln Γ(1/2) = ln √π and a large argument (Stirling regime)', () => {
		expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
		// ln Γ(1e8) from mpmath: 1742068066.10383...
		expect(logGamma(1e8) / 1742068066.1038346).toBeCloseTo(1, 14);
	});

	it('returns NaN at poles and for NaN', () => {
		expect(logGamma(0)).toBeNaN();
		expect(logGamma(-2)).toBeNaN();
		expect(logGamma(Number.NaN)).toBeNaN();
	});
});
