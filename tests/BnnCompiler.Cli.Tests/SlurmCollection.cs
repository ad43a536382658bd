namespace BnnCompiler.Cli.Tests;

/// <summary>Tests that start a local Slurm cluster run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SlurmCollection
{
    public const string Name = "slurm";
}
