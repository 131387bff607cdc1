import { Link } from "@remix-run/react";

interface PrincipleItem {
  slug: string;
  label: string;
  description: string;
}

export function PrincipleList({ principles, headingLevel = 3 }: { principles: PrincipleItem[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className="principle-list">
      {principles.map((principle, index) => (
        <li key={principle.slug} className="principle-card">
          <span className="principle-card__number" aria-hidden="true">
            {index + 1}
          </span>
          <div>
            <Heading className="principle-card__title">
              <Link to={`/p/${principle.slug}`}>{principle.label}</Link>
            </Heading>
            <p>{principle.description}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
