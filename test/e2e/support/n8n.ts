import { execFileSync, spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** The n8n release the end-to-end tests and the dev editor run; install-n8n.sh caches one folder per version. */
export const N8N_VERSION = process.env.N8N_VERSION ?? '2.40.7';

export interface N8nRuntime {
	version: string;
	/** Node >= 22.16, as n8n 2.x requires; the machine's own Node may be older. */
	nodeBinary: string;
	n8nEntry: string;
}

/** Installs n8n into the cache on first use (several minutes), then only reads the cached folder. */
export function ensureN8n(): N8nRuntime {
	const dir = execFileSync('bash', [join(REPO_ROOT, 'scripts', 'install-n8n.sh')], {
		env: { ...process.env, N8N_VERSION },
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
	}).trim();
	const nodeBinary = join(dir, 'node_modules', '.bin', 'node');
	const n8nEntry = join(dir, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n');
	if (!existsSync(nodeBinary) || !existsSync(n8nEntry)) {
		throw new Error(`The n8n install in ${dir} is incomplete; delete the folder and run again.`);
	}
	const { version } = JSON.parse(
		readFileSync(join(dir, 'n8n', 'node_modules', 'n8n', 'package.json'), 'utf8'),
	) as { version: string };
	return { version, nodeBinary, n8nEntry };
}

export async function freePort(): Promise<number> {
	return await new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => {
				if (address && typeof address === 'object') resolvePort(address.port);
				else reject(new Error('No port was assigned'));
			});
		});
	});
}

/**
 * The environment of an n8n that keeps to itself: no telemetry, version checks or template fetches,
 * SQLite in the user folder, and ports of its own so that several instances can run side by side.
 */
export async function isolatedEnv(userFolder: string, encryptionKey: string) {
	return {
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKey,
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		// Off by default in 2.x; when on, its default ranges block loopback, where the sandbox listens.
		N8N_SSRF_PROTECTION_ENABLED: 'false',
		// The task broker's default port would clash between instances; only Code nodes need it.
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_LOG_LEVEL: 'warn',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
	};
}

export interface CommandResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export class N8nCli {
	private constructor(
		readonly runtime: N8nRuntime,
		readonly userFolder: string,
		readonly env: Record<string, string>,
	) {}

	/** A fresh random encryption key suits a throw-away user folder; a persistent one needs a fixed key. */
	static async create(
		runtime: N8nRuntime,
		userFolder: string,
		{ encryptionKey, env }: { encryptionKey?: string; env?: Record<string, string> } = {},
	): Promise<N8nCli> {
		const base = await isolatedEnv(userFolder, encryptionKey ?? randomBytes(24).toString('hex'));
		return new N8nCli(runtime, userFolder, { ...base, ...env });
	}

	/** Starts a long-running n8n command, such as `start`. */
	spawn(args: string[], stdio: StdioOptions = 'inherit'): ChildProcess {
		return spawn(this.runtime.nodeBinary, [this.runtime.n8nEntry, ...args], {
			cwd: this.userFolder,
			env: { ...minimalParentEnv(), ...this.env },
			stdio,
		});
	}

	/**
	 * Runs one n8n command. Asynchronous on purpose: the sandbox it talks to runs in this process and
	 * has to keep answering while n8n waits for it.
	 */
	async run(
		args: string[],
		{ timeoutMs = 120_000, env = {} }: { timeoutMs?: number; env?: Record<string, string> } = {},
	): Promise<CommandResult> {
		return await new Promise((resolveRun, reject) => {
			const child = spawn(this.runtime.nodeBinary, [this.runtime.n8nEntry, ...args], {
				cwd: this.userFolder,
				env: { ...minimalParentEnv(), ...this.env, ...env },
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			child.once('error', reject);
			child.once('close', (code) => {
				clearTimeout(timer);
				resolveRun({ code, stdout, stderr });
			});
		});
	}

	/** Like `run`, but a non-zero exit is an error that carries everything n8n printed. */
	async mustRun(args: string[], options?: Parameters<N8nCli['run']>[1]): Promise<CommandResult> {
		const result = await this.run(args, options);
		if (result.code !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} exited with ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
			);
		}
		return result;
	}
}

/**
 * n8n reads many N8N_* and DB_* variables, which must not leak in from the caller's shell, and behaves
 * as in its own unit tests when it sees Jest's NODE_ENV=test (some commands then do nothing).
 */
function minimalParentEnv(): Record<string, string> {
	const kept: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value === undefined) continue;
		if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|GENERIC_|NODES_|JEST_)|^NODE_ENV$/.test(key)) continue;
		kept[key] = value;
	}
	return kept;
}

export interface NodeTypeDescription {
	name: string;
	properties: Array<{
		name: string;
		default?: unknown;
		displayOptions?: { show?: Record<string, unknown[]> };
	}>;
}

/**
 * The Okta Sessions node as n8n loaded it from the community-package folder, or undefined. n8n skips a
 * whole package when any file its `n8n` section names fails to load, so this also covers the credentials.
 */
export async function loadedNodeType(n8n: N8nCli): Promise<NodeTypeDescription | undefined> {
	const file = join(n8n.userFolder, 'nodes.json');
	await n8n.mustRun(['export:nodes', `--output=${file}`]);
	const types = JSON.parse(readFileSync(file, 'utf8')) as NodeTypeDescription[];
	rmSync(file);
	return types.find((type) => type.name === 'n8n-nodes-okta-sessions.oktaSessions');
}
