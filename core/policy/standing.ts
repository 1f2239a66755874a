// Facts about the borrower that stop nudges until someone changes them: flags, opt-outs, handoffs.
import { type Block, blockFor } from "./block.ts";
import type { Channel, PolicyBorrower } from "./inputs.ts";

export function standingBlocks(
  borrower: PolicyBorrower,
  channel: Channel,
  handoffOpen: boolean,
): Block[] {
  const blocks: Block[] = [];
  if (borrower.flags.deceased) blocks.push(blockFor("FLAG_DECEASED"));
  if (borrower.flags.bankruptcy) blocks.push(blockFor("FLAG_BANKRUPTCY"));
  if (borrower.flags.hardship) blocks.push(blockFor("FLAG_HARDSHIP"));
  if (borrower.optedOutChannels.includes(channel)) blocks.push(blockFor("OPTED_OUT"));
  if (borrower.unreachableChannels.includes(channel)) blocks.push(blockFor("CHANNEL_UNREACHABLE"));
  if (handoffOpen) blocks.push(blockFor("HANDOFF_OPEN"));
  return blocks;
}
