import { json, redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { throwForMissingOrSignedOut } from "../../auth/guards.server";
import { formFailure, readForm, typedValues } from "../../lib/http.server";
import { decideReports, decisionSchema } from "./reports.server";

/** The decision form of a review queue (circle or site): parse, decide, back to the queue. */
export async function handleDecision(request: Request, context: AppLoadContext, back: string) {
  const values = await readForm(request);
  const parsed = decisionSchema.safeParse(values);
  if (!parsed.success) return formFailure(values, { status: 400, formError: "error.badRequest.text" });
  const result = await decideReports(context.db, context.actor, parsed.data);
  throwForMissingOrSignedOut(result, request);
  if (!result.ok) {
    return json(
      { ok: false as const, values: typedValues(values), fieldErrors: result.fieldErrors ?? {}, formError: result.formError, postId: parsed.data.postId },
      { status: result.status },
    );
  }
  throw redirect(`${back}?decided=1`);
}
