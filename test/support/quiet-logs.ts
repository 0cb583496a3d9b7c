import { Logger } from '@nestjs/common';
import { configureMasLogging } from '@mas/core';

// Agents log every start and stop; in the test output only problems are worth reading. Nest's
// logger for specs that load the Nest face, the library's own console logger for the others.
const levels = process.env.MAS_TEST_LOGS === 'all' ? (['log', 'warn', 'error', 'debug'] as const) : (['error'] as const);
Logger.overrideLogger([...levels]);
configureMasLogging({ levels: [...levels] });
