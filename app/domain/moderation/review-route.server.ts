import { redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { formFailure, readForm, respondToFailure } from "../../lib/http.server";
import { decideEventReports, decideReports, decisionSchema, eventDecisionSchema } from "./reports.server";
import { eventContext } from "../events/context.server";
import { requestLocale } from "../../i18n/request.server";

/** The decision form of a review queue (circle or site): parse, decide, back to the queue. */
export async function handleDecision(request: Request, context: AppLoadContext, back: string) {
  const values = await readForm(request);
  let result;
  let targetId: number;
  if (values.eventId) {
    const parsed = eventDecisionSchema.safeParse(values);
    if (!parsed.success) return formFailure(values, { status: 400, formError: "error.badRequest.text" });
    targetId = parsed.data.eventId;
    result = await decideEventReports(context.db, eventContext(request, context, requestLocale(request, context.actor)), context.guardian, parsed.data);
  } else {
    const parsed = decisionSchema.safeParse(values);
    if (!parsed.success) return formFailure(values, { status: 400, formError: "error.badRequest.text" });
    targetId = parsed.data.postId;
    result = await decideReports(context.db, context.guardian, parsed.data);
  }
  if (!result.ok) {
    return respondToFailure(request, values, result, { postId: targetId });
  }
  throw redirect(`${back}?decided=1`);
}
