const { src, dest } = require('gulp');

// tsc emits only JavaScript; icons and codex files have to be copied beside it.
function buildIcons() {
	return src(['icons/**/*.svg'], { encoding: false }).pipe(dest('dist/icons'));
}

function buildCodex() {
	return src(['nodes/**/*.node.json']).pipe(dest('dist/nodes'));
}

exports['build:icons'] = require('gulp').parallel(buildIcons, buildCodex);
