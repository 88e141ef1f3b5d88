// Command-line arguments of the CLI and the dev server.

/** parseArgs speaks English: its complaints, in Chinese. */
export function argsError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  // Node quotes the option as '--rules <value>' when its value is missing: the name alone, for people.
  const option = /'([^']+)'/.exec(e.message ?? '')?.[1]?.replace(/\s*<value>$/, '');
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `参数有误：没有“${option ?? ''}”这个选项`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(e.message ?? '') ? `参数有误：选项“${option ?? ''}”后面需要一个值` : `参数有误：选项“${option ?? ''}”不带值`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `参数有误：多余的参数“${option ?? ''}”`;
    default:
      return '参数有误';
  }
}

