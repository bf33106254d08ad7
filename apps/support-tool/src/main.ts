import 'reflect-metadata';
import { runMain } from '@dailies/platform';
import { SupportToolModule } from '@dailies/support-tool';

// The Support Tool alone (staff pages under /support), for running it in its own container.
void runMain('Dailies support tool', [SupportToolModule], 'support-tool');
