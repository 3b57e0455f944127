// Lets a benchmark script load the app's server-only modules (the runner) outside Next:
// `server-only` resolves to an empty module, as it does on the server.
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {}", shortCircuit: true };
  return next(specifier, context);
}`)}`,
  import.meta.url,
);
