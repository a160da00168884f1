import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';
import type {
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

export const PACKAGE_ROOT = resolve(__dirname, '..', '..');

/**
 * Triggers of n8n-nodes-base that workflows in this package start with. n8n-nodes-base cannot be
 * loaded here, so the runner records their output itself and starts at their children.
 */
export const STAND_IN_TRIGGER_TYPES = [
	'n8n-nodes-base.manualTrigger',
	'n8n-nodes-base.scheduleTrigger',
] as const;

export function isStandInTrigger(type: string): boolean {
	return (STAND_IN_TRIGGER_TYPES as readonly string[]).includes(type);
}

function standInTrigger(type: string): INodeType {
	return {
		description: {
			displayName: `${type} (stand-in)`,
			name: type,
			group: ['trigger'],
			version: 1,
			description: 'Stands in for an n8n-nodes-base trigger; the runner supplies its output',
			defaults: { name: type },
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
	};
}

interface PackageManifest {
	name: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

export interface LoadedPackage {
	packageName: string;
	nodeTypes: Array<INodeType | IVersionedNodeType>;
	credentialTypes: ICredentialType[];
	/** Files listed in package.json's `n8n` section that are not built yet. */
	missingFiles: string[];
}

type Constructor = new () => unknown;

// Only classes: a built file may also export helper functions that must not be constructed.
function isClass(value: unknown): boolean {
	return typeof value === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(value));
}

function instancesExportedBy(file: string): unknown[] {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built files are CommonJS and found at run time
	const exported = require(file) as Record<string, unknown>;
	return Object.values(exported)
		.filter((value): value is Constructor => isClass(value))
		.map((Class) => new Class());
}

/** Loads the node and credential classes that package.json's `n8n` section points at in dist/. */
export function loadBuiltPackage(root = PACKAGE_ROOT): LoadedPackage {
	const manifest = JSON.parse(
		readFileSync(resolve(root, 'package.json'), 'utf8'),
	) as PackageManifest;
	const loaded: LoadedPackage = {
		packageName: manifest.name,
		nodeTypes: [],
		credentialTypes: [],
		missingFiles: [],
	};

	for (const relativePath of manifest.n8n?.nodes ?? []) {
		const file = resolve(root, relativePath);
		if (!existsSync(file)) loaded.missingFiles.push(relativePath);
		else loaded.nodeTypes.push(...(instancesExportedBy(file) as INodeType[]));
	}
	for (const relativePath of manifest.n8n?.credentials ?? []) {
		const file = resolve(root, relativePath);
		if (!existsSync(file)) loaded.missingFiles.push(relativePath);
		else loaded.credentialTypes.push(...(instancesExportedBy(file) as ICredentialType[]));
	}

	return loaded;
}

/** Where a node threw: the thrown object itself, before n8n copies it into plain run data. */
export type ThrownErrorSink = (nodeName: string, error: unknown) => void;

function recordingThrows(nodeType: INodeType, sink: ThrownErrorSink): INodeType {
	const execute = nodeType.execute;
	if (execute === undefined) return nodeType;

	const recording = Object.create(nodeType) as INodeType;
	recording.execute = async function (this: IExecuteFunctions) {
		try {
			return await execute.call(this);
		} catch (error) {
			sink(this.getNode().name, error);
			throw error;
		}
	};
	return recording;
}

/** The INodeTypes n8n's engine asks for node classes; one per run, so thrown errors stay apart. */
export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor(
		private readonly sink: ThrownErrorSink,
		private readonly missingFiles: string[] = [],
	) {
		for (const type of STAND_IN_TRIGGER_TYPES) this.types.set(type, standInTrigger(type));
	}

	/** Registers a node class under its own name and, when given, a package-qualified name too. */
	add(nodeType: INodeType | IVersionedNodeType, packageName?: string): void {
		const name = nodeType.description.name;
		this.types.set(name, nodeType);
		if (packageName !== undefined) this.types.set(`${packageName}.${name}`, nodeType);
	}

	has(type: string): boolean {
		return this.types.has(type);
	}

	getByName(type: string): INodeType | IVersionedNodeType {
		const nodeType = this.types.get(type);
		if (nodeType !== undefined) return nodeType;

		const hint =
			this.missingFiles.length > 0
				? ` These files of package.json's n8n section are not built: ${this.missingFiles.join(', ')} (run \`npm run build\`).`
				: '';
		throw new Error(
			`Node type "${type}" cannot run in-process; known: ${[...this.types.keys()].join(', ')}.${hint}`,
		);
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		const nodeType = NodeHelpers.getVersionedNodeType(this.getByName(type), version);
		return recordingThrows(nodeType, this.sink);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries([...this.types.keys()].map((name) => [name, {}]));
	}
}
