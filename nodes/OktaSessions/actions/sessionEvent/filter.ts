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

/** The `rel="next"` target of a Link header, whatever order Okta lists its links in. */
export function nextLink(header: string | undefined): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(/,(?=\s*<)/)) {
		const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
		if (match && /(^|;)\s*rel="?next"?\s*(;|$)/i.test(match[2])) return match[1];
	}
	return undefined;
}
