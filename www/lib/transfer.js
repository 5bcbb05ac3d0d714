// A large result crosses from the worker (embed) or the background (extension) to the page as JSON
// text in parts: strings are cheap to send, and parsing one part at a time keeps each step on the
// page short, where one structured object of thousands of claims would be decoded in one go.

import { yieldToPage } from "./schedule.js";

// Taken when this module loads: a page that replaces JSON's functions later does not reach these.
const { parse, stringify } = JSON;

/** Claims per part: a few milliseconds of JSON.parse each. */
const PART = 400;

/** The extraction as `{ head, parts }`: everything but the claims, then the claims in parts. */
export function pack(extraction) {
  const parts = [];
  for (let i = 0; i < extraction.claims.length; i += PART) parts.push(stringify(extraction.claims.slice(i, i + PART)));
  // `claims` stays in its place among the keys, empty, so the unpacked object reads the same.
  return { head: stringify({ ...extraction, claims: [] }), parts };
}

/** The extraction back from `pack`, parsed a part at a time with the page's turn in between. */
export async function unpack({ head, parts }) {
  const extraction = parse(head);
  for (const part of parts) {
    for (const claim of parse(part)) extraction.claims.push(claim);
    if (parts.length > 1) await yieldToPage();
  }
  return extraction;
}
