// Validates Kubernetes manifests against the Kubernetes OpenAPI schemas that `kubernetes-models`
// is generated from (each class validates with ajv): a typo in a field name or a wrong type fails
// here rather than at `kubectl apply`. ESM because kubernetes-models is ESM-only.
//
//   node tools/scripts/validate-k8s.mjs [files…]    (default: docker/k8s/*.yaml)
// Prints one JSON line per document: {file, kind, name, ok, error?}; exits 1 if any is invalid.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const groups = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'batch/v1': 'kubernetes-models/batch/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'autoscaling/v2': 'kubernetes-models/autoscaling/v2',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const k8s = path.join(root, 'docker/k8s');
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : fs
        .readdirSync(k8s)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => path.join(k8s, f));

let failed = 0;
for (const file of files) {
  for (const document of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
    const doc = document.toJSON();
    if (!doc) continue;
    const result = {
      file: path.relative(root, file),
      kind: doc.kind,
      name: doc.metadata?.name,
      ok: true,
    };
    try {
      if (document.errors.length) throw new Error(document.errors[0].message);
      const module = groups[doc.apiVersion];
      if (!module) throw new Error(`no schema for apiVersion ${doc.apiVersion}`);
      const Model = (await import(module))[doc.kind];
      if (typeof Model !== 'function')
        throw new Error(`unknown kind ${doc.kind} in ${doc.apiVersion}`);
      new Model(doc).validate();
    } catch (error) {
      Object.assign(result, { ok: false, error: String(error.message ?? error).slice(0, 500) });
      failed += 1;
    }
    console.log(JSON.stringify(result));
  }
}
process.exit(failed ? 1 : 0);
