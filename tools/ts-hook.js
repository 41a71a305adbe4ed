'use strict';
// Lets plain `node` scripts (benchmarks, demo seeding) require our TypeScript sources, compiled in memory with
// @swc/core, which the repo already has for jest; no extra runner (tsx, ts-node) is needed.
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
