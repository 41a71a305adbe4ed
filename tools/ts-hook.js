'use strict';
// Lets plain `node` scripts (benchmarks, demo seeding, the access table) require our TypeScript sources, compiled in
// memory with @swc/core, which the repo already has for jest; no extra runner (tsx, ts-node) is needed. Decorators
// and the `@enforcement/*` paths of tsconfig.json work as they do under jest, so Nest modules can be loaded too.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const LIBS = path.join(__dirname, '..', 'libs');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  const alias = /^@enforcement\/(domain|workdays|platform|redaction)(\/.*)?$/.exec(request);
  if (alias) {
    const target = alias[2] ? path.join(LIBS, alias[1], 'src', alias[2]) : path.join(LIBS, alias[1], 'src/index.ts');
    return resolveFilename.call(this, fs.existsSync(`${target}.ts`) ? `${target}.ts` : target, ...rest);
  }
  return resolveFilename.call(this, request, ...rest);
};

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
