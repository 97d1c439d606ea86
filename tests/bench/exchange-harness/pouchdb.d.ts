// The little of PouchDB the exchange benchmark uses (pouchdb-browser ships no types).
declare module 'pouchdb-browser' {
  interface PouchDatabase {
    bulkDocs(docs: object[]): Promise<unknown[]>;
    destroy(): Promise<unknown>;
  }
  const PouchDB: new (name: string) => PouchDatabase;
  export default PouchDB;
}
