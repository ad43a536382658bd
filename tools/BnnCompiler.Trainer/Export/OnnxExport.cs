using BnnCompiler.Onnx.Building;
using BnnCompiler.Trainer.Model;

namespace BnnCompiler.Trainer.Export;

/// <summary>State of one export: the builder, the dialect and the shared constants.</summary>
internal sealed class OnnxExport
{
    public const string QonnxDomain = "qonnx.custom_op.general";

    private readonly Module _last;
    private string? _zero;
    private string? _one;
    private string? _minusOne;

    public OnnxExport(OnnxModelBuilder builder, Dialect dialect, Module last)
    {
        Builder = builder;
        Dialect = dialect;
        _last = last;
    }

    public OnnxModelBuilder Builder { get; }

    public Dialect Dialect { get; }

    /// <summary>True for the module whose output is the graph output <c>logits</c>.</summary>
    public bool IsLast(Module module) => ReferenceEquals(module, _last);

    private string Zero => _zero ??= Builder.Scalar(0f, "zero");

    private string One => _one ??= Builder.Scalar(1f, "one");

    private string MinusOne => _minusOne ??= Builder.Scalar(-1f, "minus_one");

    /// <summary>
    /// The weight input of a binarized layer. Plain: the used weights (±1, or α·±1) as an initializer.
    /// QONNX: the latent weights behind BipolarQuant with scale 1 or α shaped [Cout, 1, …].
    /// </summary>
    public string BinaryWeight(string layer, long[] shape, float[] latent, float[] used, float[]? alpha)
    {
        if (Dialect == Dialect.Plain)
        {
            return Builder.Initializer(layer + ".weight", shape, used);
        }

        var w = Builder.Initializer(layer + ".weight", shape, latent);
        string scale;
        if (alpha is null)
        {
            scale = One;
        }
        else
        {
            var scaleShape = new long[shape.Length];
            Array.Fill(scaleShape, 1L);
            scaleShape[0] = shape[0];
            scale = Builder.Initializer(layer + ".alpha", scaleShape, alpha);
        }

        return Builder.Node("BipolarQuant", [w, scale], domain: QonnxDomain, name: layer + ".weight_quant");
    }

    /// <summary>The sign activation: Where(GreaterOrEqual(x, 0), 1, −1), or BipolarQuant(x, 1).</summary>
    public string BinaryActivation(string name, string input)
    {
        if (Dialect == Dialect.Qonnx)
        {
            return Builder.Node("BipolarQuant", [input, One], domain: QonnxDomain, name: name);
        }

        var ge = Builder.Node("GreaterOrEqual", [input, Zero], name: name + ".ge");
        return Builder.Node("Where", [ge, One, MinusOne], name: name);
    }
}
