// The embedded database (PGlite, PostgreSQL compiled to WebAssembly) runs in
// this worker thread, so a slow query occupies this thread and never the one
// that answers HTTP requests. Plain JavaScript: it is loaded as is by the
// tests (from db/) and by the built server (copied next to build/server.js).
import { Blob } from "node:buffer";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

// count(*) and bigint columns come back as numbers (as on PostgreSQL through pg).
const INT8 = 20;

const { dataDir, loadDataDir } = workerData;
const opening = PGlite.create(dataDir, {
  parsers: { [INT8]: (value) => Number(value) },
  ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}),
});
// Reported with the first request instead of crashing the worker.
opening.catch(() => undefined);

const plain = (result) => ({ rows: result.rows, affectedRows: result.affectedRows });

async function run(pglite, op, args) {
  switch (op) {
    case "ready":
      return null;
    case "query":
      return plain(await pglite.query(args[0], args[1], { rowMode: "object" }));
    case "exec":
      return (await pglite.exec(args[0])).map(plain);
    case "dump":
      return await (await pglite.dumpDataDir(args[0])).arrayBuffer();
    case "close":
      if (!pglite.closed) await pglite.close();
      return null;
    default:
      throw new Error(`unknown operation ${op}`);
  }
}

parentPort.on("message", async ({ id, op, args }) => {
  try {
    const result = await run(await opening, op, args);
    parentPort.postMessage({ id, result });
  } catch (error) {
    // PostgreSQL's error fields (code 23505 and so on) are what callers look at.
    const fields = {};
    for (const key of ["code", "detail", "hint", "constraint", "table", "column", "schema", "severity", "position", "where"]) {
      if (error && error[key] !== undefined) fields[key] = error[key];
    }
    parentPort.postMessage({ id, error: { message: error?.message ?? String(error), fields } });
  }
});
