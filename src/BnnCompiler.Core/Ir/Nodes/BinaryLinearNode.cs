namespace BnnCompiler.Core.Ir.Nodes;

/// <summary>
/// A layer with ±1 weights: y[n,p] = α[n]·Σ_k W[n,k]·x[k,p] + bias[n]. The dot product is exact (integer)
/// for integer-coded inputs. α and bias are null when absent (α = 1, bias = 0); a threshold that follows
/// absorbs them when folded. Weight signs are stored row-major [N, K] as +1 / −1.
/// </summary>
public sealed class BinaryLinearNode : IrNode
{
    public BinaryLinearNode(string name, string origin, IrValue input, IrValue output, LinearLayout layout,
        sbyte[] signs, float[]? alpha, float[]? bias)
        : base(name, origin, [input], [output])
    {
        if (signs.Length != (long)layout.Rows * layout.Columns)
        {
            throw new ShapeException($"binary layer has {signs.Length} weights, layout needs {layout.Rows}x{layout.Columns}");
        }

        Layout = layout;
        Signs = signs;
        Alpha = alpha;
        Bias = bias;
    }

    public LinearLayout Layout { get; }

    /// <summary>Weight signs, [N, K] row-major, each +1 or −1.</summary>
    public sbyte[] Signs { get; }

    public float[]? Alpha { get; }

    public float[]? Bias { get; }

    public override string OpName => "binary_linear";

    public BinaryLinearNode With(float[]? alpha, float[]? bias, IrValue? output = null) =>
        new(Name, Origin, Inputs[0], output ?? Output, Layout, Signs, alpha, bias);

    public override IrNode WithInputs(IReadOnlyList<IrValue> inputs) =>
        new BinaryLinearNode(Name, Origin, inputs[0], Output, Layout, Signs, Alpha, Bias);

    public override string Describe() =>
        $"{Layout}{(Alpha is null ? string.Empty : " alpha")}{(Bias is null ? string.Empty : " bias")}";
}
