export * from './csvFormatError.js';
export * from './decodeCsvText.js';
export * from './detectDelimiter.js';
export * from './readCsvRecords.js';
export * from './checkCsv.js';
