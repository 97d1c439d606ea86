// Identity of the network and its devices: the HQ-signed network profile, device enrollment
// and approval, fingerprint codes and the demo network. Pure: keys in, values out, no storage.
export {
  IDENTITY_ERROR_CODES,
  PROFILE_ISSUE_CODES,
  ProfileError,
  identityErrorMessageKey,
  identityErrorMessageValues,
  isProfileError,
  profileIssueMessageKey,
  type IdentityErrorCode,
  type ProfileIssue,
  type ProfileIssueCode,
} from './errors.ts';
export { OFFICER_ID_PATTERN, ROLES, officerIdSchema, type Role } from './schemas.ts';
export {
  PROFILE_FORMAT,
  activePosts,
  holdsRevokedKey,
  isRevoked,
  revokedKeysOf,
  postCity,
  approvedDeviceSchema,
  leadSchema,
  networkProfileSchema,
  parseProfile,
  policySchema,
  profileRelaySchema,
  RELAY_INTERVAL_MINUTES,
  type ApprovedDevice,
  type HqRotation,
  type Lead,
  type NetworkProfile,
  type ProfilePolicy,
  type ProfilePost,
  type ProfileRelay,
} from './profile.ts';
export {
  signProfile,
  verifyProfile,
  type SignedProfile,
  type VerifyProfileOptions,
} from './signed.ts';
export { MAX_JSON_FILE_BYTES } from './json-file.ts';
export {
  PROFILE_FILE,
  decodeProfileFile,
  encodeProfileFile,
  type UnverifiedProfile,
} from './profile-file.ts';
export {
  ENROLLMENT_FILE,
  decodeEnrollmentFile,
  deviceCardSchema,
  encodeEnrollmentFile,
  makeEnrollment,
  parseDeviceCard,
  verifyEnrollment,
  type DeviceCard,
  type SignedEnrollment,
} from './enrollment.ts';
export { approveDevice, revokeDevice, scopeOf } from './approve.ts';
export { type NewHqKeys, rotateHqKeys } from './rotate.ts';
export {
  MAX_PENDING_PROFILES,
  changesHqKey,
  pendingProfileForCode,
  withPendingProfile,
} from './pending-profile.ts';
export {
  FINGERPRINT_CODE_GROUPS,
  fingerprintCode,
  normalizeFingerprintCode,
  sameFingerprintCode,
} from './fingerprint-code.ts';
export {
  DEFAULT_POLICY,
  createNetworkProfile,
  publicKeyText,
  type HqPublicKeys,
  type NewNetworkInput,
  type PublicKeySource,
} from './network.ts';
export {
  DEMO_HQ_DEVICE_ID,
  DEMO_ISSUED_AT,
  demoLeadDeviceId,
  makeDemoProfile,
  DEMO_HQ_USER_ID,
  DEMO_LEADS,
  DEMO_NETWORK_ID,
  DEMO_OFFICERS,
  makeDemoNetwork,
  type DemoNetworkInput,
  type DemoOfficer,
} from './demo.ts';
export { demoDeviceKeys, demoRecoveryKeys } from './demo-keys.ts';
export { type IdentityMessages, identityMessages } from './messages.ts';
