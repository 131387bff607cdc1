import { AliasNode, TableNode, type KyselyPlugin, type OperationNode, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from "kysely";

const WRITE_WORD = /\b(insert|update|delete|merge)\b/i;
const WRITE_TARGET = /\b(?:insert\s+into|update|delete\s+from|merge\s+into)\s+("?[\w.]+"?(?:\."?\w+"?)?)/gi;
/**
 * Tables no visitor's page ever shows: bookkeeping of sign-ins, limits,
 * tokens, mail, reading and unsent drafts. A write to them alone (a password-reset request,
 * a failed sign-in, a read mark) leaves the visitors' cache as it is.
 */
const UNSEEN_BY_VISITORS = new Set([
  "sessions", "account_tokens", "rate_limits", "dev_mailbox", "thread_reads", "calendar_feeds", "event_reminders_sent",
  "notifications", "email_preferences", "digest_runs", "app_secrets", "drafts",
  // A file becomes visible only with its post, whose write empties the cache itself.
  "attachments",
]);

/**
 * Notes on a request's state whether it ran a write that succeeded, so that
 * only requests that changed something empty the visitors' page cache (a
 * refused POST, a preview or a failed sign-in leave it alone). The HTTP layer
 * also requires a successful answer, which a rolled-back transaction does not
 * give.
 */
export class WriteTracker implements KyselyPlugin {
  private readonly writes = new WeakSet<object>();

  constructor(private readonly state: { wrote: boolean }) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (isWrite(args.node)) this.writes.add(args.queryId);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.writes.has(args.queryId)) this.state.wrote = true;
    return args.result;
  }
}

function isWrite(node: RootOperationNode): boolean {
  switch (node.kind) {
    case "InsertQueryNode":
    case "MergeQueryNode":
      return writesSeenTable([node.into]);
    case "UpdateQueryNode":
      return writesSeenTable([node.table]);
    case "DeleteQueryNode":
      return writesSeenTable(node.from.froms);
    case "RawNode": {
      // sql`…` templates (including writes inside a CTE): the tables named after insert into / update / delete from.
      // The job queue's own tables (pgboss.*) are unseen; a write whose table cannot be read counts as seen.
      const text = node.sqlFragments.join(" ");
      if (!WRITE_WORD.test(text)) return false;
      const targets = [...text.matchAll(WRITE_TARGET)]
        .map((match) => match[1]!.replaceAll('"', "").toLowerCase())
        .filter((table) => table !== "set"); // `on conflict … do update set`
      if (targets.length === 0) return true;
      return targets.some((table) => !table.startsWith("pgboss.") && !UNSEEN_BY_VISITORS.has(table));
    }
    default:
      return false;
  }
}

/** Whether any written table may show on a visitor's page (unknown shapes count as seen). */
function writesSeenTable(targets: ReadonlyArray<OperationNode | undefined>): boolean {
  return targets.some((target) => {
    const table = target && AliasNode.is(target) ? target.node : target;
    if (!table || !TableNode.is(table)) return true;
    return !UNSEEN_BY_VISITORS.has(table.table.identifier.name);
  });
}
