// Feature message tables register themselves here (from each feature's index.ts), so i18n
// imports no feature. Each table owns its top-level namespaces; a second table claiming one
// is a programming error and fails at load, before anything renders.
import { type Bilingual } from './bilingual.ts';

type Table = Bilingual<object>;

const tables: Table[] = [];
const reserved = new Set<string>();

/** Namespaces the app's own strings (en.ts and the core tables) hold: no feature may take them. */
export function reserveNamespaces(names: Iterable<string>): void {
  for (const name of names) reserved.add(name);
}

export function registerMessages(table: Table): void {
  if (tables.includes(table)) return; // the same module loaded twice (hot reload)
  const taken = new Set([...reserved, ...tables.flatMap((t) => Object.keys(t.en))]);
  const clash = Object.keys(table.en).filter((name) => taken.has(name));
  if (clash.length > 0) throw new Error(`Message namespace already taken: ${clash.join(', ')}`);
  tables.push(table);
}

/** The registered tables, in registration order. */
export function registeredTables(): readonly Table[] {
  return tables;
}
