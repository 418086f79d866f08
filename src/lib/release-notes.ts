/**
 * The content section of a release in `CHANGELOG.md`: the sources added and
 * revised between the previous release and this one, from their `added` and
 * `updated` dates. `npm run release:notes` prints it; a test checks that the
 * changelog says exactly this for the current release.
 */

/** What the notes need from a source. */
export interface NotedSource {
  id: string;
  shortTitle: string;
  findings: number;
  added: string;
  updated?: string | undefined;
}

/** The release window: after `from` (the previous release, if any), up to and including `to`. */
export interface ReleaseWindow {
  from?: string | undefined;
  to: string;
}

const inWindow = (date: string, w: ReleaseWindow) =>
  date <= w.to && (w.from === undefined || date > w.from);

const line = (s: NotedSource, date?: string) =>
  `- \`${s.id}\` — ${s.shortTitle} (${s.findings} finding${s.findings === 1 ? '' : 's'}${date ? `; revised ${date}` : ''})`;

/** The "### Content" section of a release, as markdown. */
export function contentNotes(sources: readonly NotedSource[], w: ReleaseWindow): string {
  const byId = (a: NotedSource, b: NotedSource) => a.id.localeCompare(b.id);
  const added = sources.filter((s) => inWindow(s.added, w)).sort(byId);
  const revised = sources
    .filter((s) => !inWindow(s.added, w) && s.updated !== undefined && inWindow(s.updated, w))
    .sort(byId);
  const count = (list: readonly NotedSource[]) => list.reduce((n, s) => n + s.findings, 0);
  const out = ['### Content', ''];
  out.push(`Sources added: ${added.length}, with ${count(added)} findings.`, '');
  if (added.length > 0) out.push(...added.map((s) => line(s)), '');
  out.push(
    revised.length === 0
      ? 'Sources revised: none.'
      : `Sources revised: ${revised.length}, with ${count(revised)} findings now.`,
    '',
  );
  if (revised.length > 0) out.push(...revised.map((s) => line(s, s.updated)), '');
  return out.join('\n').trimEnd() + '\n';
}

/** A release heading of the changelog: `## 0.1.0 — 2026-12-01`. */
const RELEASE_HEADING = /^## (\d+\.\d+\.\d+) — (\d{4}-\d{2}-\d{2})$/gm;

/** The releases of a changelog, newest first, with the text of each section. */
export function changelogReleases(
  markdown: string,
): { version: string; date: string; body: string }[] {
  const heads = [...markdown.matchAll(RELEASE_HEADING)];
  return heads.map((m) => {
    const start = (m.index ?? 0) + m[0].length;
    const next = markdown.slice(start).search(/^## /m);
    const body = next === -1 ? markdown.slice(start) : markdown.slice(start, start + next);
    return { version: m[1] ?? '', date: m[2] ?? '', body: body.trim() + '\n' };
  });
}

/** The "### Content" section within a release's text, up to the next heading. */
export function contentSection(body: string): string | undefined {
  const at = body.search(/^### Content$/m);
  if (at === -1) return undefined;
  const rest = body.slice(at);
  const firstLine = rest.indexOf('\n') + 1;
  const end = rest.slice(firstLine).search(/^#{2,3} /m);
  return (end === -1 ? rest : rest.slice(0, firstLine + end)).trimEnd() + '\n';
}
