/**
 * The JSON a Slack incoming webhook accepts (and that most chat tools read): `text` is the
 * plain line shown in notifications and by clients without blocks; `blocks` is the rich layout.
 */
export interface SlackMessage {
  text: string;
  blocks?: SlackBlock[];
}

export type SlackBlock =
  | { type: 'section'; text: SlackText; fields?: SlackText[] }
  | { type: 'context'; elements: SlackText[] };

export interface SlackText {
  type: 'mrkdwn' | 'plain_text';
  text: string;
}
