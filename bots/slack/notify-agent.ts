// Tells the acting agent how an action went: ephemeral in the channel they used, else a direct message.
import type { webApi } from "@slack/bolt";

export async function notifyAgent(
  client: webApi.WebClient,
  agent: string,
  channel: string | undefined,
  text: string,
): Promise<void> {
  if (channel) await client.chat.postEphemeral({ channel, user: agent, text });
  else await client.chat.postMessage({ channel: agent, text });
}
