import { CompiledQuery, type Kysely } from "kysely";
import PgBoss from "pg-boss";
import type { DatabaseHandle, DB } from "../../db/index";
import { deliverEmail, type EmailMessage } from "./email.server";
import type { Config } from "./env.server";

export const EMAIL_QUEUE = "email";

/** Anything that runs SQL for us: the database or an open transaction. */
type Executor = Kysely<DB>;

/** pg-boss talks to the database through Kysely, so its SQL joins our transactions and locks. */
function bossAdapter(db: Executor): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as unknown[] as never[] };
    },
  };
}

/**
 * On the embedded database pg-boss's own schema scripts hold several
 * statements, which PGlite runs only through `exec` (no parameters). The
 * connection lock is still taken, via Kysely's `connection()`.
 */
function embeddedBossAdapter(handle: DatabaseHandle): PgBoss.Db {
  const pglite = handle.pglite!;
  return {
    async executeSql(text, values) {
      return handle.db.connection().execute(async () => {
        if (values && values.length > 0) {
          const result = await pglite.query(text, values);
          return { rows: result.rows as never[] };
        }
        const results = await pglite.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as never[] };
      });
    },
  };
}

export interface JobQueue {
  /** Queues an email; pass the open transaction so it is sent only if the transaction commits. */
  sendEmail(db: Executor, message: EmailMessage): Promise<void>;
  /** Waits until every queued email has been handled (tests and CLI). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  config: Config;
  /** Run workers in this process (the web server does; CLI scripts do not). */
  work: boolean;
  pollingIntervalSeconds?: number;
}

export async function startJobQueue(handle: DatabaseHandle, options: JobQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    db: handle.kind === "embedded" ? embeddedBossAdapter(handle) : bossAdapter(handle.db),
    schema: "pgboss",
    supervise: options.work,
    schedule: false,
    migrate: true,
  });
  boss.on("error", (error) => console.warn(`job queue: ${error.message}`));
  await boss.start();
  await boss.createQueue(EMAIL_QUEUE, { name: EMAIL_QUEUE, retryLimit: 5, retryDelay: 30, retryBackoff: true });

  const deliver = async (job: PgBoss.Job<EmailMessage>) => {
    await deliverEmail(handle.db, options.config, job.data, job.id);
  };
  if (options.work) {
    await boss.work<EmailMessage>(
      EMAIL_QUEUE,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 5 },
      async (jobs) => {
        for (const job of jobs) await deliver(job);
      },
    );
  }

  return {
    async sendEmail(db, message) {
      await boss.send(EMAIL_QUEUE, message, { db: bossAdapter(db) });
    },
    async drain() {
      for (;;) {
        const jobs = await boss.fetch<EmailMessage>(EMAIL_QUEUE, { batchSize: 20 });
        if (!jobs || jobs.length === 0) return;
        for (const job of jobs) {
          try {
            await deliver(job);
            await boss.complete(EMAIL_QUEUE, job.id);
          } catch (error) {
            await boss.fail(EMAIL_QUEUE, job.id, { message: String(error) });
          }
        }
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
