import type { Principal } from '@egov-plan/http';

// The portal decides who the caller is. This one knows two bearer tokens (a real portal reads
// its session store); anything else is anonymous, and anonymous callers may only read.
const SESSIONS: Record<string, Principal> = {
  'demo-token-so-tttt': { agencies: ['so-tttt'], role: 'reporter', id: 'so-tttt-portal' },
  'demo-token-admin': { agencies: [], role: 'admin', id: 'portal-admin' },
};

/** The portal's `authorize`: a known bearer token, or null (anonymous). */
export function authorize(request: Request): Principal | null {
  const token = /^Bearer (\S+)$/u.exec(request.headers.get('authorization') ?? '')?.[1];
  return token === undefined ? null : (SESSIONS[token] ?? null);
}
