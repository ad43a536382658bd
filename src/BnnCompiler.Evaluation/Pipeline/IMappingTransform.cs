using BnnCompiler.Mapping;

namespace BnnCompiler.Evaluation.Pipeline;

/// <summary>
/// A step between mapping and compiling in <see cref="EvaluationPipeline"/>: takes the mapped chip and returns the
/// one to compile, simulate and price (e.g. a remapping around defective cells). Steps run in the order given.
/// </summary>
public interface IMappingTransform
{
    /// <summary>Names the step in diagnostics and reports.</summary>
    string Name { get; }

    /// <summary>The mapping to compile instead of <paramref name="mapping"/> (which must not be modified).</summary>
    ChipMapping Apply(ChipMapping mapping);
}
