// The lock screen and passphrase messages.
import { bilingual } from '../../i18n/bilingual.ts';

export const lockMessages = bilingual(
  {
    lock: {
      title: 'Liaison Log is locked',
      who_officer: 'Signed in as {{name}}. Enter your passphrase to open your log.',
      who_lead: 'Signed in as {{name}} (team lead). Enter your passphrase to continue.',
      who_hq: 'Signed in as {{name}} (HQ). Enter your passphrase to continue.',
      keyStoreDamaged:
        'This device’s keys are missing or damaged. Your entries are still here and open with your passphrase, but bundles cannot be signed or opened. Export nothing; call HQ.',
      passphrase: 'Passphrase',
      unlock: 'Unlock',
      unlocking: 'Unlocking…',
      empty: 'Enter your passphrase.',
      failed: 'Liaison Log could not unlock. Nothing stored was changed. Try again.',
      wait: 'Too many wrong passphrases in a row.',
      waitSeconds_one: 'You can try again in {{count}} second.',
      waitSeconds_other: 'You can try again in {{count}} seconds.',
      demoHint: 'Demo: the passphrase is “{{passphrase}}”.',
      forgotTitle: 'Forgot your passphrase?',
      forgotBody:
        'Your entries are safe, but only your passphrase or HQ can open them. HQ holds a recovery key for this device and can set a temporary passphrase, which you change at once. Do not reset the app: entries not yet sent to HQ would be lost.',
      step1: 'Save a recovery request and send it to HQ like a bundle.',
      saveRequest: 'Save recovery request',
      step2: 'HQ calls you and reads out a temporary passphrase.',
      step3:
        'Open the answer file HQ sends back, and type the temporary passphrase HQ read to you.',
      openAnswer: 'Open HQ’s answer',
      recoveryFiles: 'Liaison Log recovery files',
      requestSaved: 'Recovery request saved. Send it to HQ, then wait for their call.',
      answerRead: 'HQ’s answer is for this device. Type the temporary passphrase HQ read to you.',
      temporary: 'Temporary passphrase from HQ',
      useAnswer: 'Unlock with HQ’s answer',
    },
  },
  {
    lock: {
      title: 'Liaison Log est verrouillé',
      who_officer:
        'Connecté en tant que {{name}}. Entrez votre phrase de passe pour ouvrir votre journal.',
      who_lead:
        'Connecté en tant que {{name}} (chef d’équipe). Entrez votre phrase de passe pour continuer.',
      who_hq: 'Connecté en tant que {{name}} (AC). Entrez votre phrase de passe pour continuer.',
      keyStoreDamaged:
        'Les clés de cet appareil sont absentes ou endommagées. Vos entrées sont toujours là et s’ouvrent avec votre phrase de passe, mais les lots ne peuvent être ni signés ni ouverts. N’exportez rien ; appelez l’AC.',
      passphrase: 'Phrase de passe',
      unlock: 'Déverrouiller',
      unlocking: 'Déverrouillage…',
      empty: 'Entrez votre phrase de passe.',
      failed: 'Liaison Log n’a pas pu se déverrouiller. Rien n’a été changé. Réessayez.',
      wait: 'Trop de phrases de passe erronées de suite.',
      waitSeconds_one: 'Vous pourrez réessayer dans {{count}} seconde.',
      waitSeconds_other: 'Vous pourrez réessayer dans {{count}} secondes.',
      demoHint: 'Démo : la phrase de passe est « {{passphrase}} ».',
      forgotTitle: 'Phrase de passe oubliée?',
      forgotBody:
        'Vos entrées sont en sécurité, mais seule votre phrase de passe ou l’AC peut les ouvrir. L’AC détient une clé de récupération pour cet appareil et peut fixer une phrase de passe temporaire, que vous changerez aussitôt. Ne réinitialisez pas l’application : les entrées pas encore envoyées à l’AC seraient perdues.',
      step1: 'Enregistrez une demande de récupération et envoyez-la à l’AC comme un lot.',
      saveRequest: 'Enregistrer la demande de récupération',
      step2: 'L’AC vous appelle et vous lit une phrase de passe temporaire.',
      step3:
        'Ouvrez le fichier de réponse que l’AC vous renvoie, et tapez la phrase de passe temporaire que l’AC vous a lue.',
      openAnswer: 'Ouvrir la réponse de l’AC',
      recoveryFiles: 'Fichiers de récupération Liaison Log',
      requestSaved:
        'Demande de récupération enregistrée. Envoyez-la à l’AC, puis attendez son appel.',
      answerRead:
        'La réponse de l’AC est bien pour cet appareil. Tapez la phrase de passe temporaire que l’AC vous a lue.',
      temporary: 'Phrase de passe temporaire de l’AC',
      useAnswer: 'Déverrouiller avec la réponse de l’AC',
    },
  },
);
