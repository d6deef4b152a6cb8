// Loaded with import() when a view first verifies a token: jose and the verifier are not in the
// popup's start (docs/verification.md). `npm run bench` reports this chunk on a line of its own.
export { verifyJws, validateIdToken } from '../core';
