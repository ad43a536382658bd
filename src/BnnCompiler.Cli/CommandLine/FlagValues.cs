namespace BnnCompiler.Cli.CommandLine;

/// <summary>
/// Rewrites <c>--flag=true</c> to <c>--flag</c> and drops <c>--flag=false</c> before parsing, so that a switch given
/// <c>=false</c> stays off; any other <c>=value</c> on a switch is an error. Tokens after <c>--</c> are left alone.
/// </summary>
public static class FlagValues
{
    /// <summary>The rewritten tokens, or the error message for a switch given a value other than true or false.</summary>
    public static (IReadOnlyList<string> Tokens, string? Error) Rewrite(IEnumerable<string> tokens, IReadOnlyList<OptionSpec> specs)
    {
        var result = new List<string>();
        var literal = false;
        foreach (var token in tokens)
        {
            literal |= token == "--";
            var eq = token.IndexOf('=');
            var flag = literal || eq < 0 || !token.StartsWith('-') ? null
                : specs.FirstOrDefault(s => s.Kind == OptionKind.Flag && (token[..eq] == "--" + s.Name || (s.Alias is not null && token[..eq] == "-" + s.Alias)));
            if (flag is null)
            {
                result.Add(token);
                continue;
            }

            var value = token[(eq + 1)..];
            if (bool.TryParse(value, out var on))
            {
                if (on)
                {
                    result.Add(token[..eq]);
                }

                continue;
            }

            return (result, $"--{flag.Name} is a switch: give it alone, or =true / =false; got '{value}'");
        }

        return (result, null);
    }
}
