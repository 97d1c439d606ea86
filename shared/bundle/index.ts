// The bundle file format: one signed, encrypted file that carries changes, a receipt or a
// profile between devices. See docs/bundle-format.md for the frozen byte layout.
export { checkBundle, decodeBundle, encodeBundle, readBundleHeader } from './codec.ts';
export {
  BUNDLE_ERROR_CODES,
  BundleError,
  type BundleErrorCode,
  bundleErrorMessageKey,
  bundleErrorMessageValues,
  isBundleError,
} from './errors.ts';
export { type BundleMessages, bundleMessages } from './messages.ts';
export {
  type DeviceKeys,
  type KeyUse,
  type PublicKeyInput,
  exportPublicKey,
  fingerprint,
  generateDeviceKeys,
  importPrivateKeyJwk,
  importPublicKey,
  importPublicKeyJwk,
} from './keys.ts';
export {
  CURRENT_FORMAT_VERSION,
  DEFAULT_CHUNK_SIZE,
  DEFAULT_MAX_INFLATED_BYTES,
  HEADER_PREFIX_MAX_BYTES,
  INFLATION_RATIO_FLOOR_BYTES,
  KIND_CAPS,
  type KindCaps,
  MAX_CHUNK_SIZE,
  MAX_INFLATION_RATIO,
  MAX_PLAUSIBLE_FORMAT_VERSION,
  MAX_HEADER_BYTES,
  MAX_RECIPIENTS,
  MIN_CHUNK_SIZE,
} from './limits.ts';
export {
  BUNDLE_KINDS,
  type BundleHeader,
  type BundleHeaderFields,
  type BundleKind,
  type BundleProgress,
  type BundleRecipient,
  type BundleSender,
  type BundleSource,
  type DecodeBundleOptions,
  type DecodedBundle,
  type EncodeBundleInput,
  type SeqRange,
} from './types.ts';
