/**
 * Renders a Pagefind excerpt without assigning HTML. Pagefind's `excerpt` is
 * escaped text with the matches wrapped in <mark>; it is parsed in an inert
 * document (nothing in it runs or loads) and only its text and <mark>
 * elements are copied into the page, as new nodes.
 */
export function excerptNodes(excerpt: string, doc: Document = document): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  const nodes: Node[] = [];
  for (const node of parsed.body.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === 'mark') {
      const mark = doc.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else if (node.textContent) {
      nodes.push(doc.createTextNode(node.textContent));
    }
  }
  return nodes;
}
