/** Error raised for any $filter/$select the emulator cannot accept; the server maps it to a 400. */
export class ODataError extends Error {
  readonly position?: number;

  /** Builds the error; when a position is given it is appended to the message so clients can locate the fault. */
  constructor(message: string, position?: number) {
    super(position === undefined ? message : `${message} (at position ${position})`);
    this.name = 'ODataError';
    if (position !== undefined) this.position = position;
  }
}
