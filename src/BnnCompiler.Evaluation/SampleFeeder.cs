using System.Globalization;
using BnnCompiler.Core.Analysis;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Core.Ir;
using BnnCompiler.Data;

namespace BnnCompiler.Evaluation;

/// <summary>
/// Turns dataset images (0..255 bytes, channel-major) into the model's input tensor: pixel / scale, where the scale
/// is <see cref="EncodingAnalysis.InputScale"/> (1 for models marked <c>bnnc.input_range = 0-255</c>, 255 otherwise,
/// or what <c>--input-scale</c> set). A model whose input is an image (N, C, H, W) must match the images' C×H×W; any
/// other input must hold as many values as one image.
/// </summary>
public sealed class SampleFeeder
{
    private readonly Dataset _data;
    private readonly float _scale;

    public SampleFeeder(IrGraph graph, Dataset data, string modelPath)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(data);
        var shape = graph.Inputs[0].Shape;
        var image = string.Create(CultureInfo.InvariantCulture, $"{data.Channels}×{data.Height}×{data.Width} (C×H×W)");
        var fits = shape.Rank == 4
            ? shape[1] == data.Channels && shape[2] == data.Height && shape[3] == data.Width
            : shape.Count == data.ImageSize;
        if (!fits)
        {
            throw new DiagnosticException(Diagnostic.Error(DataDiagnostics.ShapeMismatch,
                shape.Rank == 4
                    ? $"the model's input {shape} takes images of {shape[1]}×{shape[2]}×{shape[3]} (C×H×W), but the images of '{data.Name}' are {image}"
                    : $"the model's input {shape} takes {shape.Count} values, but the images of '{data.Name}' have {data.ImageSize} ({image})",
                new SourceLocation(modelPath)));
        }

        _data = data;
        _scale = EncodingAnalysis.InputScale(graph);
        Scaling = EncodingAnalysis.DescribeInputScale(graph);
    }

    public int Count => _data.Count;

    /// <summary>True when the images have labels; without them only agreement with ONNX Runtime is measured.</summary>
    public bool HasLabels => _data.HasLabels;

    /// <summary>The scaling applied to the pixels, and how it was chosen, for reports.</summary>
    public string Scaling { get; }

    public int Label(int index) => _data.Label(index);

    /// <summary>How many of <paramref name="predictions"/> equal their label; null without labels.</summary>
    public int? CountCorrect(IReadOnlyList<int> predictions)
    {
        if (!HasLabels)
        {
            return null;
        }

        var correct = 0;
        for (var i = 0; i < predictions.Count; i++)
        {
            correct += predictions[i] == _data.Label(i) ? 1 : 0;
        }

        return correct;
    }

    public float[] Sample(int index)
    {
        var image = _data.Image(index);
        var values = new float[image.Length];
        for (var i = 0; i < image.Length; i++)
        {
            values[i] = EncodingAnalysis.InputValue(_scale, image[i]);
        }

        return values;
    }

    /// <summary>The model input shape without its batch axis, as <see cref="DataLoadOptions.ModelInput"/> takes it.</summary>
    public static IReadOnlyList<int> ModelInput(IrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var dims = graph.Inputs[0].Shape.Dims;
        return dims.Count > 1 ? dims.Skip(1).ToArray() : dims.ToArray();
    }
}
