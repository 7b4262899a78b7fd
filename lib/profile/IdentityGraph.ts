/**
 * Identity stitching: a union-find over identity keys (customer id, email, anonymous id, phone).
 * Every event links the identities it carries; a link that would put two different known
 * customer ids into one person is refused and counted, so two real customers are never merged.
 *
 * Reference: Tarjan (1975), "Efficiency of a good but not linear set union algorithm", JACM 22(2).
 * Cost: O(n α(n)) for n identity keys (path halving, union by size).
 *
 * @example
 * const graph = new IdentityGraph();
 * graph.link(['c:42', 'e:ana@example.com']); graph.link(['e:ana@example.com', 'a:cookie-1']);
 * graph.find('a:cookie-1') === graph.find('c:42') // true
 */
export type IdentityKind = 'customerId' | 'email' | 'anonymousId' | 'phone';

const KIND_PREFIX: Record<IdentityKind, string> = { customerId: 'c:', email: 'e:', anonymousId: 'a:', phone: 'p:' };

export function identityKey(kind: IdentityKind, value: string): string {
	return KIND_PREFIX[kind] + value;
}

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

export function normalizePhone(phone: string): string {
	const trimmed = phone.trim();
	return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
}

export class IdentityGraph {
	private readonly index = new Map<string, number>();
	private readonly keys: string[] = [];
	private parent: Int32Array = new Int32Array(1024);
	private size: Int32Array = new Int32Array(1024);
	/** Known customer id of each root's set, or undefined. */
	private readonly customerIdOfRoot: Array<string | undefined> = [];
	conflicts = 0;

	get keyCount(): number {
		return this.keys.length;
	}

	keyAt(node: number): string {
		return this.keys[node];
	}

	/** Node number of a key, adding it when new. */
	add(key: string): number {
		let node = this.index.get(key);
		if (node !== undefined) return node;
		node = this.keys.length;
		if (node === this.parent.length) {
			const parent = new Int32Array(node * 2);
			parent.set(this.parent);
			this.parent = parent;
			const size = new Int32Array(node * 2);
			size.set(this.size);
			this.size = size;
		}
		this.index.set(key, node);
		this.keys.push(key);
		this.parent[node] = node;
		this.size[node] = 1;
		this.customerIdOfRoot[node] = key.startsWith('c:') ? key.slice(2) : undefined;
		return node;
	}

	findNode(node: number): number {
		const parent = this.parent;
		while (parent[node] !== node) {
			parent[node] = parent[parent[node]];
			node = parent[node];
		}
		return node;
	}

	find(key: string): number | undefined {
		const node = this.index.get(key);
		return node === undefined ? undefined : this.findNode(node);
	}

	/** Known customer id of the person a node belongs to. */
	customerIdOf(node: number): string | undefined {
		return this.customerIdOfRoot[this.findNode(node)];
	}

	/**
	 * Link the keys of one event. Returns false when a link was refused because it would merge two
	 * different known customer ids (the other links of the event still apply).
	 */
	link(keys: string[]): boolean {
		if (keys.length === 0) return true;
		// Anchor on the key that carries a customer id, so a conflicting email stays with its first owner.
		let anchor = this.add(keys[0]);
		let refused = false;
		for (let i = 1; i < keys.length; i++) {
			const other = this.add(keys[i]);
			if (!this.union(anchor, other)) refused = true;
			anchor = this.findNode(anchor);
		}
		if (refused) this.conflicts++;
		return !refused;
	}

	private union(a: number, b: number): boolean {
		let rootA = this.findNode(a);
		let rootB = this.findNode(b);
		if (rootA === rootB) return true;
		const idA = this.customerIdOfRoot[rootA];
		const idB = this.customerIdOfRoot[rootB];
		if (idA !== undefined && idB !== undefined && idA !== idB) return false;
		if (this.size[rootA] < this.size[rootB]) [rootA, rootB] = [rootB, rootA];
		this.parent[rootB] = rootA;
		this.size[rootA] += this.size[rootB];
		this.customerIdOfRoot[rootA] = idA ?? idB;
		return true;
	}
}
