import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Okta's published OpenAPI subset lives beside the repository (`../shared/okta/`), never inside it.
 * It is Okta's text under Apache-2.0; the tests read it where it lies.
 */
export const SPEC_PATH = resolve(__dirname, '../../../shared/okta/management-sessions-subset.yaml');
export const specIsAvailable = existsSync(SPEC_PATH);

/**
 * Where Okta's real answers depart from its own schema, the sandbox follows Okta. Each departure is
 * named here, with the evidence, and the schema is widened for that property alone.
 */
export const KNOWN_DEPARTURES: Array<{
	schema: string;
	property: string;
	/** Where the sandbox shows the departure, for the test that keeps this list honest. */
	shownBy: { operationId: string; path: string[] };
	why: string;
}> = [
	{
		schema: 'Session',
		property: 'lastFactorVerification',
		shownBy: { operationId: 'getSession', path: ['lastFactorVerification'] },
		why: 'Okta answers null when no second factor was verified; the schema does not mark it nullable.',
	},
	...[
		['LogActor', 'detailEntry', ['*', 'actor', 'detailEntry']],
		['LogTarget', 'detailEntry', ['*', 'target', '*', 'detailEntry']],
		['LogClient', 'zone', ['*', 'client', 'zone']],
		['LogClient', 'id', ['*', 'client', 'id']],
		[
			'LogAuthenticationContext',
			'authenticationProvider',
			['*', 'authenticationContext', 'authenticationProvider'],
		],
		[
			'LogAuthenticationContext',
			'credentialProvider',
			['*', 'authenticationContext', 'credentialProvider'],
		],
		[
			'LogAuthenticationContext',
			'credentialType',
			['*', 'authenticationContext', 'credentialType'],
		],
		['LogAuthenticationContext', 'issuer', ['*', 'authenticationContext', 'issuer']],
		['LogAuthenticationContext', 'interface', ['*', 'authenticationContext', 'interface']],
		['LogOutcome', 'reason', ['*', 'outcome', 'reason']],
		['LogIpAddress', 'source', ['*', 'request', 'ipChain', '*', 'source']],
	].map(([schema, property, path]) => ({
		schema: schema as string,
		property: property as string,
		shownBy: { operationId: 'listLogEvents', path: path as string[] },
		why: "Okta sends null for absent values, as the spec's own ListLogs example shows.",
	})),
	{
		schema: 'LogEvent',
		property: 'legacyEventType',
		shownBy: { operationId: 'listLogEvents', path: ['*', 'legacyEventType'] },
		why: 'Okta sends null for event types without a legacy equivalent, such as user.session.clear.',
	},
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the spec is untyped YAML, walked by pointer
type Json = any;

interface Operation {
	operationId: string;
	responses: Record<string, Json>;
}

export class OktaSpec {
	private readonly document: Json;
	private readonly ajv: Ajv;

	constructor(widened = true) {
		this.document = parse(readFileSync(SPEC_PATH, 'utf8'));
		if (widened) widenForDepartures(this.document);

		// Unknown keywords (`x-okta-*`, `example`) and formats ("ISO 8601 compliant timestamp") are
		// ignored; `nullable` is understood natively.
		this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
		addFormats(this.ajv);
		this.ajv.addSchema({ ...this.document, $id: 'okta' });
	}

	operation(operationId: string): Operation {
		for (const pathItem of Object.values<Json>(this.document.paths)) {
			for (const candidate of Object.values<Json>(pathItem)) {
				if (candidate?.operationId === operationId) return candidate as Operation;
			}
		}
		throw new Error(`The spec has no operation ${operationId}`);
	}

	documentedStatuses(operationId: string): string[] {
		return Object.keys(this.operation(operationId).responses);
	}

	/** The JSON body validator for a status, or undefined when the spec describes no body. */
	bodyValidator(operationId: string, status: number): ValidateFunction | undefined {
		const pointer = this.bodySchemaPointer(operationId, status);
		if (!pointer) return undefined;
		const validate = this.ajv.getSchema(`okta#${pointer}`);
		if (!validate) throw new Error(`Could not compile the schema at ${pointer}`);
		return validate;
	}

	private bodySchemaPointer(operationId: string, status: number): string | undefined {
		let response = this.operation(operationId).responses[String(status)];
		let pointer = this.pointerOf(operationId, String(status));
		if (response?.$ref) {
			pointer = (response.$ref as string).slice(1);
			response = this.resolve(pointer);
		}
		if (!response?.content?.['application/json']?.schema) return undefined;
		return `${pointer}/content/application~1json/schema`;
	}

	private pointerOf(operationId: string, status: string): string {
		for (const [path, pathItem] of Object.entries<Json>(this.document.paths)) {
			for (const [method, candidate] of Object.entries<Json>(pathItem)) {
				if (candidate?.operationId === operationId) {
					return ['/paths', escape(path), method, 'responses', status].join('/');
				}
			}
		}
		throw new Error(`The spec has no operation ${operationId}`);
	}

	private resolve(pointer: string): Json {
		return pointer
			.split('/')
			.slice(1)
			.reduce((node, segment) => node?.[unescape(segment)], this.document);
	}
}

function widenForDepartures(document: Json): void {
	for (const { schema, property } of KNOWN_DEPARTURES) {
		const properties = document.components.schemas[schema]?.properties;
		if (!properties?.[property]) throw new Error(`The spec has no ${schema}.${property}`);
		properties[property] = { anyOf: [properties[property], { type: 'null' }] };
	}
}

function escape(segment: string): string {
	return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescape(segment: string): string {
	return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Every value at a path, where `*` stands for each element of an array. */
export function valuesAt(value: Json, path: string[]): Json[] {
	if (path.length === 0) return [value];
	const [head, ...rest] = path;
	if (head === '*')
		return Array.isArray(value) ? value.flatMap((item) => valuesAt(item, rest)) : [];
	return value && typeof value === 'object' && head in value ? valuesAt(value[head], rest) : [];
}
