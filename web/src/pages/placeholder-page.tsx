export function PlaceholderPage({ title, text }: { title: string; text: string }) {
  return (
    <div className="page">
      <h1>{title}</h1>
      <p className="muted">{text}</p>
    </div>
  );
}
