// Encryption at rest: the passphrase-wrapped data key, HQ's recovery copy, and sealed field
// values. Pure WebCrypto; keys and passphrases are passed in and nothing is stored here.
export {
  VAULT_ERROR_CODES,
  VaultError,
  type VaultErrorCode,
  isVaultError,
  vaultErrorMessageKey,
  vaultErrorMessageValues,
} from './errors.ts';
export { type EscrowTarget, escrowFingerprint } from './escrow.ts';
export {
  type DeviceKeyUse,
  type WrappedPrivateKey,
  unwrapPrivateKey,
  wrapPrivateKey,
} from './device-keys.ts';
export { type FieldContext, decryptField, encryptField, isSealed } from './field.ts';
export { DEFAULT_ITERATIONS, type KdfOptions, MIN_ITERATIONS } from './kdf.ts';
export { type VaultMessages, vaultMessages } from './messages.ts';
export {
  type RecoveryAnswerFile,
  type RecoveryBinding,
  type RecoveryFile,
  type RecoveryRequest,
  decodeRecoveryFile,
  encodeRecoveryFile,
  signRecoveryBinding,
  temporaryPassphrase,
  verifyRecoveryRequest,
} from './recovery-file.ts';
export { MAX_ITERATIONS, readRecord, type VaultEscrow, type VaultRecord } from './record.ts';
export {
  type CreateVaultOptions,
  type OpenVault,
  adoptRecoveryAnswer,
  changePassphrase,
  createVault,
  escrowIsStale,
  recoverFromEscrow,
  recoverWithEscrow,
  setEscrow,
  unlockVault,
} from './vault.ts';
