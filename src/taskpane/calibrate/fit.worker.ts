/**
 * The history fit's Web Worker (its own chunk, dist/fit-worker.js, from the
 * add-in's own origin): the fit runs here so the pane never blocks; the pane
 * cancels by terminating it. See fit-protocol.ts for the messages.
 */
import { FitReply, FitRequest, serveFitRequest } from "./fit-protocol";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<FitRequest>) => void) | null;
  postMessage(reply: FitReply): void;
};

scope.onmessage = (e) => {
  if (e.data?.type === "fit") serveFitRequest(e.data, (reply) => scope.postMessage(reply));
};
