import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

import { buildAndPackCopy, type PackedPackage } from './support/tarball';

/** The release of n8n's community-package scanner whose rules the package is held to. */
const SCANNER_VERSION = '0.32.0';

/**
 * The scanner pins TypeScript 7 and its own copy of n8n's lint plugin, and one of its dependencies has an
 * install script that only allows pnpm, so it lives in a cache folder of its own, installed without scripts.
 */
function ensureScanner(): string {
	const cacheRoot =
		process.env.N8N_E2E_CACHE ??
		join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-okta-sessions');
	const dir = join(cacheRoot, `scan-community-package-${SCANNER_VERSION}`);
	const entry = join(
		dir,
		'node_modules',
		'@n8n',
		'scan-community-package',
		'scanner',
		'scanner.mjs',
	);
	if (!existsSync(join(dir, '.complete'))) {
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'package.json'), '{ "name": "scanner", "private": true }\n');
		execFileSync(
			'npm',
			[
				'install',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
				'--ignore-scripts',
				`@n8n/scan-community-package@${SCANNER_VERSION}`,
			],
			{ cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] },
		);
		writeFileSync(join(dir, '.complete'), '');
	}
	return entry;
}

interface ScanResult {
	folder: string;
	passed: boolean;
	message?: string;
	details?: string;
}

describe("n8n's community-package scan", () => {
	let packed: PackedPackage;
	let results: ScanResult[];

	beforeAll(() => {
		const scanner = ensureScanner();
		packed = buildAndPackCopy();
		// The same two legs as the scanner's own run: the attested sources (node and credential sources
		// and package.json) and the compiled files in the published tarball.
		const output = execFileSync(
			process.execPath,
			[
				join(__dirname, 'support', 'run-scan.mjs'),
				scanner,
				packed.stagingDir,
				'package.json,{nodes,credentials}/**/*.{js,ts,json}',
				packed.unpackedDir,
				'**/*.js,package.json',
			],
			{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
		);
		results = JSON.parse(output) as ScanResult[];
	}, 300_000);

	afterAll(() => {
		if (packed) rmSync(dirname(packed.stagingDir), { recursive: true, force: true });
	});

	it('passes on the node and credential sources and package.json', () => {
		const [sources] = results;
		expect({ passed: sources.passed, details: sources.details ?? sources.message }).toEqual({
			passed: true,
			details: undefined,
		});
	});

	it('passes on the compiled files of the published tarball', () => {
		const [, tarball] = results;
		expect({ passed: tarball.passed, details: tarball.details ?? tarball.message }).toEqual({
			passed: true,
			details: undefined,
		});
	});
});
