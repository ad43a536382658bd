using BnnCompiler.CostModel.Report;
using BnnCompiler.Isa;
using BnnCompiler.Mapping;
using BnnCompiler.Simulator;

namespace BnnCompiler.Evaluation.Pipeline;

/// <summary>
/// Everything one pass of <see cref="EvaluationPipeline.Evaluate"/> produced: the mapped chip (after every mapping
/// transform), its compiled program, the simulator that ran the dataset, the accuracy against ONNX Runtime, the
/// counted activity and timing, and the priced cost.
/// </summary>
public sealed record EvaluationRun(
    ChipMapping Mapping,
    MappedProgram Program,
    FunctionalSimulator Simulator,
    AccuracyResult Accuracy,
    CountedActivity Activity,
    CostReport Cost);
