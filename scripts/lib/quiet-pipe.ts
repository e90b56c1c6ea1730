/** Piping a report into `head` closes stdout early: that is the reader's choice, not an error. */
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
