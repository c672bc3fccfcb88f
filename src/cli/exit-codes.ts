/** Process exit codes of the command line. */
export const EXIT_OK = 0;
/** Something failed that the user could not have prevented (a bug, a disk error). */
export const EXIT_FAILURE = 1;
/** Bad input: unknown option, bad value, missing or unreadable file, a sheet with no KPI table. */
export const EXIT_USAGE = 2;
/** Partly done: some input files could not be read (each named with the reason); the rest were processed. */
export const EXIT_PARTIAL = 3;
