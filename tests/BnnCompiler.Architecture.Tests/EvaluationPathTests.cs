using BnnCompiler.Testing;

namespace BnnCompiler.Architecture.Tests;

/// <summary>
/// The commands that evaluate or price a model run the one <c>EvaluationPipeline</c> (README, "Layout"): none of them
/// compiles, builds a simulator, runs ONNX Runtime beside it, counts or prices by itself, so the chain is written once
/// (a command may map the model to prepare an input of the pipeline, e.g. a defect map of the mapped subarrays).
/// </summary>
public sealed class EvaluationPathTests
{
    /// <summary>Calls that belong to the pipeline's stages.</summary>
    private static readonly string[] StageCalls =
    [
        "ProgramCompiler.Compile(", "new FunctionalSimulator(", "CostModel.Price(", "MeasuredActivity.From(",
        "AccuracyEvaluator.Run(", "DatasetFreeCost.Estimate(", "MonteCarloRunner.Run(",
    ];

    public static TheoryData<string, string?> EntryPoints() => new()
    {
        { "src/BnnCompiler.Cli/Commands/EvaluateCommand.cs", "EvaluationPipeline" },
        { "src/BnnCompiler.Cli/Commands/CostCommand.cs", "EvaluationPipeline" },
        { "src/BnnCompiler.Cli/Commands/SweepCommand.cs", "SweepRunner" },
        { "src/BnnCompiler.Cli/Commands/StudyCommand.cs", "SweepRunner" },
        { "src/BnnCompiler.Cli/Cluster/SweepTask.cs", "SweepRunner" },
        { "src/BnnCompiler.Evaluation/Sweep/SweepRunner.cs", "EvaluationPipeline" },
        { "tools/BnnCompiler.Benchmark/Program.cs", "EvaluationPipeline" },
    };

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void An_evaluating_command_runs_the_pipeline_and_no_stage_of_its_own(string file, string? runs)
    {
        var source = File.ReadAllText(RepoPaths.Require(RepoPaths.Repo(file)));
        Assert.All(StageCalls, call => Assert.DoesNotContain(call, source, StringComparison.Ordinal));
        Assert.Contains(runs!, source, StringComparison.Ordinal);
    }
}
