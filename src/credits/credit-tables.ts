/** Tables owned by src/credits (filled in by the credits work). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CreditTables {}
