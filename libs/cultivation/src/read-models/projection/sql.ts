/** What the projection needs of a connection: a TypeORM QueryRunner or DataSource both fit. */
export interface Sql {
  query(sql: string, parameters?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}
