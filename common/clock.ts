/** Where "now" comes from, so tests can fix it. */
export type Clock = () => Date;
