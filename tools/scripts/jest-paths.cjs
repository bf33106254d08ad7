// Turns tsconfig.base.json's path aliases into jest's moduleNameMapper (one source of truth).
const path = require('node:path');
const { compilerOptions } = require('../../tsconfig.base.json');

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

exports.pathsToModuleNameMapper = function pathsToModuleNameMapper() {
  const root = path.resolve(__dirname, '../..');
  const mapper = {};
  for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
    mapper[`^${escape(alias)}$`] = path.join(root, target);
  }
  return mapper;
};
