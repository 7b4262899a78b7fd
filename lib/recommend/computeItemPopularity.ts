/**
 * Popularity and trending per product from the customer x product matrix, both counted per customer (a
 * customer's many events on one product count once, at their strongest).
 *
 *   customers(p) = customers with p;       popularity(p) = sum over customers of value(c, p)
 *   trending(p)  = sum over customers of recent(c, p)   (strength decayed from asOf, only inside the window)
 *   trendingCustomers(p) = customers with an event on p inside the window
 *
 * Reference: Cremonesi, Koren & Turrin (2010), "Performance of recommender algorithms on top-N
 * recommendation tasks", RecSys (MostPopular as the baseline to beat), https://doi.org/10.1145/1864708.1864721
 *
 * Cost: O(entries + products).
 * @example computeItemPopularity(matrix).customers[0] // customers of product 0
 */
import type { CustomerItemMatrix } from './buildCustomerItemMatrix';

export interface ItemPopularity {
	customers: Int32Array;
	popularity: Float64Array;
	trending: Float64Array;
	trendingCustomers: Int32Array;
}

export function computeItemPopularity(matrix: CustomerItemMatrix): ItemPopularity {
	const customers = new Int32Array(matrix.products);
	const popularity = new Float64Array(matrix.products);
	const trending = new Float64Array(matrix.products);
	const trendingCustomers = new Int32Array(matrix.products);
	for (let j = 0; j < matrix.product.length; j++) {
		const p = matrix.product[j];
		customers[p]++;
		popularity[p] += matrix.value[j];
		if (matrix.recent[j] > 0) {
			trending[p] += matrix.recent[j];
			trendingCustomers[p]++;
		}
	}
	return { customers, popularity, trending, trendingCustomers };
}
