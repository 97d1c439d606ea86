// The exchange engine's messages (namespace `exchange`): why a file changed nothing
// (exchange.error.*) and why one change of a bundle was refused (exchange.refusal.*). Codec,
// identity and vault errors keep their own keys (bundle.error.*, identity.*, vault.*).
import { type ExchangeErrorCode } from '../../db/exchange/errors.ts';
import { type RefusalCode } from '../../../../shared/sync/refusal.ts';
import { type UnreadableReason } from '../../../../shared/ipc/contract.ts';
import { bilingual } from '../../i18n/bilingual.ts';

type Sentences<C extends string> = { readonly [K in C]: string };

const errorEn: Sentences<ExchangeErrorCode> = {
  'no-identity': 'This device is not set up yet: finish the first-run steps, then try again.',
  locked: 'Liaison Log is locked. Unlock it, then try again: sensitive fields need your key.',
  'other-network':
    'This file belongs to another Liaison Log network. Nothing was changed on this device. To move this device to that network: export your changes first (Sync), then reset this device (Settings) and set it up with that network’s profile.',
  'demo-network':
    'The demo and a real network never exchange files: the demo’s keys are public, so it protects nothing. Nothing was changed on this device. To use a real network, reset this device (Settings) and set it up with the profile file from your HQ.',
  'receipt-not-trusted':
    'This receipt was refused: it is not signed by HQ or by a team lead of your post. Nothing was changed.',
  'receipt-for-others':
    'This receipt is addressed to other devices: another post’s receipt, or another part of a receipt saved as several files. Nothing was changed. Import the file made for this device; if none of them is, ask the sender for a new receipt.',
  'invalid-receipt': 'This receipt was refused: its contents do not match who signed it.',
  'unknown-device':
    'This bundle comes from a device your network profile does not list. Import the latest profile from HQ, then import the bundle again.',
  'device-revoked':
    'This bundle was refused: it comes from a device HQ has revoked (a lost, stolen or replaced laptop). Nothing in it was applied; what that device sent before it was revoked stays. If this is unexpected, call HQ.',
  'own-bundle':
    'This bundle was made on this device. It is meant for the other devices of your network, not for this one.',
  'cannot-read': 'This file could not be read. Copy it again from its source and retry.',
  'unknown-file': 'This file is not a Liaison Log bundle, network profile or enrollment card.',
  'disk-full':
    'The disk is full. Nothing from this file was stored; free some space and import it again.',
  'write-failed': 'This file could not be stored. Nothing from it was changed; try again.',
  'connection-closed':
    'The database closed while this file was being stored (the disk may be failing, or another Liaison Log window updated it). Nothing from this file was stored; import it again.',
  'not-for-role': 'Only HQ and team leads take enrollment cards. Send this file to HQ.',
  'not-your-post': 'This device belongs to a post you do not lead. HQ must approve it.',
  'pending-full':
    'This file was refused: {{max, number}} devices are already waiting for approval here, the most allowed. Approve or reject some (Sync, Devices waiting for approval), then import it again.',
  'pending-device-full':
    'This file was refused: this device already has {{max, number}} bundles waiting for approval, the most allowed. Approve or reject the device first.',
  'pending-storage-full':
    'This file was refused: bundles from devices waiting for approval already take the {{max, number}} MiB set aside for them. Approve or reject some devices first.',
  'import-stopped':
    'The import stopped each time while working on this file (the app closed, crashed or ran out of memory). It will not be tried again by itself, and nothing from it was imported. Ask the sender for a new file, or import it again on its own.',
  'no-such-device': 'This device is no longer waiting for approval.',
  'officer-id-taken':
    'This device claims the officer ID of someone HQ’s profile places elsewhere (another post, a team lead or HQ). It was not approved. Ask HQ to approve it if it is genuine.',
  'pending-key-conflict':
    'A device with this id is already waiting for approval with other keys, so one of the two files is not from it. Nothing was added. Reject the waiting device if you cannot tell which is genuine, then import the right file again.',
  'cannot-approve':
    'This device cannot be approved from its bundle alone: it names no post. Ask for its enrollment card.',
  'too-many-recipients':
    'This file would go to {{count}} devices; at most {{max}} are allowed. Export one post at a time.',
  'no-recipients':
    'Nobody to send to yet: your network profile lists neither HQ nor a team lead for your post.',
  'folder-unavailable':
    'Saving to a chosen folder is not available here. Use the save dialog instead.',
  'bundle-id-reused':
    'This bundle was refused: another file with the same bundle number, but different contents or another sender, was imported before or is waiting for approval.',
  'not-allowed': 'Only HQ and team leads can do this.',
  unexpected: 'Something went wrong with this file. Nothing from it was changed.',
};

const errorFr: Sentences<ExchangeErrorCode> = {
  'no-identity':
    'Cet appareil n’est pas encore configuré : terminez les étapes du premier démarrage, puis réessayez.',
  locked:
    'Liaison Log est verrouillé. Déverrouillez-le, puis réessayez : les champs sensibles ont besoin de votre clé.',
  'other-network':
    'Ce fichier appartient à un autre réseau Liaison Log. Rien n’a été modifié sur cet appareil. Pour faire passer cet appareil à cet autre réseau : exportez d’abord vos modifications (Synchronisation), puis réinitialisez l’appareil (Paramètres) et configurez-le avec le profil de ce réseau.',
  'demo-network':
    'La démo et un réseau réel n’échangent jamais de fichiers\u00a0: les clés de la démo sont publiques, elle ne protège donc rien. Rien n’a été modifié sur cet appareil. Pour utiliser un réseau réel, réinitialisez cet appareil (Paramètres) et configurez-le avec le fichier de profil de votre AC.',
  'receipt-not-trusted':
    'Cet accusé de réception a été refusé : il n’est signé ni par l’AC ni par un chef d’équipe de votre poste. Rien n’a été modifié.',
  'receipt-for-others':
    'Cet accusé de réception est adressé à d’autres appareils : l’accusé d’un autre poste, ou une autre partie d’un accusé enregistré en plusieurs fichiers. Rien n’a été modifié. Importez le fichier fait pour cet appareil; si aucun ne l’est, demandez un nouvel accusé de réception à l’expéditeur.',
  'invalid-receipt':
    'Cet accusé de réception a été refusé : son contenu ne correspond pas à son signataire.',
  'unknown-device':
    'Ce lot provient d’un appareil que votre profil réseau ne connaît pas. Importez le dernier profil de l’AC, puis importez de nouveau le lot.',
  'device-revoked':
    'Ce lot a été refusé : il provient d’un appareil que l’AC a révoqué (un ordinateur perdu, volé ou remplacé). Rien de son contenu n’a été appliqué; ce que cet appareil a envoyé avant sa révocation est conservé. Si cela vous surprend, appelez l’AC.',
  'own-bundle':
    'Ce lot a été créé sur cet appareil. Il est destiné aux autres appareils de votre réseau, pas à celui-ci.',
  'cannot-read': 'Ce fichier est illisible. Copiez-le de nouveau depuis sa source et réessayez.',
  'unknown-file':
    'Ce fichier n’est ni un lot Liaison Log, ni un profil réseau, ni une fiche d’inscription.',
  'disk-full':
    'Le disque est plein. Rien de ce fichier n’a été enregistré; libérez de l’espace et importez-le de nouveau.',
  'write-failed': 'Ce fichier n’a pas pu être enregistré. Rien n’a été modifié; réessayez.',
  'connection-closed':
    'La base de données s’est fermée pendant l’enregistrement de ce fichier (le disque est peut-être défaillant, ou une autre fenêtre de Liaison Log l’a mise à jour). Rien de ce fichier n’a été enregistré; importez-le de nouveau.',
  'not-for-role':
    'Seuls l’AC et les chefs d’équipe acceptent les fiches d’inscription. Envoyez ce fichier à l’AC.',
  'not-your-post':
    'Cet appareil appartient à un poste que vous ne dirigez pas. L’AC doit l’approuver.',
  'pending-full':
    'Ce fichier a été refusé : {{max, number}} appareils attendent déjà l’approbation ici, le maximum permis. Approuvez-en ou refusez-en (Synchronisation, Appareils en attente d’approbation), puis importez-le de nouveau.',
  'pending-device-full':
    'Ce fichier a été refusé : cet appareil a déjà {{max, number}} lots en attente d’approbation, le maximum permis. Approuvez ou refusez d’abord l’appareil.',
  'pending-storage-full':
    'Ce fichier a été refusé : les lots des appareils en attente d’approbation occupent déjà les {{max, number}} Mio qui leur sont réservés. Approuvez ou refusez d’abord des appareils.',
  'import-stopped':
    'L’importation s’est arrêtée chaque fois pendant le traitement de ce fichier (l’application s’est fermée, a planté ou a manqué de mémoire). Il ne sera plus essayé de lui-même, et rien n’en a été importé. Demandez un nouveau fichier à l’expéditeur, ou importez-le de nouveau seul.',
  'no-such-device': 'Cet appareil n’attend plus d’approbation.',
  'officer-id-taken':
    'Cet appareil revendique l’ID d’agent d’une personne que le profil de l’AC place ailleurs (un autre poste, un chef d’équipe ou l’AC). Il n’a pas été approuvé. Demandez à l’AC de l’approuver s’il est authentique.',
  'pending-key-conflict':
    'Un appareil portant cet identifiant attend déjà l’approbation avec d’autres clés : l’un des deux fichiers ne vient donc pas de lui. Rien n’a été ajouté. Refusez l’appareil en attente si vous ne pouvez pas dire lequel est authentique, puis importez de nouveau le bon fichier.',
  'cannot-approve':
    'Cet appareil ne peut pas être approuvé à partir de son seul lot : il n’indique aucun poste. Demandez sa fiche d’inscription.',
  'too-many-recipients':
    'Ce fichier irait à {{count}} appareils; au plus {{max}} sont permis. Exportez un poste à la fois.',
  'no-recipients':
    'Personne à qui envoyer pour l’instant : votre profil réseau n’indique ni l’AC ni un chef d’équipe pour votre poste.',
  'folder-unavailable':
    'L’enregistrement dans un dossier choisi n’est pas offert ici. Utilisez plutôt la fenêtre d’enregistrement.',
  'bundle-id-reused':
    'Ce lot a été refusé : un autre fichier portant le même numéro de lot, d’un autre contenu ou d’un autre expéditeur, a déjà été importé ou attend l’approbation.',
  'not-allowed': 'Seuls l’AC et les chefs d’équipe peuvent faire ceci.',
  unexpected: 'Un problème est survenu avec ce fichier. Rien n’a été modifié.',
};

/**
 * 'cannot-read' for a file the platform could not read, by reason: the engine passes the
 * reason as i18next's `context`, so `exchange.error.cannot-read_<reason>` is chosen, and a
 * reason without a sentence falls back to the plain 'cannot-read' one.
 */
type CannotRead = `cannot-read_${UnreadableReason}`;

const cannotReadEn: Sentences<CannotRead> = {
  'cannot-read_not-found':
    'This file could not be read: it was moved or deleted after it was chosen. Nothing from it was stored; find it and import it again.',
  'cannot-read_permission-denied':
    'This file could not be read: the system refused access to it. Nothing from it was stored; copy it somewhere you can open it, then import it again.',
  'cannot-read_too-large':
    'This file was not read: it is larger than {{max, number}} MiB, the most Liaison Log reads in one file and far more than any file it makes. Nothing from it was stored; check that it is the right file.',
  'cannot-read_batch-too-large':
    'This file was not read: the files chosen with it already came to {{max, number}} MiB, the most one import reads at once. Nothing from it was stored; import it again on its own.',
  'cannot-read_io':
    'This file could not be read (a disk or connection error). Nothing from it was stored; copy it again from its source and retry.',
};

const cannotReadFr: Sentences<CannotRead> = {
  'cannot-read_not-found':
    'Ce fichier n’a pas pu être lu : il a été déplacé ou supprimé après avoir été choisi. Rien n’en a été enregistré; retrouvez-le et importez-le de nouveau.',
  'cannot-read_permission-denied':
    'Ce fichier n’a pas pu être lu : le système en a refusé l’accès. Rien n’en a été enregistré; copiez-le à un endroit où vous pouvez l’ouvrir, puis importez-le de nouveau.',
  'cannot-read_too-large':
    'Ce fichier n’a pas été lu : il dépasse {{max, number}} Mio, le maximum que Liaison Log lit dans un fichier, bien plus que tout fichier qu’il produit. Rien n’en a été enregistré; vérifiez qu’il s’agit du bon fichier.',
  'cannot-read_batch-too-large':
    'Ce fichier n’a pas été lu : les fichiers choisis avec lui atteignaient déjà {{max, number}} Mio, le maximum qu’une importation lit d’un coup. Rien n’en a été enregistré; importez-le de nouveau seul.',
  'cannot-read_io':
    'Ce fichier n’a pas pu être lu (erreur de disque ou de connexion). Rien n’en a été enregistré; copiez-le de nouveau depuis sa source et réessayez.',
};

const refusalEn: Sentences<RefusalCode> = {
  'invalid-change': 'Not a valid change (a value of the wrong kind, or an unknown field).',
  'author-mismatch': 'Made in the name of someone other than the sender.',
  'not-owner': 'The entry belongs to another officer or post.',
  'ownership-change': 'Tried to give the entry to another officer or post.',
  'officer-writes-review': 'An officer cannot review entries.',
  'review-field-out-of-scope': 'The team lead does not lead the post of this entry.',
  'hq-review-only': 'HQ can only review entries, not change them.',
  'unknown-record':
    'The entry has not arrived here yet; the change is kept and applied when it does.',
  'newer-catalogue':
    'The entry is of a kind this version of Liaison Log does not know; it is kept and applied once the app is updated.',
  'newer-path':
    'A part of the entry this version of Liaison Log does not know yet (a newer version made it); it is kept and applied once the app is updated.',
  'comment-too-long':
    'A review comment longer than 2,000 characters; the rest of the entry is applied.',
  'invalid-value':
    'A value this kind of entry does not accept (wrong kind, out of bounds or not one of the choices); the rest of the entry is applied.',
  'clock-ahead':
    'Stamped more than a day ahead of this computer’s clock (the sender’s clock is probably wrong); it is held and applied once this clock reaches its time.',
};

const refusalFr: Sentences<RefusalCode> = {
  'invalid-change': 'Modification non valide (valeur d’un mauvais type ou champ inconnu).',
  'author-mismatch': 'Faite au nom d’une autre personne que l’expéditeur.',
  'not-owner': 'L’entrée appartient à un autre agent ou à un autre poste.',
  'ownership-change': 'Tentative d’attribuer l’entrée à un autre agent ou à un autre poste.',
  'officer-writes-review': 'Un agent ne peut pas réviser les entrées.',
  'review-field-out-of-scope': 'Le chef d’équipe ne dirige pas le poste de cette entrée.',
  'hq-review-only': 'L’AC peut seulement réviser les entrées, pas les modifier.',
  'unknown-record':
    'L’entrée n’est pas encore arrivée ici; la modification est conservée et sera appliquée à son arrivée.',
  'newer-catalogue':
    'L’entrée est d’un type que cette version de Liaison Log ne connaît pas; elle est conservée et sera appliquée une fois l’application mise à jour.',
  'newer-path':
    'Une partie de l’entrée que cette version de Liaison Log ne connaît pas encore (une version plus récente l’a faite); elle est conservée et sera appliquée une fois l’application mise à jour.',
  'comment-too-long':
    'Un commentaire de révision de plus de 2 000 caractères; le reste de l’entrée est appliqué.',
  'invalid-value':
    'Une valeur que ce type d’entrée n’accepte pas (mauvais type, hors limites ou absente des choix); le reste de l’entrée est appliqué.',
  'clock-ahead':
    'Datée de plus d’un jour après l’horloge de cet ordinateur (l’horloge de l’expéditeur est sans doute fausse)\u00a0; elle est retenue et sera appliquée quand cette horloge aura atteint sa date.',
};

export const exchangeMessages = bilingual(
  { exchange: { error: { ...errorEn, ...cannotReadEn }, refusal: refusalEn } },
  { exchange: { error: { ...errorFr, ...cannotReadFr }, refusal: refusalFr } },
);
