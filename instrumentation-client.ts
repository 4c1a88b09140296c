// Runs in the browser before any page code (Next.js instrumentation-client). Zod 4 probes
// `new Function("")` the first time it parses an object, to decide whether it may compile a fast
// validator. Our content-security policy forbids eval (lib/http/csp.ts), so that probe was blocked
// and reported as a CSP violation on every page that validates in the browser (/verify, the terms
// and upload forms). Browsers validate small inputs: they need no compiled validators. The server
// keeps zod's compiled fast path (this file is never loaded there).
import { z } from "zod";

z.config({ jitless: true });
