import { Link } from "@remix-run/react";

interface PaginationBase {
  /** The accessible name of the navigation ("Pages", "Older and newer"…). */
  label: string;
  page: number;
  /** The address of page `n`. */
  href: (n: number) => string;
}

/** Numbered page links: first, last and a window around the current page, with gaps. */
interface NumberedPagination extends PaginationBase {
  pages: number;
  /** The text of the link to page `n`. */
  pageText: (n: number) => string;
}

/** Previous and next links, for lists whose length is not counted. */
interface StepPagination extends PaginationBase {
  hasPrevious?: boolean;
  hasNext: boolean;
  previousText: string;
  nextText: string;
}

/** The one pagination of the forum: numbered (threads) or previous/next (lists, search, notifications). */
export function Pagination(props: NumberedPagination | StepPagination) {
  const { label, page, href } = props;
  if ("pages" in props) {
    if (props.pages <= 1) return null;
    return (
      <nav aria-label={label} className="pagination">
        <ul>
          {pageNumbers(page, props.pages).map((n, i) =>
            n === null ? (
              <li key={`gap-${i}`} aria-hidden="true">
                …
              </li>
            ) : (
              <li key={n}>{n === page ? <span aria-current="page">{n}</span> : <Link to={href(n)}>{props.pageText(n)}</Link>}</li>
            ),
          )}
        </ul>
      </nav>
    );
  }
  const hasPrevious = props.hasPrevious ?? page > 1;
  if (!hasPrevious && !props.hasNext) return null;
  return (
    <nav aria-label={label} className="pagination">
      <ul>
        {hasPrevious ? (
          <li>
            <Link to={href(page - 1)}>{props.previousText}</Link>
          </li>
        ) : null}
        {props.hasNext ? (
          <li>
            <Link to={href(page + 1)}>{props.nextText}</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** Page links for a long list: first, last, and a window around the current page; null is a gap. */
function pageNumbers(current: number, total: number): Array<number | null> {
  const shown = new Set([1, total, current - 2, current - 1, current, current + 1, current + 2].filter((n) => n >= 1 && n <= total));
  const sorted = [...shown].sort((a, b) => a - b);
  const result: Array<number | null> = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) result.push(null);
    result.push(n);
  });
  return result;
}
