/** A failed save, said plainly, with nothing the rep typed thrown away. */
export function WriteError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="write-error">
      {message}
    </p>
  );
}
