/** The little of CodeMirror 5's mode API that the HyperMD-shaped test language uses. */
declare module 'codemirror' {
  import type { StringStream } from '@codemirror/language';

  export interface Cm5Mode<State> {
    name?: string;
    startState(): State;
    token(stream: StringStream, state: State): string | null;
    blankLine?(state: State): string | null | undefined;
    copyState?(state: State): State;
  }

  interface CodeMirror5 {
    getMode<State = unknown>(config: Record<string, unknown>, spec: string | Record<string, unknown>): Cm5Mode<State>;
    copyState<State>(mode: Cm5Mode<State>, state: State): State;
  }

  const CodeMirror: CodeMirror5;
  export default CodeMirror;
}

declare module 'codemirror/mode/*';
