import fs from 'node:fs';
import path from 'node:path';

/**
 * The part of Prisma's DMMF ("data model meta format") that the drift check reads. It is what
 * `getDMMF` from `@prisma/internals` returns as `datamodel`.
 */
export interface DmmfDatamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  schema: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
}

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: DmmfDefault;
  nativeType?: [string, string[]] | null;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

/** A literal (`@default(0)`, `@default("UTC")`, an enum value, a list) or a function call. */
export type DmmfDefault =
  string | number | boolean | DmmfDefault[] | { name: string; args: (string | number)[] };

export interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
}

export interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  isDefinedOnField: boolean;
  name?: string;
  dbName?: string;
  algorithm?: string;
  fields: { name: string; sortOrder?: 'asc' | 'desc'; length?: number; operatorClass?: string }[];
}

export const PRISMA_SCHEMA_PATH = path.resolve(__dirname, '../../../../prisma/schema.prisma');

/**
 * Parses a Prisma schema into its DMMF.
 *
 * `@prisma/internals` (whose `getDMMF` is the documented way) is not a dependency of this
 * workspace, and the generated client of Prisma 7 keeps only a trimmed data model (no defaults,
 * native types or indexes). The Prisma CLI (`prisma`, a dev dependency) ships the very
 * WebAssembly module that `getDMMF` calls, `prisma_schema_build_bg.wasm`; this drives its
 * `get_dmmf` export directly. It imports four small host functions, provided below as
 * wasm-bindgen's glue (in the CLI bundle) provides them.
 */
export function getDmmf(schemaText: string): DmmfDatamodel {
  const wasm = schemaWasm();
  const input = new TextEncoder().encode(
    JSON.stringify({ prismaSchema: schemaText, noColor: true }),
  );
  const ptr = wasm.__wbindgen_malloc(input.length, 1) >>> 0;
  new Uint8Array(wasm.memory.buffer, ptr, input.length).set(input);
  // Multi-value return: [result pointer, result length, error reference, is error].
  const [outPtr, outLen, errorRef, isError] = wasm.get_dmmf(ptr, input.length);
  if (isError) {
    const error = wasm.__wbindgen_externrefs.get(errorRef) as Error;
    wasm.__externref_table_dealloc(errorRef);
    throw new Error(`The Prisma schema is not valid: ${describeWasmError(error)}`);
  }
  try {
    const json = readString(wasm, outPtr, outLen);
    return (JSON.parse(json) as { datamodel: DmmfDatamodel }).datamodel;
  } finally {
    wasm.__wbindgen_free(outPtr, outLen, 1);
  }
}

export function getDmmfFromFile(schemaPath = PRISMA_SCHEMA_PATH): DmmfDatamodel {
  return getDmmf(fs.readFileSync(schemaPath, 'utf8'));
}

/** The few WebAssembly APIs used here (the workspace's `lib` has no WebAssembly typings). */
interface WasmTable {
  get(index: number): unknown;
  set(index: number, value: unknown): void;
  grow(delta: number): number;
}
interface WasmApi {
  Module: {
    new (bytes: Uint8Array): object;
    imports(module: object): { module: string; name: string; kind: string }[];
  };
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const WebAssembly = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface SchemaWasmExports {
  memory: { buffer: ArrayBuffer };
  __wbindgen_externrefs: WasmTable;
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_free(ptr: number, size: number, align: number): void;
  __externref_table_dealloc(index: number): void;
  __wbindgen_start(): void;
  get_dmmf(ptr: number, len: number): [number, number, number, number];
}

let instance: SchemaWasmExports | undefined;

function schemaWasm(): SchemaWasmExports {
  if (instance) return instance;
  const file = path.join(
    path.dirname(require.resolve('prisma/package.json')),
    'build',
    'prisma_schema_build_bg.wasm',
  );
  const module = new WebAssembly.Module(fs.readFileSync(file));
  // The host functions need the instance's exports, which exist only once it is instantiated.
  const late: { exports?: SchemaWasmExports } = {};
  const text = (ptr: number, len: number) =>
    readString(late.exports as SchemaWasmExports, ptr, len);
  // wasm-bindgen suffixes import names with a hash of their signature; match them by prefix.
  const host: Record<string, (...args: number[]) => unknown> = {};
  for (const { module: from, name } of WebAssembly.Module.imports(module)) {
    if (from !== '__wbindgen_placeholder__') throw unsupported(name);
    if (name.startsWith('__wbg_Error_')) host[name] = (ptr, len) => new Error(text(ptr, len));
    else if (name.startsWith('__wbg___wbindgen_throw_'))
      host[name] = (ptr, len) => {
        throw new Error(text(ptr, len));
      };
    else if (name.startsWith('__wbg_set_message_'))
      // Records a Rust panic message for Prisma's panic reporting; the panic itself surfaces
      // as a WebAssembly trap.
      host[name] = () => undefined;
    else if (name === '__wbindgen_init_externref_table')
      host[name] = () => {
        const table = (late.exports as SchemaWasmExports).__wbindgen_externrefs;
        const offset = table.grow(4);
        table.set(0, undefined);
        table.set(offset + 0, undefined);
        table.set(offset + 1, null);
        table.set(offset + 2, true);
        table.set(offset + 3, false);
      };
    else throw unsupported(name);
  }
  const exports = new WebAssembly.Instance(module, { __wbindgen_placeholder__: host })
    .exports as unknown as SchemaWasmExports;
  late.exports = exports;
  exports.__wbindgen_start();
  instance = exports;
  return exports;
}

function readString(wasm: SchemaWasmExports, ptr: number, len: number): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(
    new Uint8Array(wasm.memory.buffer, ptr >>> 0, len),
  );
}

function unsupported(name: string): Error {
  return new Error(
    `prisma_schema_build_bg.wasm of this Prisma CLI needs the host function ${name}, which the ` +
      'drift check does not provide: update libs/db/src/schema-drift/prisma-dmmf.ts.',
  );
}

function describeWasmError(error: Error): string {
  try {
    const parsed = JSON.parse(error.message) as { message?: string };
    return parsed.message ?? error.message;
  } catch {
    return error.message;
  }
}
