// Every word the reader understands, as data. One search here finds where a word ("支委", "合计", "√") is understood.
export * from './bodies.ts';
export * from './headers.ts';
export * from './lists.ts';
export * from './marks.ts';
export * from './posts.ts';
export * from './rows.ts';
