namespace BnnCompiler.Cli.Tests;

/// <summary>Tests that read what a command writes to the process's standard error run one at a time, alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleErrorCollection
{
    public const string Name = "console-error";
}
