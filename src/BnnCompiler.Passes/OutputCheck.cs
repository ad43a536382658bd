using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Interpretation;
using BnnCompiler.Core.Ir;
using BnnCompiler.Core.Randomness;

namespace BnnCompiler.Passes;

/// <summary>
/// The interpreter-equality check: outputs of the graph as imported on seeded pixel inputs, compared bit for bit
/// with the outputs after each pass. Inputs are 8-bit pixel codes fed as the model receives them (pixel / scale).
/// </summary>
internal sealed class OutputCheck
{
    private readonly float[][] _inputs;
    private readonly float[][] _expected;

    public OutputCheck(IrGraph graph, int samples, ulong seed)
    {
        var rng = new SplitMix64(seed);
        var scale = EncodingAnalysis.InputScale(graph);
        var length = graph.Inputs[0].Shape.Count;
        _inputs = Enumerable.Range(0, samples)
            .Select(_ => Enumerable.Range(0, length).Select(_ => EncodingAnalysis.InputValue(scale, (int)(rng.NextUInt64() % 256))).ToArray())
            .ToArray();
        var interpreter = new IrInterpreter(graph);
        _expected = _inputs.Select(i => interpreter.Run(i)).ToArray();
    }

    /// <summary>Throws <see cref="IrInvariantException"/> naming the pass, sample and element of the first difference.</summary>
    public void Check(IrGraph graph, string pass)
    {
        var interpreter = new IrInterpreter(graph);
        for (var s = 0; s < _inputs.Length; s++)
        {
            var actual = interpreter.Run(_inputs[s]);
            var expected = _expected[s];
            var first = Enumerable.Range(0, Math.Min(actual.Length, expected.Length))
                .FirstOrDefault(i => BitConverter.SingleToInt32Bits(actual[i]) != BitConverter.SingleToInt32Bits(expected[i]), -1);
            if (actual.Length != expected.Length || first >= 0)
            {
                var where = first >= 0 ? $"element {first}: {expected[first]:R} before, {actual[first]:R} after" : $"{expected.Length} outputs before, {actual.Length} after";
                throw new IrInvariantException($"IR invariant: pass {pass} changed the interpreter's output on seeded sample {s}: {where}");
            }
        }
    }
}
