using BnnCompiler.Core;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Onnx;

namespace BnnCompiler.Evaluation;

/// <summary>
/// Runs ONNX Runtime on the original model (custom ops lowered to standard ONNX, optimisations off) and the
/// IR interpreter on the canonical graph, sample by sample over both cores, and compares their top-1.
/// </summary>
public static class ReferenceEvaluator
{
    public static ReferenceResult Compare(ImportedModel model, SampleFeeder feeder, IProgress<int>? progress = null)
    {
        var interpreter = new IrInterpreter(model.Graph);
        var count = feeder.Count;
        var ort = new int[count];
        var ir = new int[count];
        SampleLoop.Run(model, feeder, progress, (i, sample, reference) =>
        {
            ort[i] = reference;
            ir[i] = Top1.Of(interpreter.Run(sample));
        });

        var disagreements = Enumerable.Range(0, count).Where(i => ort[i] != ir[i]).ToList();
        return new ReferenceResult(count, feeder.CountCorrect(ort), feeder.CountCorrect(ir), disagreements, ort, ir);
    }
}
