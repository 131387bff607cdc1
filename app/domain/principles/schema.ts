import { z } from "zod";

/** Slugs are lower-case letters, digits and hyphens (1–64); anything else cannot name a principle. */
export const slugSchema = z.string().regex(/^[a-z0-9-]{1,64}$/);
