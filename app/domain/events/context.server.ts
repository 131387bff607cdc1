import type { AppLoadContext } from "@remix-run/node";
import type { Locale } from "../../i18n/index";
import type { EventContext } from "./commands.server";

export function eventContext(request: Request, context: AppLoadContext, locale: Locale): EventContext {
  return { jobs: context.jobs, origin: context.origin, locale };
}

export function eventIdFrom(param: string | undefined): number | null {
  return param && /^[1-9][0-9]{0,15}$/.test(param) ? Number(param) : null;
}
