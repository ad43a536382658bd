using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Core.Ir;
using BnnCompiler.Data;

namespace BnnCompiler.Evaluation;

/// <summary>
/// Turns dataset images (0..255 bytes) into the model's input tensor: raw pixel values for models marked
/// <c>bnnc.input_range = 0-255</c>, pixel / 255 otherwise.
/// </summary>
public sealed class SampleFeeder
{
    private readonly Dataset _data;
    private readonly bool _raw;

    public SampleFeeder(IrGraph graph, Dataset data, string modelPath)
    {
        var length = graph.Inputs[0].Shape.Count;
        if (length != data.ImageSize)
        {
            throw new DiagnosticException(Diagnostic.Error("BNN5010",
                $"the model's input {graph.Inputs[0].Shape} takes {length} values, but images of '{data.Name}' have {data.ImageSize} ({data.Height}x{data.Width})",
                new SourceLocation(modelPath)));
        }

        _data = data;
        _raw = EncodingAnalysis.TakesRawPixels(graph);
    }

    public int Count => _data.Count;

    public int Label(int index) => _data.Label(index);

    public float[] Sample(int index)
    {
        var image = _data.Image(index);
        var values = new float[image.Length];
        for (var i = 0; i < image.Length; i++)
        {
            values[i] = EncodingAnalysis.InputValue(_raw, image[i]);
        }

        return values;
    }
}
