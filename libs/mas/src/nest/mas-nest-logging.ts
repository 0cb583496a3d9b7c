import { Logger } from '@nestjs/common';
import { configureMasLogging } from '../util/mas-logger';

// Loading the Nest face routes every library log (standalone agents and connections included)
// through Nest's Logger, so `app.useLogger()` and `Logger.overrideLogger()` apply to them.
configureMasLogging({ logger: (context) => new Logger(context) });
