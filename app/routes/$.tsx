import type { MetaFunction } from "@remix-run/node";

// Every unknown URL: a translated 404 from the root error boundary.
export function loader(): never {
  throw new Response("Not Found", { status: 404 });
}

export function action(): never {
  throw new Response("Not Found", { status: 404 });
}

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

export default function NotFound() {
  return null;
}
