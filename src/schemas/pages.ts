/** Schema of a prose page (about and method), one markdown file per language. */
import { z } from 'astro/zod';

export const pageSchema = z
  .object({
    /** Page title. */
    title: z.string().trim().min(1),
    /** Meta description. */
    description: z.string().trim().min(1),
  })
  .strict();
