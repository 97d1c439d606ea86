// English interface strings. fr.ts must have exactly the same keys (checked by a test).
export const en = {
  app: {
    title: 'Liaison Log',
    skipToContent: 'Skip to main content',
    mainNav: 'Main',
    loading: 'Opening your log…',
    demo: 'Demo',
    lockNow: 'Lock',
  },
  upgrade: {
    title: 'Updating your log for this version',
    body: 'This happens once after Liaison Log is updated. With many entries it can take a few minutes.',
    keepOpen:
      'Keep the app open. If it closes, nothing is lost: the update starts again the next time.',
    progress: 'Updating',
    blocked:
      'The update waits for another Liaison Log window that has your log open with the older version. Close that window: the update goes on by itself as soon as it is closed.',
  },
  dates: {
    reversed: 'The start date is after the end date, so no entry can match. Change one of them.',
  },
  nav: {
    log: 'Activity log',
    new: 'New activity',
    settings: 'Settings',
    networkLog: 'Network log',
    review: 'Review',
    summaries: 'Summaries',
    network: 'Network',
    sync: 'Sync',
  },
  notForRole: {
    title: 'Not available here',
    body: 'This screen is not part of your role on this device.',
    back: 'Back to the log',
  },
  language: {
    label: 'Language',
    switchTo: 'Français',
    switchToLabel: 'Passer au français',
    en: 'English',
    fr: 'Français',
  },
  status: {
    region: 'Sync status',
    pendingActivities_one: '{{count, number}} activity waiting to sync',
    pendingActivities_other: '{{count, number}} activities waiting to sync',
    pendingChanges_one: '{{count, number}} change waiting to sync',
    pendingChanges_other: '{{count, number}} changes waiting to sync',
    allSynced: 'Nothing waiting to sync',
    online: 'Online',
    offline: 'Offline: everything is saved on this computer',
    signedInAs_officer: '{{name}} · {{post}}',
    signedInAs_lead: '{{name}} · team lead',
    signedInAs_hq: '{{name}} · HQ',
  },
  review: {
    pending: 'Not reviewed',
    approved: 'Approved',
    issues: 'Has issues',
    returned: 'Returned',
  },
  setup: {
    heading: 'Welcome to Liaison Log',
    intro:
      'Tell us who you are and where you are posted. Everything stays on this computer until you sync.',
    name: 'Your name',
    officerId: 'Officer ID',
    officerIdHelp: 'Letters, digits and dashes, as issued by HQ.',
    post: 'Post',
    choosePost: 'Choose your post…',
    start: 'Start logging',
  },
  errors: {
    title: 'Something went wrong',
    openFailed:
      'Liaison Log could not open its database on this computer. Nothing has been deleted. Close other Liaison Log windows and try again.',
    blocked:
      'Liaison Log was updated in another window. Reload this window to continue; your saved work is safe.',
    otherWindowOpen:
      'Another Liaison Log window is still open with an older version. Close it, then reload this window; nothing has been lost.',
    versionTooNew:
      'This computer holds data from a newer version of Liaison Log. Install the newer version to open it; nothing has been changed.',
    quotaExceeded:
      'The disk is full: your entry was not saved, but it is kept in the form. Free some space and save again.',
    writeFailed: 'Your entry could not be saved. It is kept in the form; try again.',
    notFound: 'That activity no longer exists.',
    notYours: 'This entry belongs to another officer: only they can change or delete it.',
    locked: 'Liaison Log is locked. Unlock it with your passphrase, then try again.',
    newerRecord: 'This entry comes from a newer version of Liaison Log and cannot be changed here.',
    unexpected: 'An unexpected error occurred. Your saved work is safe. Reload to continue.',
    reload: 'Reload',
    dismiss: 'Dismiss',
  },
} as const;

/** The shape every language must match (string values, same keys). */
export type Resources = { [K in keyof typeof en]: { [L in keyof (typeof en)[K]]: string } };
