// Masks an email address for agent-facing views: the first letter and the domain only (pure).

/** "dana.reyes@mail.example" -> "d•••@mail.example"; undefined -> "—". */
export function maskEmail(email: string | undefined): string {
  if (!email) return "—";
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${email[0]}•••${email.slice(at)}`;
}
