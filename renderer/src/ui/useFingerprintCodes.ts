// Fingerprint codes of public keys (profile text or CryptoKeys), computed off the render:
// hashing is async in WebCrypto. Until they are ready each code reads as an empty string.
import { useEffect, useState } from 'react';
import { fingerprintCode } from '../../../shared/identity/index.ts';

export function useFingerprintCodes(keys: readonly (string | CryptoKey)[]): readonly string[] {
  const [codes, setCodes] = useState<{ for: readonly (string | CryptoKey)[]; codes: string[] }>({
    for: [],
    codes: [],
  });
  useEffect(() => {
    let live = true;
    Promise.all(keys.map((key) => fingerprintCode(key))).then(
      (result) => {
        if (live) setCodes({ for: keys, codes: result });
      },
      // A key that cannot be read shows no code; the profile checks refuse such keys anyway.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [keys]);
  return codes.for === keys ? codes.codes : keys.map(() => '');
}
