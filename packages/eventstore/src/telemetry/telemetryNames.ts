/**
 * The names Clientele gives its spans, metrics and attributes (docs/operations.md, "Monitoring",
 * lists them with their meaning). They are public: dashboards and alerts are built on them.
 */
export const TELEMETRY = {
  /** The instrumentation scope of every span and metric. */
  scope: 'clientele',
  spans: {
    command: 'clientele.command',
    commandDecode: 'clientele.command.decode',
    commandLoad: 'clientele.command.load',
    commandDecide: 'clientele.command.decide',
    commandAppend: 'clientele.command.append',
    projectionBatch: 'clientele.projection.batch',
    reactorDelivery: 'clientele.reactor.delivery',
    outboxDelivery: 'clientele.outbox.delivery',
  },
  metrics: {
    /** Histogram, milliseconds: one append of a command's events. */
    appendDuration: 'clientele.append.duration',
    /** Counter: appends refused by a concurrency conflict. */
    conflicts: 'clientele.command.conflicts',
    /** Counter: commands decided again after a conflict. */
    retries: 'clientele.command.retries',
    /** Gauge, events: how far a projection build's checkpoint is behind the last event read. */
    projectionLagEvents: 'clientele.projection.lag.events',
    /** Gauge, seconds: how long ago the last event a batch applied was recorded. */
    projectionLagSeconds: 'clientele.projection.lag.seconds',
    /** Counter: reactor deliveries that failed (each try). */
    reactorFailures: 'clientele.reactor.failures',
    /** Gauge, messages: dead letters waiting to be replayed, per target. */
    outboxBacklog: 'clientele.outbox.backlog',
  },
  attributes: {
    engine: 'clientele.engine',
    stream: 'clientele.stream',
    commandId: 'clientele.command_id',
    correlationId: 'clientele.correlation_id',
    causationId: 'clientele.causation_id',
    actorRole: 'clientele.actor.role',
    outcome: 'clientele.outcome',
    attempt: 'clientele.attempt',
    events: 'clientele.events',
    projection: 'clientele.projection',
    reactor: 'clientele.reactor',
    messageId: 'clientele.message_id',
    messageType: 'clientele.message_type',
    target: 'clientele.target',
  },
} as const;
