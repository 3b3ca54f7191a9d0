// Offline schema → schema migration diff (the `prisma migrate diff --from-schema --to-schema
// --script` equivalent), using Prisma's WASM schema engine because the prisma CLI only ships
// a native engine it would have to download.
//
// Why PGlite: SchemaEngine.new() connects to its driver adapter eagerly (a stub adapter whose
// connect() throws makes construction fail), even though a datamodel-to-datamodel diff never
// reads the database. An in-memory PGlite satisfies it without depending on any server, and
// every call gets a fresh one so no state leaks between diffs.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';

type DiffTarget = Parameters<bg.SchemaEngine['diff']>[0]['from'];

// @types/node does not declare the WebAssembly global; this is the slice used here.
interface WasmGlobal {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const Wasm = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;

let wasmReady: Promise<void> | undefined;

// The package's own entry does `import * as wasm from "./schema_engine_bg.wasm"`, which Node
// (and tsx) cannot load as an ES module, so instantiate the glue + .wasm by hand, once.
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
    const { instance } = await Wasm.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

const datamodel = (content: string): DiffTarget => ({ tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content }] });

export async function diffSchemas(opts: { fromDatamodel: string | null; toDatamodel: string }): Promise<string> {
  await loadWasm();
  const db = new PGlite();
  let engine: bg.SchemaEngine | undefined;
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(db));
    // The log callback receives the engine's tracing JSON; it is noise for a diff.
    engine = await bg.SchemaEngine.new({ datamodels: [['schema.prisma', opts.toDatamodel]] }, () => {}, adapter);
    const result = await engine.diff({
      from: opts.fromDatamodel === null ? { tag: 'empty' } : datamodel(opts.fromDatamodel),
      to: datamodel(opts.toDatamodel),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? '';
  } finally {
    // free() releases the wasm-side engine (and its adapter handle); closing PGlite is what
    // lets the process exit.
    engine?.free();
    await db.close();
  }
}
