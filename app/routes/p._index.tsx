import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PrincipleList } from "../components/principle-list";
import { listPrinciples } from "../domain/principles/queries.server";
import { translator } from "../i18n/index";
import { requestLocale } from "../i18n/request.server";
import { useTranslate } from "../i18n/react";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = requestLocale(request, context.actor);
  return { locale, principles: await listPrinciples(context.db, locale) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [
    { title: `${t("principles.title")} · ${t("site.name")}` },
    { name: "description", content: t("principles.intro") },
  ];
};

export default function Principles() {
  const { principles } = useLoaderData<typeof loader>();
  const t = useTranslate();
  return (
    <div>
      <h1>{t("principles.title")}</h1>
      <p className="lead">{t("principles.intro")}</p>
      <PrincipleList principles={principles} headingLevel={2} />
    </div>
  );
}
