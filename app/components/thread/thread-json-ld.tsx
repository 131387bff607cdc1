import { JsonLd } from "../json-ld";

/** A public thread as a schema.org DiscussionForumPosting. */
export function ThreadJsonLd({
  origin,
  thread,
  group,
  createdAt,
  description,
  openingAuthor,
}: {
  origin: string;
  thread: { id: number; slug: string; title: string; postCount: number };
  group: { slug: string; name: string };
  createdAt: string;
  description: string;
  openingAuthor: string | null;
}) {
  return (
    <JsonLd
      data={{
        "@context": "https://schema.org",
        "@type": "DiscussionForumPosting",
        headline: thread.title,
        url: `${origin}/t/${thread.id}/${thread.slug}`,
        datePublished: createdAt,
        text: description,
        author: { "@type": "Person", name: openingAuthor ?? "" },
        isPartOf: { "@type": "WebPage", name: group.name, url: `${origin}/g/${group.slug}` },
        interactionStatistic: { "@type": "InteractionCounter", interactionType: "https://schema.org/CommentAction", userInteractionCount: Math.max(0, thread.postCount - 1) },
      }}
    />
  );
}
