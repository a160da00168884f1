/** Quotes a value for Okta's filter expressions, where `"` and `\` are escaped with a backslash. */
export function quote(value: string): string {
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Okta's System Log filter for the chosen event types and, optionally, one user who may appear as the
 * actor (they signed in) or as the target (an admin ended their sessions), by ID or by login.
 */
export function buildFilter(eventTypes: string[], user?: string): string {
	const types = eventTypes.map((type) => `eventType eq ${quote(type)}`).join(' or ');
	if (!user) return `(${types})`;

	const who = quote(user);
	const people = [
		`actor.id eq ${who}`,
		`target.id eq ${who}`,
		`actor.alternateId eq ${who}`,
		`target.alternateId eq ${who}`,
	].join(' or ');
	return `(${types}) and (${people})`;
}

/**
 * The `rel="next"` target of a Link header (RFC 8288): link values in any order, parameters with
 * optional spaces around `=`, and `rel` holding one or more space-separated relation types.
 */
export function nextLink(header: string | undefined): string | undefined {
	if (!header) return undefined;
	const linkValue = /<([^>]*)>((?:\s*;\s*[^;,=\s]+\s*(?:=\s*(?:"[^"]*"|[^;,\s]*))?)*)/g;
	for (const [, target, parameters] of header.matchAll(linkValue)) {
		const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]*))/i.exec(parameters);
		const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
		if (relations.includes('next')) return target;
	}
	return undefined;
}
