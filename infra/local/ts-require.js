// Lets plain node run a TypeScript module of libs/ before anything is compiled (the local stack's one-off set-up steps
// run before `npm run build`): each .ts file is transpiled on require, without type checks (lint and tsc do those).
// Development only: the image runs the compiled dist/ files.
'use strict';
const fs = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
};

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
