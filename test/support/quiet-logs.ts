import { Logger } from '@nestjs/common';

// Agents log every start and stop; in the test output only problems are worth reading.
Logger.overrideLogger(process.env.MAS_TEST_LOGS === 'all' ? ['log', 'warn', 'error', 'debug'] : ['error']);
