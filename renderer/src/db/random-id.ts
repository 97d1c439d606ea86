// The default id source of the database (DbDeps.newId): nothing else, so db.ts can use it
// without importing the modules that use the database.

/** 16 random bytes as base64url without padding: 22 characters, 128 bits. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
