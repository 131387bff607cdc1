import { Worker } from "node:worker_threads";

/** What the app uses of PGlite; met by PGlite itself and by {@link EmbeddedDatabaseThread}. */
export interface EmbeddedDatabase {
  readonly closed: boolean;
  query<R>(sql: string, params?: unknown[], options?: { rowMode?: "object" | "array" }): Promise<{ rows: R[]; affectedRows?: number }>;
  exec(sql: string): Promise<Array<{ rows: unknown[]; affectedRows?: number }>>;
  dumpDataDir(compression?: "none" | "gzip" | "auto"): Promise<Blob>;
  close(): Promise<void>;
}

interface Reply {
  id: number;
  result?: unknown;
  error?: { message: string; fields: Record<string, unknown> };
}

/**
 * PGlite in a worker thread. PGlite runs PostgreSQL inside the process, so a
 * query that takes seconds would otherwise stop the event loop for seconds:
 * no /healthz, no cached page, no static file. Messages carry SQL, parameters
 * and plain rows (Dates and numbers survive structured cloning).
 */
export class EmbeddedDatabaseThread implements EmbeddedDatabase {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #closed = false;

  private constructor(worker: Worker) {
    this.#worker = worker;
    // Idle, the worker does not keep the process alive; a pending request does (see #send).
    worker.unref();
    worker.on("message", (reply: Reply) => this.#settle(reply));
    const fail = (error: Error) => {
      this.#closed = true;
      for (const { reject } of this.#pending.values()) reject(error);
      this.#pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the embedded database stopped (exit code ${code})`)));
  }

  static async open(dataDir: string, loadDataDir?: Blob): Promise<EmbeddedDatabaseThread> {
    const dump = loadDataDir ? await loadDataDir.arrayBuffer() : undefined;
    const worker = new Worker(workerFile(), { workerData: { dataDir, loadDataDir: dump }, transferList: dump ? [dump] : [] });
    const thread = new EmbeddedDatabaseThread(worker);
    try {
      await thread.#send("ready", []);
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    return thread;
  }

  get closed(): boolean {
    return this.#closed;
  }

  query<R>(sql: string, params: unknown[] = []): Promise<{ rows: R[]; affectedRows?: number }> {
    return this.#send("query", [sql, params]) as Promise<{ rows: R[]; affectedRows?: number }>;
  }

  exec(sql: string): Promise<Array<{ rows: unknown[]; affectedRows?: number }>> {
    return this.#send("exec", [sql]) as Promise<Array<{ rows: unknown[]; affectedRows?: number }>>;
  }

  async dumpDataDir(compression: "none" | "gzip" | "auto" = "none"): Promise<Blob> {
    return new Blob([(await this.#send("dump", [compression])) as ArrayBuffer]);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    try {
      await this.#send("close", []);
    } finally {
      this.#closed = true;
      await this.#worker.terminate();
    }
  }

  #send(op: string, args: unknown[]): Promise<unknown> {
    if (this.#closed) return Promise.reject(new Error("the embedded database is closed"));
    const id = ++this.#nextId;
    if (this.#pending.size === 0) this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, op, args });
    });
  }

  #settle(reply: Reply): void {
    const waiting = this.#pending.get(reply.id);
    if (!waiting) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if (reply.error) waiting.reject(Object.assign(new Error(reply.error.message), reply.error.fields));
    else waiting.resolve(reply.result);
  }
}

/** Next to this module in the source tree (db/) and next to the bundle in build/. */
function workerFile(): URL {
  return new URL("./pglite-worker.mjs", import.meta.url);
}
