import { jsonLdText } from "../lib/page-meta";
import { useRequestContext } from "../lib/request-context";

/** schema.org data for search engines, escaped so that no text in it can close the script. */
export function JsonLd({ data }: { data: unknown }) {
  const { nonce } = useRequestContext();
  return <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}
