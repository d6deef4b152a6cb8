/** An error reply from the background, with the URL that got no response when that was the trouble. */
export class BackgroundError extends Error {
  constructor(
    message: string,
    readonly unreachableUrl?: string,
  ) {
    super(message);
  }
}
