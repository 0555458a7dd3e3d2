/** Tables owned by src/ranking (filled in by the ranking work). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RankingTables {}
