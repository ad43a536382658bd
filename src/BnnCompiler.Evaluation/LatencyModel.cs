namespace BnnCompiler.Evaluation;

/// <summary>Which timing a dataset-free cost estimate takes its latency from.</summary>
public enum LatencyModel
{
    /// <summary>The cycle-level timing engine running the compiled program (the default).</summary>
    Engine,

    /// <summary>The cost model's analytical stage cycles, each stage's components added (docs/cost-model.md).</summary>
    Analytical,
}
