/**
 * The lab's trace: what the clusters did that a support engineer needs to see (why a login went
 * wrong, which certificate was not trusted, what a bulk job did), stamped with lab time. It holds
 * the last entries only, and nothing secret is ever written to it (keys, PINs, passwords).
 */
export interface TraceEntry {
  at: number;
  text: string;
}

export class Trace {
  private readonly entries: TraceEntry[] = [];
  private readonly listeners = new Set<(e: TraceEntry) => void>();

  constructor(private readonly now: () => number, private readonly limit = 1000) {}

  add(text: string): void {
    const entry = { at: this.now(), text };
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    for (const l of this.listeners) l(entry);
  }

  list(): TraceEntry[] {
    return [...this.entries];
  }

  onEntry(listener: (e: TraceEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
