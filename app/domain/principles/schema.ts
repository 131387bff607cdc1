import { z } from "zod";

/** Slugs as security.md limits them; anything else cannot name a principle. */
export const slugSchema = z.string().regex(/^[a-z0-9-]{1,64}$/);
