/** The part of the `datapackage` library (Frictionless Data, no bundled types) the tests use. */
declare module 'datapackage' {
  export class Package {
    static load(
      descriptor: object,
      options?: { basePath?: string; strict?: boolean },
    ): Promise<Package>;
    valid: boolean;
    errors: { message: string }[];
    resources: {
      name: string;
      read(options?: { keyed?: boolean; relations?: boolean }): Promise<unknown[]>;
    }[];
  }
}
