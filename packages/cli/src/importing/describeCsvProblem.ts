import type { CsvFormatError } from '@clientele/domain';

/** The reader's message, with the command-line option that fixes it where there is one. */
export const describeCsvProblem = (error: CsvFormatError): string => {
  switch (error.problem) {
    case 'invalidEncoding':
      return `${error.message}: give it with --encoding (for example --encoding windows-1252 or --encoding latin1)`;
    case 'unknownEncoding':
      return `${error.message} (--encoding takes names such as utf-8, latin1, windows-1252, utf-16le)`;
    case 'fieldCount':
      return `${error.message} If the file uses another delimiter, give it with --delimiter (comma, semicolon or tab).`;
    default:
      return error.message;
  }
};
