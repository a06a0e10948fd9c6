/** A chat message as flows build it and the model client sends it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}
