import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from "kysely";

const WRITE_NODES = new Set(["InsertQueryNode", "UpdateQueryNode", "DeleteQueryNode", "MergeQueryNode"]);
const WRITE_WORD = /\b(insert|update|delete|merge)\b/i;

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
  if (WRITE_NODES.has(node.kind)) return true;
  // sql`…` templates (including writes inside a CTE): look at their text.
  if (node.kind === "RawNode") return WRITE_WORD.test(node.sqlFragments.join(" "));
  return false;
}
