// Port: the channels a borrower talks to us on (its own file: the ports that name a channel import only this).

/** Where a borrower talks to us. "console" is the terminal demo. */
export type Channel = "telegram" | "console" | "sms" | "email";
