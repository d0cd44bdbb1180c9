/**
 * The lab's trace: what the clusters did that a support engineer needs to see (why a login went
 * wrong, which certificate was not trusted, what a bulk job did), stamped with lab time. It holds
 * the last entries only, and nothing secret is ever written to it (keys, PINs, passwords).
 */
import { currentSpan } from '../net/trace-context';

export interface TraceEntry {
  at: number;
  /** The lab name of the cluster that wrote the line; null for the lab itself. */
  cluster: string | null;
  text: string;
  /**
   * The message of a login attempt whose request was being served when the line was written
   * (its traceparent span id); absent for lines written outside any attempt.
   */
  span?: string;
}

export class Trace {
  private readonly entries: TraceEntry[] = [];
  private readonly listeners = new Set<(e: TraceEntry) => void>();

  constructor(private readonly now: () => number, private readonly limit = 5000) {}

  add(text: string, cluster: string | null = null): void {
    const span = currentSpan();
    const entry: TraceEntry = span ? { at: this.now(), cluster, text, span: span.spanId } : { at: this.now(), cluster, text };
    this.entries.push(entry);
    // Trimmed a quarter at a time: dropping one entry per line would move the whole array each time.
    if (this.entries.length > this.limit + (this.limit >> 2)) this.entries.splice(0, this.entries.length - this.limit);
    for (const l of this.listeners) l(entry);
  }

  /** The entries, oldest first; with `cluster`, that cluster's and the lab's own (faults). */
  list(cluster?: string): TraceEntry[] {
    const kept = this.entries.length > this.limit ? this.entries.slice(-this.limit) : [...this.entries];
    return cluster === undefined ? kept : kept.filter((e) => e.cluster === cluster || e.cluster === null);
  }

  onEntry(listener: (e: TraceEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
