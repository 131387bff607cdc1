import type { ReactNode } from "react";
import { useTranslate } from "../../i18n/react";

/**
 * "Formatting help": what to type for what, behind a <details> so it opens
 * without JavaScript and without leaving the page (nothing typed is lost).
 * The results are drawn here with plain elements, not from user HTML; the
 * shortcuts line comes only with JavaScript (the shortcuts need it).
 */
export function MarkdownHelp({ shortcuts }: { shortcuts: string | null }) {
  const t = useTranslate();
  const rows: Array<{ name: string; typed: string; result: ReactNode }> = [
    { name: t("editor.tool.bold"), typed: `**${t("editor.help.boldWord")}**`, result: <strong>{t("editor.help.boldWord")}</strong> },
    { name: t("editor.tool.italic"), typed: `_${t("editor.help.italicWord")}_`, result: <em>{t("editor.help.italicWord")}</em> },
    {
      name: t("editor.tool.link"),
      typed: `[${t("editor.help.linkWord")}](https://goedwerk.nl)`,
      result: <span className="markdown-help__link">{t("editor.help.linkWord")}</span>,
    },
    { name: t("editor.tool.heading"), typed: `## ${t("editor.help.headingWord")}`, result: <strong className="markdown-help__heading">{t("editor.help.headingWord")}</strong> },
    {
      name: t("editor.tool.bullets"),
      typed: `- ${t("editor.help.itemWord")}\n- ${t("editor.help.itemWord")}`,
      result: (
        <ul>
          <li>{t("editor.help.itemWord")}</li>
          <li>{t("editor.help.itemWord")}</li>
        </ul>
      ),
    },
    {
      name: t("editor.tool.numbers"),
      typed: `1. ${t("editor.help.itemWord")}\n2. ${t("editor.help.itemWord")}`,
      result: (
        <ol>
          <li>{t("editor.help.itemWord")}</li>
          <li>{t("editor.help.itemWord")}</li>
        </ol>
      ),
    },
    { name: t("editor.tool.quote"), typed: `> ${t("editor.help.quoteWord")}`, result: <blockquote>{t("editor.help.quoteWord")}</blockquote> },
    { name: t("editor.tool.code"), typed: "`code`\n\n```\ncode\n```", result: <code>code</code> },
    {
      name: t("editor.help.table"),
      typed: "| a | b |\n|---|---|\n| 1 | 2 |",
      result: (
        <table className="markdown-help__table">
          <thead>
            <tr>
              <th>a</th>
              <th>b</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>1</td>
              <td>2</td>
            </tr>
          </tbody>
        </table>
      ),
    },
    { name: t("editor.help.mention"), typed: `@${t("editor.help.mentionWord")}`, result: <strong className="mention">@{t("editor.help.mentionWord")}</strong> },
    {
      name: t("editor.help.paragraph"),
      typed: `${t("editor.help.paragraphFirst")}\n\n${t("editor.help.paragraphSecond")}`,
      result: (
        <>
          <p>{t("editor.help.paragraphFirst")}</p>
          <p>{t("editor.help.paragraphSecond")}</p>
        </>
      ),
    },
  ];
  return (
    <details className="markdown-help">
      <summary>{t("editor.help.summary")}</summary>
      <div className="markdown-help__scroll">
        <table className="markdown-help__rows">
          <thead>
            <tr>
              <th scope="col">{t("editor.help.what")}</th>
              <th scope="col">{t("editor.help.typed")}</th>
              <th scope="col">{t("editor.help.result")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                <td>
                  <pre className="markdown-help__typed">{row.typed}</pre>
                </td>
                <td className="user-content markdown-help__result">{row.result}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shortcuts ? <p className="markdown-help__shortcuts">{shortcuts}</p> : null}
    </details>
  );
}
