/** A small, fast view of a built HTML page: its elements, attributes and ids. */
import { Parser } from 'htmlparser2';

interface Element {
  name: string;
  attrs: Record<string, string>;
  /** Text directly inside (only kept for <script> and <style>). */
  text: string;
  /** 1-based line of the start tag, for messages. */
  line: number;
}

export interface ParsedPage {
  elements: Element[];
  /** Every `id` and `<a name>` on the page: the targets a #fragment can reach. */
  anchors: Set<string>;
  /** All text of the page, entities decoded (what a reader sees, and <title>). */
  text: string;
}

export function parseHtml(html: string): ParsedPage {
  const elements: Element[] = [];
  const anchors = new Set<string>();
  const open: Element[] = [];
  let text = '';
  const lineStarts: number[] = [0];
  for (let i = 0; i < html.length; i++) if (html[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (index: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const element: Element = { name, attrs, text: '', line: lineOf(parser.startIndex) };
        elements.push(element);
        open.push(element);
        if (attrs['id'] !== undefined) anchors.add(attrs['id']);
        if (name === 'a' && attrs['name'] !== undefined) anchors.add(attrs['name']);
      },
      ontext(chunk) {
        const current = open.at(-1);
        if (current && (current.name === 'script' || current.name === 'style')) {
          current.text += chunk;
        } else {
          text += chunk;
        }
      },
      onclosetag() {
        open.pop();
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { elements, anchors, text };
}

/** The URL path a built file is served at: "sources/x/index.html" → "sources/x/". */
export function servedPath(file: string): string {
  return file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file;
}
