/**
 * An error whose message is ready to show the user as it is (the hosts' errors: a file that cannot be
 * opened, a write Excel refused). The name is given, not taken from the class, so it survives minifying.
 */
export class MessageError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}
