import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from './n8n';

export const PACKAGE_NAME = 'n8n-nodes-okta-sessions';

/** Builds the package and packs it exactly as `npm publish` would; returns the tarball's path. */
export function buildAndPack(destination: string): string {
	execFileSync('npm', ['run', '--silent', 'build'], {
		cwd: REPO_ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	return pack(destination);
}

/** Packs what dist/ holds now. */
export function pack(destination: string): string {
	mkdirSync(destination, { recursive: true });
	const output = execFileSync(
		'npm',
		['pack', '--json', '--silent', '--pack-destination', destination],
		{ cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const [packed] = JSON.parse(output) as Array<{ filename: string }>;
	return join(destination, packed.filename);
}

/** Where n8n keeps an installed community package inside a user folder. */
export function communityPackageDir(userFolder: string): string {
	return join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
}

/**
 * Installs the tarball the way n8n's own community-package installer does: unpack it into
 * `.n8n/nodes/node_modules/<name>`, drop its dev, peer and optional dependencies, install the rest
 * without scripts, and record it in `.n8n/nodes/package.json`.
 */
export function installCommunityPackage(userFolder: string, tarball: string): string {
	const packageDir = communityPackageDir(userFolder);
	rmSync(packageDir, { recursive: true, force: true });
	mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);

	const manifestPath = join(packageDir, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
	for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies']) {
		delete manifest[field];
	}
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	execFileSync(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
			'--loglevel=error',
		],
		{ cwd: packageDir, stdio: ['ignore', 'ignore', 'inherit'] },
	);

	writeFileSync(
		join(userFolder, '.n8n', 'nodes', 'package.json'),
		JSON.stringify(
			{
				name: 'installed-nodes',
				private: true,
				dependencies: { [PACKAGE_NAME]: manifest.version },
			},
			null,
			2,
		),
	);
	return packageDir;
}
