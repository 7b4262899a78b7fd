'use strict';
// Markdown table of a node's parameters (name, meaning, default, example), generated from the node description
// so the docs pages list what the node really has. Used to write docs/nodes/*.md and by the docs test.
function showText(value) {
	if (value === '' || value === undefined || value === null) return '(empty)';
	if (typeof value === 'object') return Object.keys(value).length === 0 ? '(none)' : `\`${JSON.stringify(value)}\``;
	return `\`${String(value)}\``;
}

function cell(text) {
	return String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Display names of the parameters and option values that displayOptions refer to, so conditions read as the UI shows them. */
function labels(properties) {
	const byName = new Map();
	for (const property of properties) {
		const options = Array.isArray(property.options) ? new Map(property.options.filter((option) => 'value' in option).map((option) => [option.value, option.name])) : new Map();
		byName.set(property.name, { displayName: property.displayName, options });
	}
	return byName;
}

function shownWhen(property, known) {
	const show = property.displayOptions?.show;
	if (!show) return '';
	const parts = Object.entries(show)
		.filter(([key]) => !key.startsWith('@'))
		.map(([key, values]) => {
			const label = known.get(key);
			const names = values.map((value) => label?.options.get(value) ?? value);
			return `${label?.displayName ?? key} is ${names.join(' or ')}`;
		});
	return parts.length ? ` *(when ${parts.join(', ')})*` : '';
}

function defaultText(property) {
	if ((property.type === 'options' || property.type === 'multiOptions') && Array.isArray(property.options)) {
		const values = Array.isArray(property.default) ? property.default : [property.default];
		const names = values.map((value) => property.options.find((option) => option.value === value)?.name ?? value);
		return names.length ? names.join(', ') : '(none)';
	}
	return showText(property.default);
}

function exampleText(property) {
	if (property.placeholder && property.type !== 'collection' && property.type !== 'fixedCollection') return cell(property.placeholder);
	if ((property.type === 'options' || property.type === 'multiOptions') && Array.isArray(property.options)) return cell(property.options.map((option) => option.name).join(', '));
	return '';
}

/** Texts joined as sentences: ". " between them, a text's own final period not doubled. */
function sentences(texts) {
	return texts
		.filter(Boolean)
		.map((text, index, all) => (index < all.length - 1 ? text.replace(/\.$/, '') : text))
		.join('. ');
}

function meaning(property) {
	// The hint (the statistics behind a plain-words description) comes last, so the docs keep it.
	const own = property.description ?? '';
	const hint = property.hint ?? '';
	if ((property.type !== 'options' && property.type !== 'multiOptions') || !Array.isArray(property.options)) return sentences([own, hint]);
	const described = property.options.filter((option) => option.description).map((option) => `${option.name}: ${option.description}`);
	return sentences([own, ...described, hint]);
}

function rows(properties, prefix, out, known) {
	for (const property of properties) {
		if (property.type === 'notice') continue;
		const name = `${prefix}${property.displayName}`;
		out.push(`| **${cell(name)}** | ${cell(meaning(property))}${shownWhen(property, known)} | ${cell(defaultText(property))} | ${exampleText(property)} |`);
		if (property.type === 'collection') rows(property.options ?? [], `${name} > `, out, known);
		if (property.type === 'fixedCollection') for (const group of property.options ?? []) rows(group.values ?? [], `${name} > `, out, known);
	}
	return out;
}

/** The parameters table of a node description, as markdown lines. */
function parameterTable(description) {
	return ['| Parameter | What it means | Default | Choices or example |', '| --- | --- | --- | --- |', ...rows(description.properties, '', [], labels(description.properties))].join('\n');
}

/** Every parameter's display name as the table shows it (nested ones as "Parent > Child"). */
function parameterNames(properties, prefix = '') {
	return properties.flatMap((property) => {
		if (property.type === 'notice') return [];
		const name = `${prefix}${property.displayName}`;
		const nested = property.type === 'collection' ? parameterNames(property.options ?? [], `${name} > `) : property.type === 'fixedCollection' ? (property.options ?? []).flatMap((group) => parameterNames(group.values ?? [], `${name} > `)) : [];
		return [name, ...nested];
	});
}

module.exports = { parameterTable, parameterNames };
