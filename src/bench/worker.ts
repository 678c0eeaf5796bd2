// Child-process entry of the benchmark: runs one phase per process, so that each has its own peak RSS and cold start.
import { runIngestPhase } from "./ingest-phase.js";
import { runServePhase } from "./serve-phase.js";
import { runVectorPhase } from "./vector-phase.js";

export const PHASES = {
  ingest: runIngestPhase,
  serve: runServePhase,
  vectors: runVectorPhase,
};

export type Phase = keyof typeof PHASES;

export interface PhaseRequest {
  phase: Phase;
  args: unknown;
}

export type PhaseReply = { result: unknown } | { error: string };

function reply(message: PhaseReply, code: number): void {
  // Exit only once the message is out: the parent waits for it.
  process.send!(message, () => process.exit(code));
}

if (process.send) {
  process.once("message", (request: PhaseRequest) => {
    const run = PHASES[request.phase] as (args: unknown) => Promise<unknown>;
    run(request.args).then(
      (result) => reply({ result }, 0),
      (e: unknown) => reply({ error: (e as Error)?.stack ?? String(e) }, 1),
    );
  });
}
