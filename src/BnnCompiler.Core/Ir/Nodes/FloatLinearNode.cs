namespace BnnCompiler.Core.Ir.Nodes;

/// <summary>
/// A full-precision dense or convolutional layer (weights that are not ±1 per output channel):
/// y[n,p] = Σ_k W[n,k]·x[k,p] + bias[n] in float32. Kept digital; never mapped onto crossbars as binary.
/// </summary>
public sealed class FloatLinearNode : IrNode
{
    public FloatLinearNode(string name, string origin, IrValue input, IrValue output, LinearLayout layout, float[] weights, float[]? bias)
        : base(name, origin, [input], [output])
    {
        if (weights.Length != (long)layout.Rows * layout.Columns)
        {
            throw new ShapeException($"layer has {weights.Length} weights, layout needs {layout.Rows}x{layout.Columns}");
        }

        Layout = layout;
        Weights = weights;
        Bias = bias;
    }

    public LinearLayout Layout { get; }

    /// <summary>Weights [N, K] row-major.</summary>
    public float[] Weights { get; }

    public float[]? Bias { get; }

    public override string OpName => "float_linear";

    public override IrNode WithInputs(IReadOnlyList<IrValue> inputs) =>
        new FloatLinearNode(Name, Origin, inputs[0], Output, Layout, Weights, Bias);

    public override string Describe() => Layout.ToString();
}
