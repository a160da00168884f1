import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

const MAX_ID_LENGTH = 256;

const EXAMPLES: Record<string, string> = {
	'Session ID': '"102aBcD3eFgH4iJkL5mNo6pQ", the "id" of a session',
	'User ID': '"00u1a2b3c4d5e6f7g8h9", the "id" of a user',
};

function problemWith(id: string): string | undefined {
	if (id === '') return 'is empty';
	if (id.length > MAX_ID_LENGTH) return `is longer than ${MAX_ID_LENGTH} characters`;
	if (/[^\x21-\x7e]/.test(id)) {
		return 'contains whitespace, control or non-ASCII characters';
	}
	// A dot-only segment would be collapsed by URL parsing and address another endpoint.
	if (/[/\\?#%]/.test(id) || id.includes('..') || /^\.+$/.test(id)) {
		return 'contains a character that cannot be part of an Okta ID (/ \\ ? # % or ..)';
	}
	return undefined;
}

/**
 * Okta IDs go into the URL path, so anything that could change the path (a slash, `..`, a query) is
 * refused before a request is made rather than sent to a different endpoint.
 */
export function requireOktaId(
	node: INode,
	value: unknown,
	parameterLabel: string,
	itemIndex: number,
): string {
	const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	const problem = problemWith(id);
	if (problem !== undefined) {
		throw new NodeOperationError(node, `The ${parameterLabel} ${problem}`, {
			itemIndex,
			description: `Check the ${parameterLabel} of item ${itemIndex}. An Okta ${parameterLabel} looks like ${EXAMPLES[parameterLabel] ?? 'an ID from an earlier step'}, usually mapped from an earlier step.`,
		});
	}
	return id;
}

export function pathSegment(id: string): string {
	return encodeURIComponent(id);
}
