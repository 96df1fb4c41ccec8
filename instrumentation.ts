export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request is handled: client IPs of direct clients come from the socket.
  const { installPeerAddressHeader } = await import("./lib/request/peer-address");
  installPeerAddressHeader();
  const { startServer } = await import("./lib/startup/start");
  await startServer();
}
