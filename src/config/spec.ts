// What the option table (table.ts) says of each option.

export interface OptionSpec {
  /** The action's input in action.yml; null: the CLI only. */
  input: string | null
  /** The CLI's flag; null: the action only (or, for context, the positional argument). */
  flag: `--${string}` | null
  /** The flag's one-letter alias. */
  short?: string
  /** The flag's value as usage names it (LIST); none: the flag is a switch. */
  arg?: string
  /** The value of the flag given alone (--fix is --fix=write); its arg then reads [=VALUE]. */
  bare?: string
  /** A switch: the input value it stands for (--no-train is train: false). */
  sets?: string
  /** The flag may be given again; the action's input takes one entry per line. */
  repeatable?: boolean
  /** The default, as action.yml has it ('' for none). */
  default: string
  /** The default as people read it, where it is no literal value: "every platform". */
  shownDefault?: string
  /** What it does, in one line (the CLI's usage). */
  help: string
}
