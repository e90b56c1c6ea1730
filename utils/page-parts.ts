/**
 * The background's side of a page sent in parts (`page:part` messages, then `page:annotate`): the parts of a
 * few pages at a time, by the id their content script gave them. A page whose content script went away
 * between its parts is forgotten once newer pages push it out.
 */
export class PendingParts {
  private readonly pages = new Map<string, string[]>();

  constructor(private readonly maxPages = 4) {}

  add(id: string, index: number, text: string): void {
    let parts = this.pages.get(id);
    if (!parts) {
      parts = [];
      this.pages.set(id, parts);
      if (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value!);
    }
    parts[index] = text;
  }

  /**
   * The page's text, its `count` parts joined, then `last`; null if a part is missing. Forgets the page. At most
   * `maxChars` characters: the rest of a longer page is not read.
   */
  take(id: string, count: number, last: string, maxChars = Infinity): string | null {
    const parts = this.pages.get(id);
    this.pages.delete(id);
    if (!parts || parts.length !== count) return null;
    for (let i = 0; i < count; i++) if (typeof parts[i] !== 'string') return null;
    const text = parts.join('') + last;
    return text.length > maxChars ? text.slice(0, maxChars) : text;
  }
}
