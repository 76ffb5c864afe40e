#!/usr/bin/env node
'use strict';
/**
 * The command line's entry: loads lib/infosak.js, the bundle `npm run build:cli` makes, with V8's
 * code cache beside it (lib/infosak.js.cache), so that a start compiles almost nothing (issue 14).
 * Without a cache, or with one V8 rejects (another Node version), the bundle is compiled as usual
 * and the cache is written when the command exits; a folder that cannot be written means no cache.
 * With --debug the bundle is required plainly, so stack traces map to src/ through its source map.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const BUNDLE = path.join(__dirname, '..', 'lib', 'infosak.js');
const CACHE = `${BUNDLE}.cache`;
const argv = process.argv.slice(2);

/** Writes the cache through a temporary file, so a command running beside this one never reads half of it. */
function writeCache(script) {
  const temporary = `${CACHE}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, script.createCachedData());
    fs.renameSync(temporary, CACHE);
  } catch {
    try {
      fs.unlinkSync(temporary);
    } catch {
      // nothing was written
    }
  }
}

/** What require(BUNDLE) does, with the code cache. */
function loadCached() {
  const source = fs.readFileSync(BUNDLE, 'utf8');
  let cachedData;
  try {
    cachedData = fs.readFileSync(CACHE);
  } catch {
    // no cache yet
  }
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  bundle.paths = Module._nodeModulePaths(path.dirname(BUNDLE));
  script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(BUNDLE), bundle, BUNDLE, path.dirname(BUNDLE));
  bundle.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected || process.env.INFOSAK_CODE_CACHE === 'write') {
    // At exit, the cache holds every function this command compiled, not only the top level.
    process.once('exit', () => writeCache(script));
  }
  return bundle.exports;
}

let cli;
if (argv.includes('--debug')) {
  process.setSourceMapsEnabled(true);
  cli = require(BUNDLE);
} else {
  cli = loadCached();
}
cli.main(argv);
