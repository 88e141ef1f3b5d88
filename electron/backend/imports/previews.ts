// Previews kept for commitImport: what was read and shown, so that a commit stores exactly that.

import type { BackendOptions } from '../context.ts';
import type { Prepared } from './prepare.ts';

export class PreviewCache {
  private readonly entries = new Map<string, { prepared: Prepared; createdAt: number }>();
  constructor(private readonly options: Pick<BackendOptions, 'maxPreviews' | 'previewTtlMs'>) {}

  remember(id: string, prepared: Prepared): void {
    this.dropOld();
    this.entries.set(id, { prepared, createdAt: Date.now() });
    const max = this.options.maxPreviews ?? 4;
    while (this.entries.size > max) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The preview, removed from the cache (a preview is committed once); null when unknown or expired. */
  take(id: string): Prepared | null {
    this.dropOld();
    const e = this.entries.get(id);
    if (!e) return null;
    this.entries.delete(id);
    return e.prepared;
  }

  clear(): void {
    this.entries.clear();
  }

  private dropOld(): void {
    const ttl = this.options.previewTtlMs ?? 60 * 60 * 1000;
    for (const [id, p] of this.entries) if (Date.now() - p.createdAt > ttl) this.entries.delete(id);
  }
}
