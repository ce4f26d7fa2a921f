import { randomBytes } from "node:crypto";

/**
 * URL slug for a workspace name: lower-case ASCII letters, digits and dashes, accents folded
 * ("Café Müller" → "cafe-muller"). Slugs never change on rename, so links keep working.
 */
export function slugFromName(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  return base || "workspace";
}

/** The slug with a short random suffix, for when the plain one is taken. */
export function suffixedSlug(slug: string): string {
  return `${slug}-${randomBytes(3).toString("hex")}`;
}
