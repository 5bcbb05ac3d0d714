// TypeScript declarations for claimlens in the browser: the data contract (docs/contract.md) and the
// public JS API of claimlens.js.

export type Kind = "count" | "number" | "percent" | "money" | "measure" | "ratio" | "ordinal" | "date" | "duration";
export type Hedge = "exact" | "approximate" | "at_most" | "less_than" | "at_least" | "more_than" | "vague" | "range";
export type Grain = "day" | "week" | "month" | "quarter" | "year" | "decade";
export type SourceType = "person" | "organization" | "media" | "official" | "group" | "unnamed";
/** `conflicts_with_memory` comes only from the extension's claim memory. */
export type CheckKind = "part_exceeds_whole" | "conflicting_figures" | "share_over_100" | "interval_reversed" | "conflicts_with_memory";

/** Where a span lies among the text nodes given to extractNodes (UTF-16 offsets inside nodes). */
export interface NodePositions {
  startNode?: number;
  startOffset?: number;
  endNode?: number;
  endOffset?: number;
}

export interface Value extends NodePositions {
  kind: Kind;
  /** The value as written, exactly the input between start and end (UTF-16 offsets). */
  text: string;
  start: number;
  end: number;
  value: number | null;
  min: number | null;
  max: number | null;
  hedge: Hedge | null;
  unit: string | null;
  counted: string | null;
  /** ISO dates, both inclusive. */
  from: string | null;
  to: string | null;
  grain: Grain | null;
  partOf: { claim: number; value: number } | null;
  resolved: number | null;
  /** What the figure is about, for comparing it with figures elsewhere; absent when the text names no event. */
  topic?: Topic;
}

/** A figure's thing and event, its bounds after its hedge, and its period (src/checks.rs documents the rule). */
export interface Topic {
  /** "people" for any noun for people, else the counted noun in the singular; the unit for amounts and shares. */
  thing: string;
  event: "death" | "injury" | "displacement" | "arrest" | "crowd" | "deficit" | "unemployment" | "lost" | "destroy";
  low: number;
  high: number;
  from: string | null;
  to: string | null;
}

export interface CoSource extends NodePositions {
  source: string;
  canonical: string;
  start: number;
  end: number;
}

export interface Attribution extends NodePositions {
  source: string;
  canonical: string;
  start: number;
  end: number;
  cue: string;
  type: SourceType;
  affiliation: string | null;
  quote: boolean;
  inherited: boolean;
  also: CoSource[];
}

export interface Check {
  kind: CheckKind;
  message: string;
  claims: number[];
  /** conflicts_with_memory: the index of the figure in this claim's values. */
  value?: number;
  /** conflicts_with_memory: where the contradicting figure was read. */
  elsewhere?: { url: string; title: string; seen: string; source: string | null; text: string };
}

export interface Claim extends NodePositions {
  id: number;
  text: string;
  start: number;
  end: number;
  values: Value[];
  /** null: the page gives no source for this claim. */
  attribution: Attribution | null;
  score: number;
  reasons: string[];
  checks: Check[];
}

export interface Mention extends NodePositions {
  text: string;
  start: number;
  end: number;
}

export interface Source {
  canonical: string;
  type: SourceType;
  mentions: Mention[];
  claims: number[];
}

export interface Extraction {
  version: 1;
  referenceDate: string | null;
  claims: Claim[];
  sources: Source[];
}

export interface Options {
  /** "YYYY-MM-DD" (or, outside years 0000–9999, "-000476-01-01"): resolves "Monday", "last week", "since Friday". */
  referenceDate?: string | null;
}

/** The claims in a text. Rejects with a TypeError or RangeError on bad input. */
export function extract(text: string, options?: Options | null): Promise<Extraction>;

/** The claims in text nodes; blocks[i] is the block element holding texts[i]. */
export function extractNodes(texts: string[], blocks: ArrayLike<number>, options?: Options | null): Promise<Extraction>;

export interface ScanResult {
  extraction: Extraction;
  /** The page's text nodes that the node positions index. */
  nodes: Text[];
  date: { date: string; assumed: boolean };
}

/** Reads the page (or root) and returns its claims. */
export function scan(options?: {
  root?: Element;
  doc?: Document;
  date?: string;
  onProgress?: (stage: "loading" | "extracting", size?: number) => void;
}): Promise<ScanResult>;

declare global {
  interface HTMLElementTagNameMap {
    "claim-lens": HTMLElement & { scan(): Promise<Extraction>; clear(): void };
  }
}
