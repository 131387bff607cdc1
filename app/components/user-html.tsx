/**
 * The only place user content is inserted as HTML. `html` must come from
 * renderMarkdown (sanitised at write time).
 */
export function UserHtml({ html, className }: { html: string; className?: string }) {
  return <div className={className ? `user-content ${className}` : "user-content"} dangerouslySetInnerHTML={{ __html: html }} />;
}
