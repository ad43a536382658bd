namespace BnnCompiler.Core.Ir.Nodes;

/// <summary>
/// QONNX integer quantizer on the float path: q = clamp(round(x / scale + zero), qmin, qmax),
/// y = (q − zero)·scale, with round half to even (ROUND), towards zero (ROUND_TO_ZERO), FLOOR or CEIL.
/// qmin/qmax follow from the bit width, signedness and narrow range.
/// </summary>
public sealed class QuantNode : IrNode
{
    public QuantNode(string name, string origin, IrValue input, IrValue output, float scale, float zeroPoint, int bitWidth, bool signed, bool narrow, string rounding)
        : base(name, origin, [input], [output])
    {
        Scale = scale;
        ZeroPoint = zeroPoint;
        BitWidth = bitWidth;
        Signed = signed;
        Narrow = narrow;
        Rounding = rounding;
        QMin = signed ? -(1 << (bitWidth - 1)) + (narrow ? 1 : 0) : 0;
        QMax = signed ? (1 << (bitWidth - 1)) - 1 : (1 << bitWidth) - 1 - (narrow ? 1 : 0);
    }

    public float Scale { get; }

    public float ZeroPoint { get; }

    public int BitWidth { get; }

    public bool Signed { get; }

    public bool Narrow { get; }

    public string Rounding { get; }

    public int QMin { get; }

    public int QMax { get; }

    public override string OpName => "quant";

    public override IrNode WithInputs(IReadOnlyList<IrValue> inputs) =>
        new QuantNode(Name, Origin, inputs[0], Output, Scale, ZeroPoint, BitWidth, Signed, Narrow, Rounding);

    public override string Describe() => $"bits={BitWidth} {(Signed ? "signed" : "unsigned")}{(Narrow ? " narrow" : string.Empty)} scale={Scale} zero={ZeroPoint} {Rounding}";
}
