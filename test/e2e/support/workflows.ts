import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from './n8n';

export const NODE_TYPE = 'n8n-nodes-okta-sessions.oktaSessions';

export interface WorkflowNode {
	name: string;
	type: string;
	disabled?: boolean;
	parameters?: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

export interface Workflow {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
}

export interface Example {
	file: string;
	workflow: Workflow;
}

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

export function readExamples(): Example[] {
	let files: string[];
	try {
		files = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.json'));
	} catch {
		return [];
	}
	return files.sort().map((file) => ({
		file,
		workflow: JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as Workflow,
	}));
}

export function oktaNodes(workflow: Workflow): WorkflowNode[] {
	return workflow.nodes.filter((node) => node.type === NODE_TYPE && !node.disabled);
}

interface PropertyDescription {
	name: string;
	default?: unknown;
	displayOptions?: { show?: Record<string, unknown[]> };
}

/**
 * n8n leaves parameters that equal their defaults out of saved workflows, so the resource and operation
 * a node runs are read together with the defaults of the node type as the running n8n describes it.
 */
export function resolveOperation(
	node: WorkflowNode,
	properties: PropertyDescription[],
): { resource: string; operation: string } {
	const parameters = node.parameters ?? {};
	const resource = String(
		parameters.resource ?? properties.find((property) => property.name === 'resource')?.default,
	);
	const operationProperty = properties.find(
		(property) =>
			property.name === 'operation' &&
			(property.displayOptions?.show?.resource ?? []).includes(resource),
	);
	return { resource, operation: String(parameters.operation ?? operationProperty?.default) };
}

interface RunData {
	[nodeName: string]: Array<{
		error?: { message?: string; description?: string };
		data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
	}>;
}

export interface ExecutionResult {
	status?: string;
	data: { resultData: { runData: RunData; error?: { message?: string } } };
}

/**
 * `n8n execute --rawOutput` prints the execution through n8n's logger as JSON indented by two spaces,
 * among other log lines: the execution is the block from a line `{` to the next line `}`.
 */
export function parseExecution(stdout: string): ExecutionResult {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	const end = lines.indexOf('}', start);
	if (start === -1 || end === -1) {
		throw new Error(`n8n printed no execution:\n${stdout}`);
	}
	return JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionResult;
}

/** The items a node put on its outputs, across all its runs. */
export function outputItems(execution: ExecutionResult, nodeName: string) {
	const runs = execution.data.resultData.runData[nodeName] ?? [];
	return runs.flatMap((run) => (run.data?.main ?? []).flatMap((items) => items ?? []));
}
