// What the platform door's failures say to a person (PlatformError codes, ./errors.ts).
import { bilingual } from '../i18n/bilingual.ts';

export const platformMessages = bilingual(
  {
    platform: {
      error: {
        folderGone:
          'The folder is no longer there. Plug the drive back in, or choose the folder again.',
        permissionDenied:
          'Liaison Log may not use this folder. Choose it again and allow access, or choose another folder.',
        diskFull: 'The disk is full. Free some space or use another drive, then try again.',
        notWritable:
          'This folder cannot be written to (the drive may be read-only or locked). Choose another folder.',
        tooLarge: 'The file is too large to open (the limit is {{max, number}} MiB).',
        tooLargeNamed: '“{{name}}” is too large to open (the limit is {{max, number}} MiB).',
        invalidName:
          'This file name cannot be used. Use a name without slashes or special characters.',
        io: 'The file could not be read or written. Try again.',
      },
    },
  },
  {
    platform: {
      error: {
        folderGone:
          'Le dossier n’est plus là. Rebranchez le support ou choisissez de nouveau le dossier.',
        permissionDenied:
          'Liaison Log n’a pas accès à ce dossier. Choisissez-le de nouveau et autorisez l’accès, ou choisissez un autre dossier.',
        diskFull:
          'Le disque est plein. Libérez de l’espace ou utilisez un autre support, puis réessayez.',
        notWritable:
          'Impossible d’écrire dans ce dossier (le support est peut-être en lecture seule ou verrouillé). Choisissez un autre dossier.',
        tooLarge:
          'Le fichier est trop volumineux pour être ouvert (la limite est de {{max, number}} Mio).',
        tooLargeNamed:
          '« {{name}} » est trop volumineux pour être ouvert (la limite est de {{max, number}} Mio).',
        invalidName:
          'Ce nom de fichier ne peut pas être utilisé. Utilisez un nom sans barre oblique ni caractère spécial.',
        io: 'Le fichier n’a pas pu être lu ou écrit. Réessayez.',
      },
    },
  },
);
