import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { FailureMessage } from "../components/failure-message";
import { Field, FormMessage } from "../components/form-fields";
import { signUp } from "../domain/accounts/commands.server";
import { signUpSchema } from "../domain/accounts/schema";
import { translator } from "../i18n/index";
import { useTranslate } from "../i18n/react";
import { requestLocale } from "../i18n/request.server";
import { formFailure, parseForm, readForm, type FormFailure } from "../lib/http.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (context.guardian.member) throw redirect("/");
  return { locale: requestLocale(request, context.actor) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "nl");
  return [{ title: `${t("signup.title")} · ${t("site.name")}` }];
};

export { formRouteHeaders as headers } from "../lib/route-headers";

export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readForm(request);
  const { data, failure } = parseForm(signUpSchema, values);
  if (failure) return failure;
  const locale = requestLocale(request, context.actor);
  const result = await signUp(context.db, context.jobs, data, {
    links: { origin: context.origin, locale },
    clientIp: context.clientIp,
  });
  if (!result.ok) return formFailure(values, result);
  // No session yet, and the same answer for an address that already has an account: check your mail.
  return { ok: true as const, email: data.email };
}

export default function SignUp() {
  const t = useTranslate();
  const result = useActionData<typeof action>() as FormFailure | { ok: true; email: string } | undefined;
  const failure = result && !result.ok ? result : undefined;
  const busy = useNavigation().state === "submitting";
  const errors = failure?.fieldErrors ?? {};
  if (result?.ok) {
    return (
      <div className="narrow">
        <h1>{t("signup.sentTitle")}</h1>
        <FormMessage kind="success">{t("signup.sent", { email: result.email })}</FormMessage>
        <p>{t("signup.sentNext")}</p>
        <p>
          <Link to="/login">{t("login.title")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("signup.title")}</h1>
      <p>{t("signup.intro")}</p>
      <FailureMessage failure={failure} />
      <Form method="post" noValidate>
        <Field name="email" type="email" label={t("field.email")} autoComplete="email" required defaultValue={failure?.values.email} error={errors.email} />
        <Field
          name="username"
          label={t("field.username")}
          hint={t("field.username.hint")}
          autoComplete="username"
          required
          minLength={3}
          maxLength={30}
          defaultValue={failure?.values.username}
          error={errors.username}
        />
        <Field name="displayName" label={t("field.displayName")} autoComplete="name" required maxLength={80} defaultValue={failure?.values.displayName} error={errors.displayName} />
        <Field
          name="password"
          type="password"
          label={t("field.password")}
          hint={t("field.password.hint")}
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={256}
          error={errors.password}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("signup.submit")}
        </button>
      </Form>
      <p>
        {t("signup.haveAccount")} <Link to="/login">{t("login.title")}</Link>
      </p>
    </div>
  );
}
