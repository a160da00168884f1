import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** Folders that never belong in a build: outputs, dependencies and local state. */
const NOT_COPIED = new Set(['node_modules', 'dist', '.git', '.dev', '.e2e', 'coverage']);

export interface PackedPackage {
	/** A copy of the repository that was built and packed, so that dist/ in the checkout stays untouched. */
	stagingDir: string;
	tarball: string;
	/** The tarball unpacked as npm and n8n unpack it (its `package/` prefix removed). */
	unpackedDir: string;
	/** Every path inside the tarball, without the `package/` prefix. */
	entries: string[];
}

/**
 * Runs `npm run build` and `npm pack` in a copy of the repository. Other tests load the classes in the
 * checkout's dist/, so rebuilding there while they run could hand them half-written files.
 */
export function buildAndPackCopy(): PackedPackage {
	const root = mkdtempSync(join(tmpdir(), 'okta-sessions-pack-'));
	const stagingDir = join(root, 'repo');
	mkdirSync(stagingDir);
	for (const entry of readdirSync(REPO_ROOT)) {
		if (NOT_COPIED.has(entry) || entry.endsWith('.tgz')) continue;
		cpSync(join(REPO_ROOT, entry), join(stagingDir, entry), { recursive: true });
	}
	symlinkSync(join(REPO_ROOT, 'node_modules'), join(stagingDir, 'node_modules'));

	execFileSync('npm', ['run', '--silent', 'build'], { cwd: stagingDir, stdio: 'pipe' });
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--silent', '--pack-destination', root], {
			cwd: stagingDir,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	) as Array<{ filename: string }>;
	const tarball = join(root, packed[0].filename);

	const unpackedDir = join(root, 'unpacked');
	mkdirSync(unpackedDir);
	execFileSync('tar', ['-xzf', tarball, '-C', unpackedDir, '--strip-components=1']);
	const entries = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
		.split('\n')
		.filter(Boolean)
		.map((entry) => entry.replace(/^package\//, ''));

	return { stagingDir, tarball, unpackedDir, entries };
}
