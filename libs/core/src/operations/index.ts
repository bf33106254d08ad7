export * from './commands/redrive-dead-letters/redrive-dead-letters.command';
export * from './commands/replay-events/replay-events.command';
export * from './queries/list-dead-letters/list-dead-letters.query';
export * from './queries/list-consumer-stats/list-consumer-stats.query';
export * from './events';
export * from './operations.module';
