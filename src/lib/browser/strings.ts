/** Fetches a page's UI strings once (`strings.json` of its language; precached offline). */
const loaded = new Map<string, Promise<unknown>>();

export function loadStrings<T>(url: string): Promise<T> {
  let strings = loaded.get(url);
  if (!strings) {
    strings = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${r.status} for ${url}`);
      return r.json();
    });
    strings.catch(() => loaded.delete(url));
    loaded.set(url, strings);
  }
  return strings as Promise<T>;
}
