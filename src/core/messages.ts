/** A chat message as flows build it and the model client sends it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
  /** The participant's name (a Prompty role marker's `name` attribute, e.g. `user[name="Alice"]:`). */
  name?: string;
}
