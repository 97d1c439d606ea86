// The public shapes of the bundle codec: what the app passes in to make a bundle and what
// it gets back when reading one. Format details live in docs/bundle-format.md.
import { type Change, type Json } from '../sync/change.ts';
import { type PublicKeyInput } from './keys.ts';

export const BUNDLE_KINDS = ['changes', 'receipt', 'profile'] as const;
export type BundleKind = (typeof BUNDLE_KINDS)[number];

/** A run of one device's change sequence numbers that the bundle covers, both ends included. */
export interface SeqRange {
  readonly deviceId: string;
  readonly fromSeq: number;
  readonly toSeq: number;
}

/** Who made the bundle, as written in its header (not proven until the signature is checked). */
export interface BundleSender {
  readonly deviceId: string;
  /** The officer, team lead or HQ user on whose behalf the device made the bundle. */
  readonly officerId: string;
  /** The sender's post; null for devices that belong to no post (HQ). */
  readonly postCode: string | null;
}

/** The fields of a header the caller chooses; the codec fills in keys, counts and recipients. */
export interface BundleHeaderFields {
  /** Unique per bundle (a UUID or ULID): receipts and the import log refer to it. */
  readonly bundleId: string;
  /** The deployment this bundle belongs to; a reader can refuse other networks' bundles. */
  readonly networkId: string;
  readonly sender: BundleSender;
  /** Sequence ranges covered; for 'changes' every change must fall inside one of them. */
  readonly ranges: readonly SeqRange[];
  readonly appVersion: string;
  readonly catalogueVersion: number;
  /** ISO 8601 date-time, e.g. `new Date().toISOString()` from the caller's clock. */
  readonly createdAt: string;
}

/** The readable header of a bundle: everything that can be known without a private key. */
export interface BundleHeader extends BundleHeaderFields {
  readonly formatVersion: number;
  readonly kind: BundleKind;
  /** The sender's claimed public keys, 32 raw bytes each. Trust them only after comparing
   *  with the key the app already holds for `sender.deviceId` (see `fingerprint`). */
  readonly senderKeys: { readonly signing: Uint8Array; readonly encryption: Uint8Array };
  readonly counts: {
    /** Number of changes carried (0 for other kinds). */
    readonly changes: number;
    /** Number of distinct records those changes touch (0 for other kinds). */
    readonly records: number;
  };
  /** Device ids the bundle is addressed to, in header order. */
  readonly recipients: readonly string[];
  readonly payload: {
    readonly chunkSize: number;
    readonly chunkCount: number;
    readonly compressedBytes: number;
    readonly inflatedBytes: number;
  };
  /** Total length of the file in bytes, as the header lays it out. */
  readonly totalBytes: number;
}

export interface BundleRecipient {
  readonly deviceId: string;
  /** The recipient's X25519 public key. */
  readonly publicKey: PublicKeyInput;
}

interface EncodeBundleCommon extends BundleHeaderFields {
  /** The sender's Ed25519 private key. */
  readonly signingKey: CryptoKey;
  /** The sender's public keys, written into the header so readers can check the signer. */
  readonly senderPublicKeys: {
    readonly signing: PublicKeyInput;
    readonly encryption: PublicKeyInput;
  };
  /** 1 to MAX_RECIPIENTS devices, each able to open the bundle on its own. */
  readonly recipients: readonly BundleRecipient[];
  /** Plaintext bytes per encrypted chunk; default 64 KiB. */
  readonly chunkSize?: number;
  /** DEFLATE level 1-9; default 3 (see docs/bundle-format.md for the measurements). */
  readonly compressionLevel?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Refuse to build a bundle whose serialized payload exceeds this; default DEFAULT_MAX_INFLATED_BYTES. */
  readonly maxInflatedBytes?: number;
}

export type EncodeBundleInput =
  | (EncodeBundleCommon & { readonly kind: 'changes'; readonly payload: readonly Change[] })
  | (EncodeBundleCommon & { readonly kind: 'receipt' | 'profile'; readonly payload: Json });

export interface BundleProgress {
  /** Bytes of the file consumed so far. */
  readonly bytesRead: number;
  /** Length of the whole file, from its header. */
  readonly totalBytes: number;
}

export interface DecodeBundleOptions {
  /** This device's id: picks the recipient entry to open. */
  readonly recipientDeviceId: string;
  /** This device's X25519 private key (non-extractable is fine). */
  readonly recipientPrivateKey: CryptoKey;
  /** This device's X25519 public key. When given, an entry for this device id but another key
   *  (keys were replaced) is refused as not-addressed-to-me without trying it. */
  readonly recipientPublicKey?: PublicKeyInput;
  /** The signing key the app holds for the sender device. When given, a bundle whose header
   *  names another key is refused with signer-mismatch. When omitted, the header's own key is
   *  used and the caller must decide whether to trust it. */
  readonly expectedSenderSigningKey?: PublicKeyInput;
  /** When given, bundles of another network are refused as not-addressed-to-me. */
  readonly networkId?: string;
  /** Decompression cap; default DEFAULT_MAX_INFLATED_BYTES. */
  readonly maxInflatedBytes?: number;
  /** Called after each chunk. Must not throw (errors from it are ignored). */
  readonly onProgress?: (progress: BundleProgress) => void;
}

export type DecodedBundle =
  | { readonly kind: 'changes'; readonly header: BundleHeader; readonly payload: Change[] }
  | { readonly kind: 'receipt' | 'profile'; readonly header: BundleHeader; readonly payload: Json };

/** What decodeBundle reads: the whole file, or its bytes as they arrive. */
export type BundleSource = Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
