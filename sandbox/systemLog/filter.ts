import type { LogEvent } from './events';

/**
 * The part of Okta's System Log filter language (SCIM-style, https://developer.okta.com/docs/api/#filter)
 * that session auditing needs: `eq`, `sw` and `co` on a few attributes, joined by `and` / `or`, grouped
 * in parentheses, with double-quoted strings that escape `"` and `\` with a backslash.
 */
export type EventPredicate = (event: LogEvent) => boolean;

export class FilterSyntaxError extends Error {}

const ATTRIBUTES: Record<string, (event: LogEvent) => Array<string | null>> = {
	eventType: (event) => [event.eventType],
	legacyEventType: (event) => [event.legacyEventType],
	uuid: (event) => [event.uuid],
	severity: (event) => [event.severity],
	'outcome.result': (event) => [event.outcome.result],
	'actor.id': (event) => [event.actor.id],
	'actor.alternateId': (event) => [event.actor.alternateId],
	'actor.type': (event) => [event.actor.type],
	'target.id': (event) => event.target.map((target) => target.id),
	'target.alternateId': (event) => event.target.map((target) => target.alternateId),
	'target.type': (event) => event.target.map((target) => target.type),
	'client.ipAddress': (event) => [event.client.ipAddress],
	'authenticationContext.externalSessionId': (event) => [
		event.authenticationContext.externalSessionId,
	],
};

const OPERATORS: Record<string, (actual: string, expected: string) => boolean> = {
	eq: (actual, expected) => actual === expected,
	sw: (actual, expected) => actual.startsWith(expected),
	co: (actual, expected) => actual.includes(expected),
};

type Token =
	{ kind: 'open' | 'close' } | { kind: 'word'; text: string } | { kind: 'string'; text: string };

export function parseFilter(source: string): EventPredicate {
	const parser = new Parser(tokenize(source));
	const predicate = parser.expression();
	parser.expectEnd();
	return predicate;
}

function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	let index = 0;
	while (index < source.length) {
		const char = source[index];
		if (/\s/.test(char)) {
			index++;
		} else if (char === '(' || char === ')') {
			tokens.push({ kind: char === '(' ? 'open' : 'close' });
			index++;
		} else if (char === '"') {
			const { text, end } = readString(source, index + 1);
			tokens.push({ kind: 'string', text });
			index = end;
		} else {
			const word = /^[A-Za-z0-9_.]+/.exec(source.slice(index));
			if (!word) throw new FilterSyntaxError(`Unexpected "${char}" at ${index}`);
			tokens.push({ kind: 'word', text: word[0] });
			index += word[0].length;
		}
	}
	return tokens;
}

function readString(source: string, start: number): { text: string; end: number } {
	let text = '';
	for (let index = start; index < source.length; index++) {
		const char = source[index];
		if (char === '"') return { text, end: index + 1 };
		if (char === '\\') {
			const escaped = source[index + 1];
			if (escaped !== '"' && escaped !== '\\') {
				throw new FilterSyntaxError(`Unsupported escape at ${index}`);
			}
			text += escaped;
			index++;
		} else {
			text += char;
		}
	}
	throw new FilterSyntaxError('Unterminated string');
}

class Parser {
	private position = 0;

	constructor(private readonly tokens: Token[]) {}

	expression(): EventPredicate {
		const alternatives = [this.conjunction()];
		while (this.acceptKeyword('or')) alternatives.push(this.conjunction());
		return (event) => alternatives.some((predicate) => predicate(event));
	}

	expectEnd(): void {
		if (this.position !== this.tokens.length)
			throw new FilterSyntaxError('Unexpected trailing input');
	}

	private conjunction(): EventPredicate {
		const parts = [this.primary()];
		while (this.acceptKeyword('and')) parts.push(this.primary());
		return (event) => parts.every((predicate) => predicate(event));
	}

	private primary(): EventPredicate {
		if (this.peek()?.kind === 'open') {
			this.position++;
			const inner = this.expression();
			if (this.next()?.kind !== 'close') throw new FilterSyntaxError('Missing ")"');
			return inner;
		}
		return this.comparison();
	}

	private comparison(): EventPredicate {
		const attribute = this.next();
		const operator = this.next();
		const value = this.next();
		if (attribute?.kind !== 'word' || !(attribute.text in ATTRIBUTES)) {
			throw new FilterSyntaxError('Unknown attribute');
		}
		if (operator?.kind !== 'word' || !(operator.text.toLowerCase() in OPERATORS)) {
			throw new FilterSyntaxError('Unknown operator');
		}
		if (value?.kind !== 'string') throw new FilterSyntaxError('Expected a quoted string');

		const read = ATTRIBUTES[attribute.text];
		const compare = OPERATORS[operator.text.toLowerCase()];
		return (event) => read(event).some((actual) => actual !== null && compare(actual, value.text));
	}

	private acceptKeyword(keyword: string): boolean {
		const token = this.peek();
		if (token?.kind === 'word' && token.text.toLowerCase() === keyword) {
			this.position++;
			return true;
		}
		return false;
	}

	private peek(): Token | undefined {
		return this.tokens[this.position];
	}

	private next(): Token | undefined {
		return this.tokens[this.position++];
	}
}
