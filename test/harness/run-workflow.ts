import { randomUUID } from 'crypto';
import { ExecutionLifecycleHooks, ExternalSecretsProxy, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IConnections,
	IDataObject,
	IExecuteData,
	INode,
	INodeExecutionData,
	INodeType,
	IPinData,
	IRun,
	ITaskData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
} from 'n8n-workflow';
import { NodeConnectionTypes, Workflow, createRunExecutionData } from 'n8n-workflow';

import { CredentialStore, CredentialTypeRegistry, HarnessCredentialsHelper } from './credentials';
import { HarnessNodeTypes, isStandInTrigger, loadBuiltPackage } from './node-types';

/** A workflow as n8n exports it; only what the engine reads. */
export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
}

export interface RunWorkflowOptions {
	/** The trigger's output: one item per object. Default: one empty item, like Manual Trigger. */
	inputItems?: IDataObject[];
	/**
	 * Saved credential data by credential type name (or by the credential id a node refers to).
	 * Pass a CredentialStore to share fetched tokens between runs and count pre-authentications.
	 */
	credentials?: Record<string, ICredentialDataDecryptedObject> | CredentialStore;
	/** More node classes, registered under `description.name` (e.g. throwaway nodes in tests). */
	nodeTypes?: Array<INodeType | IVersionedNodeType>;
	/** More credential classes. */
	credentialTypes?: ICredentialType[];
	/** Load the package's own classes from dist/ (default true). */
	loadPackage?: boolean;
	/** Name of the trigger to start from when a workflow has several. */
	trigger?: string;
	/**
	 * Start at this node instead, with the input items as its input: nodes before it are left
	 * out (and need not be loadable), like steps an app has already done itself.
	 */
	startAt?: string;
	/** Leave out every node after this one, such as n8n-nodes-base nodes that cannot load here. */
	stopAfter?: string;
}

export interface NodeRun {
	/** Items per output index: 0 is main; with `onError: continueErrorOutput` the last is the error output. */
	outputs: INodeExecutionData[][];
	/** What the node threw, as thrown (class, httpCode, description intact), also when continued. */
	error?: Error;
	status: ITaskData['executionStatus'];
}

export interface WorkflowRunResult {
	/** Every node that ran, by name: its first run. */
	nodes: Record<string, NodeRun>;
	/** Every run of every node, by name, in order. */
	runs: Record<string, NodeRun[]>;
	/** Why the run failed: the error the failing node threw, as thrown. Undefined on success. */
	error?: Error;
	failedNode?: string;
	/** Node names in the order they ran, the stand-in trigger first (unless `startAt` was given). */
	executionOrder: string[];
	credentials: CredentialStore;
	/** The engine's own result, for anything not surfaced above. */
	run: IRun;
	/** Items a node sent to an output (main by default). Throws if the node did not run. */
	outputOf(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** `json` of each item of outputOf. */
	jsonOf(nodeName: string, outputIndex?: number): IDataObject[];
	/** Items on a node's error output (`onError: continueErrorOutput`); [] for other nodes. */
	errorOutputOf(nodeName: string): INodeExecutionData[];
}

const EXECUTION_MODE = 'manual';

type Resolve = <T>(token: new (...args: never[]) => T) => T;

/**
 * n8n-core creates its SSH tunnel pool for every node it runs, and the pool's minute-long
 * clean-up interval would keep a test process or the demo alive after the last run.
 */
function releaseSshCleanUpTimer(): void {
	/* eslint-disable @typescript-eslint/no-require-imports -- neither is exported by n8n-core's index */
	const { Container } = require('@n8n/di') as { Container: { get: Resolve } };
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager') as {
		SSHClientsManager: new () => { cleanupTimer?: NodeJS.Timeout };
	};
	/* eslint-enable @typescript-eslint/no-require-imports */
	Container.get(SSHClientsManager).cleanupTimer?.unref();
}

function findTrigger(workflow: WorkflowJson, name?: string): INode {
	const triggers = workflow.nodes.filter((node) => isStandInTrigger(node.type) && !node.disabled);
	const trigger = name === undefined ? triggers[0] : triggers.find((node) => node.name === name);
	if (trigger === undefined) {
		const wanted = name === undefined ? 'a Manual or Schedule Trigger' : `trigger "${name}"`;
		throw new Error(`The workflow has no ${wanted} to start from`);
	}
	return trigger;
}

function toItems(inputItems: IDataObject[] | undefined): INodeExecutionData[] {
	return (inputItems ?? [{}]).map((json) => ({ json: structuredClone(json) }));
}

/** The trigger's run as n8n would have recorded it, so `$('Manual Trigger')` resolves. */
function triggerTask(items: INodeExecutionData[]): ITaskData {
	return {
		startTime: Date.now(),
		executionIndex: 0,
		executionTime: 0,
		executionStatus: 'success',
		source: [],
		data: { [NodeConnectionTypes.Main]: [items] },
	};
}

function mainTargetsOf(workflow: WorkflowJson, nodeName: string): string[] {
	const outputs = workflow.connections[nodeName]?.[NodeConnectionTypes.Main] ?? [];
	return outputs.flatMap((connections) => (connections ?? []).map(({ node }) => node));
}

function reachable(from: string, next: (nodeName: string) => string[]): Set<string> {
	const seen = new Set([from]);
	for (const nodeName of seen) for (const target of next(nodeName)) seen.add(target);
	return seen;
}

/** The part of a workflow that runs from `start` and ends at `stopAfter`, when given. */
function sliceOf(workflow: WorkflowJson, start: string, stopAfter?: string): WorkflowJson {
	for (const name of [start, stopAfter]) {
		if (name !== undefined && !workflow.nodes.some((node) => node.name === name)) {
			throw new Error(`The workflow has no node "${name}"`);
		}
	}

	let kept = reachable(start, (nodeName) => mainTargetsOf(workflow, nodeName));
	if (stopAfter !== undefined) {
		const sourcesOf = (nodeName: string) =>
			workflow.nodes
				.filter((node) => mainTargetsOf(workflow, node.name).includes(nodeName))
				.map((node) => node.name);
		const before = reachable(stopAfter, sourcesOf);
		kept = new Set([...kept].filter((nodeName) => before.has(nodeName)));
	}

	const connections: IConnections = {};
	for (const [source, byType] of Object.entries(workflow.connections)) {
		if (!kept.has(source)) continue;
		const main = (byType[NodeConnectionTypes.Main] ?? []).map((targets) =>
			(targets ?? []).filter(({ node }) => kept.has(node)),
		);
		connections[source] = { [NodeConnectionTypes.Main]: main };
	}
	return {
		...workflow,
		nodes: workflow.nodes.filter((node) => kept.has(node.name)),
		connections,
	};
}

function childrenOf(
	workflow: Workflow,
	trigger: INode,
	items: INodeExecutionData[],
): IExecuteData[] {
	const connections = workflow.connectionsBySourceNode[trigger.name]?.[NodeConnectionTypes.Main];
	return (connections?.[0] ?? []).map((connection) => {
		const input: Array<INodeExecutionData[] | null> = [];
		input[connection.index] = items.map((item) => ({ json: structuredClone(item.json) }));
		for (let i = 0; i < connection.index; i++) input[i] ??= null;

		return {
			node: workflow.getNode(connection.node) as INode,
			data: { [NodeConnectionTypes.Main]: input },
			source: {
				[NodeConnectionTypes.Main]: [
					{ previousNode: trigger.name, previousNodeOutput: 0, previousNodeRun: 0 },
				],
			},
		};
	});
}

/** A node started on its own, as n8n starts the first node of a partial run. */
function startingAt(node: INode, items: INodeExecutionData[]): IExecuteData {
	return { node, data: { [NodeConnectionTypes.Main]: [items] }, source: null };
}

function additionalDataFor(
	credentialsHelper: HarnessCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
	executionId: string,
): IWorkflowExecuteAdditionalData {
	const unsupported = (what: string) => async () => {
		throw new Error(`${what} is not available in the in-process runner`);
	};
	return {
		credentialsHelper,
		hooks,
		executionId,
		externalSecretsProxy: new ExternalSecretsProxy(),
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		executeWorkflow: unsupported('Running a sub-workflow'),
		getRunExecutionData: async () => undefined,
		startRunnerTask: unsupported('The Code node task runner'),
		logAiEvent: () => {},
	} as IWorkflowExecuteAdditionalData;
}

/** Gives every node the credentials it can use and that were given, as a saved workflow would. */
function withCredentialReferences(
	nodes: INode[],
	nodeTypes: HarnessNodeTypes,
	store: CredentialStore,
): INode[] {
	return nodes.map((node) => {
		if (!nodeTypes.has(node.type)) return node;
		const declared = nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description
			.credentials;
		const references = { ...node.credentials };
		for (const { name } of declared ?? []) {
			if (references[name] === undefined && store.has(name)) {
				references[name] = { id: name, name };
			}
		}
		return { ...node, credentials: references };
	});
}

function nodeRunOf(task: ITaskData, thrown: unknown): NodeRun {
	const outputs = (task.data?.[NodeConnectionTypes.Main] ?? []).map((items) => items ?? []);
	const error = thrown ?? task.error;
	return { outputs, error: error as Error | undefined, status: task.executionStatus };
}

/**
 * Runs an exported workflow in-process through n8n-core's WorkflowExecute, starting at the
 * trigger's children with the given items, as if the trigger had emitted them.
 */
export async function runWorkflow(
	exported: WorkflowJson,
	options: RunWorkflowOptions = {},
): Promise<WorkflowRunResult> {
	const thrown = new Map<string, unknown[]>();
	const sink = (nodeName: string, error: unknown) =>
		thrown.set(nodeName, [...(thrown.get(nodeName) ?? []), error]);

	const loaded =
		options.loadPackage === false
			? { packageName: '', nodeTypes: [], credentialTypes: [], missingFiles: [] }
			: loadBuiltPackage();
	const nodeTypes = new HarnessNodeTypes(sink, loaded.missingFiles);
	for (const type of loaded.nodeTypes) nodeTypes.add(type, loaded.packageName);
	for (const type of options.nodeTypes ?? []) nodeTypes.add(type);

	const credentialTypes = new CredentialTypeRegistry();
	for (const type of [...loaded.credentialTypes, ...(options.credentialTypes ?? [])]) {
		credentialTypes.add(type);
	}
	const store =
		options.credentials instanceof CredentialStore
			? options.credentials
			: new CredentialStore(options.credentials);
	const credentialsHelper = new HarnessCredentialsHelper(credentialTypes, store);

	const trigger =
		options.startAt === undefined ? findTrigger(exported, options.trigger) : undefined;
	const startName = trigger?.name ?? (options.startAt as string);
	const workflowJson = sliceOf(exported, startName, options.stopAfter);

	const workflow = new Workflow({
		id: 'harness',
		name: workflowJson.name ?? 'harness',
		nodes: withCredentialReferences(workflowJson.nodes, nodeTypes, store),
		connections: workflowJson.connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1', ...workflowJson.settings },
		pinData: workflowJson.pinData,
	});

	const items = toItems(options.inputItems);
	const runExecutionData = createRunExecutionData({
		startData: {},
		resultData: { runData: trigger ? { [trigger.name]: [triggerTask(items)] } : {} },
		executionData: {
			nodeExecutionStack: trigger
				? childrenOf(workflow, trigger, items)
				: [startingAt(workflow.getNode(startName) as INode, items)],
		},
	});

	const executionId = randomUUID();
	const executionOrder = trigger ? [trigger.name] : [];
	const workflowData = {
		id: workflow.id,
		name: workflow.name,
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		active: false,
	} as unknown as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks(EXECUTION_MODE, executionId, workflowData);
	hooks.addHandler('nodeExecuteBefore', (nodeName) => {
		executionOrder.push(nodeName);
	});

	const engine = new WorkflowExecute(
		additionalDataFor(credentialsHelper, hooks, executionId),
		EXECUTION_MODE,
		runExecutionData,
	);
	const run = await engine.processRunExecutionData(workflow);
	releaseSshCleanUpTimer();

	return resultOf(run, workflow, thrown, executionOrder, store);
}

function resultOf(
	run: IRun,
	workflow: Workflow,
	thrown: Map<string, unknown[]>,
	executionOrder: string[],
	store: CredentialStore,
): WorkflowRunResult {
	const runs: Record<string, NodeRun[]> = {};
	for (const [nodeName, tasks] of Object.entries(run.data.resultData.runData)) {
		runs[nodeName] = tasks.map((task, index) => nodeRunOf(task, thrown.get(nodeName)?.[index]));
	}
	const nodes = Object.fromEntries(
		Object.entries(runs).map(([nodeName, nodeRuns]) => [nodeName, nodeRuns[0]]),
	);

	const runError = run.data.resultData.error;
	const failedNode = runError === undefined ? undefined : run.data.resultData.lastNodeExecuted;
	const thrownByFailedNode = failedNode === undefined ? undefined : thrown.get(failedNode)?.at(-1);
	const error = (runError === undefined ? undefined : (thrownByFailedNode ?? runError)) as
		Error | undefined;

	const outputOf = (nodeName: string, outputIndex = 0): INodeExecutionData[] => {
		const nodeRun = nodes[nodeName];
		if (nodeRun === undefined) {
			const known = workflow.getNode(nodeName) !== null;
			throw new Error(
				known
					? `Node "${nodeName}" did not run (ran: ${executionOrder.join(', ')})${error ? `; the run failed: ${error.message}` : ''}`
					: `The workflow has no node "${nodeName}"`,
			);
		}
		return nodeRun.outputs[outputIndex] ?? [];
	};

	return {
		nodes,
		runs,
		error,
		failedNode,
		executionOrder,
		credentials: store,
		run,
		outputOf,
		jsonOf: (nodeName, outputIndex) => outputOf(nodeName, outputIndex).map((item) => item.json),
		errorOutputOf: (nodeName) => {
			if (workflow.getNode(nodeName)?.onError !== 'continueErrorOutput') return [];
			const outputs = nodes[nodeName]?.outputs ?? [];
			return outputs.length > 1 ? outputs[outputs.length - 1] : [];
		},
	};
}
