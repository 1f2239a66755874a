// What the assistant answers: text, the buttons offered, and whether a person takes over.

/** A button. `action` comes back in a Turn when tapped; at most 64 bytes (Telegram callback_data). */
export interface Choice {
  readonly action: string;
  readonly label: string;
}

export interface Reply {
  readonly text: string;
  readonly choices: readonly Choice[];
  /** True when the conversation is handed to a human agent. */
  readonly handoff: boolean;
}

export function reply(
  lines: readonly string[],
  choices: readonly Choice[],
  handoff = false,
): Reply {
  return { text: lines.filter((line) => line !== "").join("\n"), choices, handoff };
}
