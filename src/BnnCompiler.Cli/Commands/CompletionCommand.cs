using BnnCompiler.Cli.CommandLine;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>bnnc completion bash|zsh</c>: prints a shell script that completes bnnc's commands, options and choices by
/// asking bnnc itself (System.CommandLine's <c>[suggest:POSITION]</c> directive with the line typed so far).
/// Use it as <c>source &lt;(bnnc completion bash)</c>, or add that line to ~/.bashrc (~/.zshrc for zsh).
/// </summary>
public static class CompletionCommand
{
    public static readonly IReadOnlyList<string> Shells = ["bash", "zsh"];

    public static CliCommand Command { get; } = new(
        "completion",
        "print a tab-completion script for bash or zsh (source <(bnnc completion bash))",
        "bnnc completion bash|zsh",
        [],
        1,
        Run);

    private static int Run(ParsedArguments args, TextWriter output)
    {
        var shell = args.Positionals.Count > 0 ? args.Positionals[0]
            : throw ArgumentParser.Error("completion", $"completion needs the shell: {string.Join(" or ", Shells)}");
        output.Write(shell switch
        {
            "bash" => Bash,
            "zsh" => Zsh,
            _ => throw ArgumentParser.Error("completion", $"completion supports {string.Join(" and ", Shells)}; got '{shell}'"),
        });
        return 0;
    }

    private const string Bash = """
        # bnnc tab completion for bash: source <(bnnc completion bash)
        _bnnc_complete()
        {
            local IFS=$'\n'
            COMPREPLY=( $(bnnc "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null) )
        }
        complete -o default -F _bnnc_complete bnnc

        """;

    private const string Zsh = """
        # bnnc tab completion for zsh: source <(bnnc completion zsh)
        _bnnc_complete()
        {
            local -a candidates
            candidates=("${(@f)$(bnnc "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)}")
            if (( ${#candidates[@]} > 0 )) && [[ -n "${candidates[1]}" ]]; then
                compadd -- "${candidates[@]}"
            else
                _files
            fi
        }
        compdef _bnnc_complete bnnc

        """;
}
