/** Tables owned by src/search (filled in by the search work). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SearchTables {}
