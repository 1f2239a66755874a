// Builds modal inputs and reads their submitted values by block id.
import type { types } from "@slack/bolt";

// biome-ignore lint/suspicious/noExplicitAny: view state values are keyed by our own block ids
export type ViewState = Record<string, Record<string, any>>;

export function textInput(
  blockId: string,
  label: string,
  options: { multiline?: boolean; optional?: boolean; placeholder?: string } = {},
): types.InputBlock {
  return {
    type: "input",
    block_id: blockId,
    label: { type: "plain_text", text: label },
    optional: options.optional ?? false,
    element: {
      type: "plain_text_input",
      action_id: "value",
      multiline: options.multiline ?? false,
      ...(options.placeholder
        ? { placeholder: { type: "plain_text", text: options.placeholder } }
        : {}),
    },
  };
}

/** [value, label] pairs as Block Kit options. */
function plainOptions(choices: readonly (readonly [string, string])[]) {
  return choices.map(([value, text]) => ({ text: { type: "plain_text" as const, text }, value }));
}

export function selectInput(
  blockId: string,
  label: string,
  choices: readonly (readonly [string, string])[],
): types.InputBlock {
  const options = plainOptions(choices);
  return {
    type: "input",
    block_id: blockId,
    label: { type: "plain_text", text: label },
    element: {
      type: "static_select",
      action_id: "value",
      options,
      ...(options[0] ? { initial_option: options[0] } : {}),
    },
  };
}

export function radioInput(
  blockId: string,
  label: string,
  choices: readonly (readonly [string, string])[],
): types.InputBlock {
  const options = plainOptions(choices);
  return {
    type: "input",
    block_id: blockId,
    label: { type: "plain_text", text: label },
    element: { type: "radio_buttons", action_id: "value", options },
  };
}

/** The text typed or the option picked in `blockId`, trimmed; "" when empty. */
export function inputValue(state: ViewState, blockId: string): string {
  const input = state[blockId]?.value;
  const raw = input?.value ?? input?.selected_option?.value ?? "";
  return String(raw).trim();
}

export function modal(
  callbackId: string,
  title: string,
  privateMetadata: string,
  blocks: types.KnownBlock[],
  submit = "Save",
): types.ModalView {
  return {
    type: "modal",
    callback_id: callbackId,
    private_metadata: privateMetadata,
    title: { type: "plain_text", text: title },
    submit: { type: "plain_text", text: submit },
    close: { type: "plain_text", text: "Cancel" },
    blocks,
  };
}
