/**
 * @module Request ids, in UUID v4 form, from Math.random. An id only ties a response (`x-request-id`, a 5xx page) to
 * its log lines and grants nothing, so it must be unique, not unpredictable: V8 seeds Math.random per process from
 * the OS's entropy, and 122 random bits do not collide. crypto.randomUUID made every cold page view load node:crypto
 * (~10 M instructions, ~3 ms of CPU), which nothing else on that path needs.
 */

const HEX = '0123456789abcdef';

/** A new request id, e.g. `3f2b9c1e-8d4a-4e7b-a1c2-5d6e7f809a1b`. */
export function newRequestId(): string {
  let id = '';
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) id += '-';
    else if (i === 14)
      id += '4'; // the version
    else if (i === 19)
      id += HEX[8 + Math.floor(Math.random() * 4)]; // the variant: 10xx
    else id += HEX[Math.floor(Math.random() * 16)];
  }
  return id;
}
