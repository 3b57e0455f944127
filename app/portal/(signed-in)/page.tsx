export default function PortalHome() {
  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Partner portal</h1>
    </main>
  );
}
